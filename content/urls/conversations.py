from django.urls import path

from content.views import conversations as views

CONVERSATION = "c/<slug:slug>/messages/<int:conversation_id>/"

urlpatterns = [
    path("c/<slug:slug>/messages/", views.InboxView.as_view(), name="conversations"),
    path("c/<slug:slug>/messages/new/", views.ConversationStartView.as_view(), name="conversation-start"),
    path(
        "c/<slug:slug>/messages/settings/", views.MessagingSettingsView.as_view(), name="messaging-settings"
    ),
    path(
        "c/<slug:slug>/messages/settings/community/",
        views.MessagingRuleView.as_view(),
        name="messaging-rule",
    ),
    path(CONVERSATION, views.ConversationDetailView.as_view(), name="conversation-detail"),
    path(CONVERSATION + "read/", views.ConversationReadView.as_view(), name="conversation-read"),
    path(CONVERSATION + "leave/", views.ConversationLeaveView.as_view(), name="conversation-leave"),
]
