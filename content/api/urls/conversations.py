from django.urls import path

from content.api.views import conversations as views

CONVERSATION = "conversations/<int:conversation_id>/"

urlpatterns = [
    path(
        "conversations/",
        views.ConversationViewSet.as_view({"get": "list", "post": "create"}),
        name="conversation-list",
    ),
    path(CONVERSATION, views.ConversationViewSet.as_view({"get": "retrieve"}), name="conversation-detail"),
    path(
        CONVERSATION + "read/", views.ConversationViewSet.as_view({"post": "read"}), name="conversation-read"
    ),
    path(
        CONVERSATION + "leave/",
        views.ConversationViewSet.as_view({"post": "leave"}),
        name="conversation-leave",
    ),
    path(
        CONVERSATION + "messages/",
        views.MessageViewSet.as_view({"get": "list", "post": "create"}),
        name="conversation-messages",
    ),
    path(
        "messaging/preference/",
        views.MessagingPreferenceViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="messaging-preference",
    ),
    path(
        "messaging/settings/",
        views.MessagingSettingsViewSet.as_view({"get": "retrieve", "put": "update"}),
        name="messaging-settings",
    ),
]
