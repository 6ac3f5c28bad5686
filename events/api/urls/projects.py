from django.urls import path

from events.api.views import projects as views

EVENT = "events/<int:event_id>/"
PROJECT = EVENT + "projects/<int:project_id>/"

urlpatterns = [
    path(
        EVENT + "collaboration/",
        views.CollaborationViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="collaboration-detail",
    ),
    path(
        EVENT + "projects/",
        views.ProjectViewSet.as_view({"get": "list", "post": "create"}),
        name="project-list",
    ),
    path(PROJECT, views.ProjectViewSet.as_view({"get": "retrieve"}), name="project-detail"),
    path(
        PROJECT + "showcase/",
        views.ProjectShowcaseViewSet.as_view({"post": "showcase"}),
        name="project-showcase",
    ),
    path(
        PROJECT + "team/",
        views.TeamViewSet.as_view({"get": "list", "post": "create", "delete": "destroy"}),
        name="project-team",
    ),
    path(
        PROJECT + "updates/",
        views.UpdateViewSet.as_view({"get": "list", "post": "create"}),
        name="project-update-list",
    ),
]
