from django.urls import path

from members.views import moderation as views

urlpatterns = [
    path("c/<slug:slug>/report/", views.ReportCreateView.as_view(), name="report"),
    path("c/<slug:slug>/moderation/", views.ModerationQueueView.as_view(), name="moderation"),
    path(
        "c/<slug:slug>/moderation/reports/<int:report_id>/",
        views.ReportReviewView.as_view(),
        name="moderation-review",
    ),
    path(
        "c/<slug:slug>/moderation/members/<int:membership_id>/",
        views.MemberModerationView.as_view(),
        name="moderation-member",
    ),
    path(
        "c/<slug:slug>/settings/moderation/",
        views.ModerationSettingsView.as_view(),
        name="moderation-settings",
    ),
]
