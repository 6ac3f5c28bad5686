from django.urls import path

from members.api.views import moderation as views

member_action = {
    action: views.MemberModerationViewSet.as_view({"post": action})
    for action in ("warn", "mute", "unmute", "ban", "unban")
}

urlpatterns = [
    path("reports/", views.ReportViewSet.as_view({"get": "list", "post": "create"}), name="report-list"),
    path("reports/<int:report_id>/", views.ReportViewSet.as_view({"get": "retrieve"}), name="report-detail"),
    path(
        "reports/<int:report_id>/dismiss/",
        views.ReportViewSet.as_view({"post": "dismiss"}),
        name="report-dismiss",
    ),
    path(
        "reports/<int:report_id>/remove-content/",
        views.ReportViewSet.as_view({"post": "remove_content"}),
        name="report-remove-content",
    ),
    path(
        "members/<int:membership_id>/moderation/",
        views.MemberModerationViewSet.as_view({"get": "record"}),
        name="member-moderation-record",
    ),
    *(
        path(f"members/<int:membership_id>/{action}/", view, name=f"member-{action}")
        for action, view in member_action.items()
    ),
    path(
        "moderation-settings/",
        views.ModerationSettingsViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="moderation-settings",
    ),
]
