from django.urls import path

from events.views import projects as views

EVENT = "c/<slug:slug>/events/<int:event_id>/"
PROJECT = EVENT + "projects/<int:project_id>/"

urlpatterns = [
    path(EVENT + "projects/new/", views.ProjectProposeView.as_view(), name="project-propose"),
    path(
        EVENT + "projects/settings/", views.CollaborationSettingsView.as_view(), name="collaboration-settings"
    ),
    path(PROJECT, views.ProjectDetailView.as_view(), name="project"),
    path(PROJECT + "join/", views.ProjectJoinView.as_view(), name="project-join"),
    path(PROJECT + "leave/", views.ProjectLeaveView.as_view(), name="project-leave"),
    path(PROJECT + "showcase/", views.ProjectShowcaseView.as_view(), name="project-showcase"),
]
