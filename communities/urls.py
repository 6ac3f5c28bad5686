from django.urls import path

from communities import views, views_notifications

app_name = "communities"

urlpatterns = [
    path("me/notifications/", views_notifications.InboxView.as_view(), name="notifications"),
    path(
        "me/notifications/<int:notification_id>/read/",
        views_notifications.NotificationReadView.as_view(),
        name="notification-read",
    ),
    path(
        "me/notifications/read-all/",
        views_notifications.NotificationReadAllView.as_view(),
        name="notifications-read-all",
    ),
    path(
        "c/<slug:slug>/notifications/settings/",
        views_notifications.NotificationSettingsView.as_view(),
        name="notification-settings",
    ),
    path("", views.DirectoryView.as_view(), name="directory"),
    path("communities/mine/", views.MyCommunitiesView.as_view(), name="mine"),
    path("communities/new/", views.CommunityCreateView.as_view(), name="create"),
    path("c/<slug:slug>/", views.CommunityHomeView.as_view(), name="home"),
    path("c/<slug:slug>/settings/", views.SettingsProfileView.as_view(), name="settings-profile"),
    path("c/<slug:slug>/settings/branding/", views.SettingsBrandingView.as_view(), name="settings-branding"),
    path("c/<slug:slug>/settings/rules/", views.SettingsRulesView.as_view(), name="settings-rules"),
    path("c/<slug:slug>/settings/rules/<int:rule_id>/edit/", views.RuleEditView.as_view(), name="rule-edit"),
    path(
        "c/<slug:slug>/settings/rules/<int:rule_id>/delete/",
        views.RuleDeleteView.as_view(),
        name="rule-delete",
    ),
    path("c/<slug:slug>/settings/rules/<int:rule_id>/move/", views.RuleMoveView.as_view(), name="rule-move"),
    path("c/<slug:slug>/settings/danger/", views.SettingsDangerView.as_view(), name="settings-danger"),
]
