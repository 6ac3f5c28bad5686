from django.urls import path

from content.api.views import discussion_moderation as moderation
from content.api.views import discussions as views
from content.api.views import spaces as space_views

SPACE = "spaces/<slug:space_slug>/"
TOPIC = "topics/<int:topic_id>/"
REPLY = TOPIC + "replies/<int:reply_id>/"

urlpatterns = [
    path("spaces/", space_views.SpaceViewSet.as_view({"get": "list", "post": "create"}), name="space-list"),
    path(
        SPACE,
        space_views.SpaceViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="space-detail",
    ),
    path(
        SPACE + "members/",
        space_views.SpaceMemberViewSet.as_view({"get": "list", "post": "create"}),
        name="space-member-list",
    ),
    path(
        SPACE + "members/<int:membership_id>/",
        space_views.SpaceMemberViewSet.as_view({"delete": "destroy"}),
        name="space-member-detail",
    ),
    path(
        SPACE + "membership/",
        space_views.SpaceMembershipViewSet.as_view({"post": "join", "delete": "leave"}),
        name="space-membership",
    ),
    path("mentions/", views.MentionViewSet.as_view({"get": "suggest"}), name="mention-suggestions"),
    path("topics/", views.TopicViewSet.as_view({"get": "list", "post": "create"}), name="topic-list"),
    path(
        TOPIC,
        views.TopicViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="topic-detail",
    ),
    path(
        TOPIC + "replies/",
        views.ReplyViewSet.as_view({"get": "list", "post": "create"}),
        name="reply-list",
    ),
    path(
        REPLY,
        views.ReplyViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="reply-detail",
    ),
    path(TOPIC + "reactions/", views.ReactionViewSet.as_view({"post": "toggle"}), name="topic-reactions"),
    *[
        path(
            f"{TOPIC}{flag}/",
            moderation.TopicModerationViewSet.as_view({"post": "set", "delete": "unset"}, flag=flag),
            name=f"topic-{flag}",
        )
        for flag in ("lock", "close", "pin")
    ],
    path(
        TOPIC + "prompt/",
        moderation.TopicPromptViewSet.as_view({"post": "set", "delete": "unset"}),
        name="topic-prompt",
    ),
    path(TOPIC + "move/", moderation.TopicModerationViewSet.as_view({"post": "move"}), name="topic-move"),
    path(TOPIC + "split/", moderation.TopicModerationViewSet.as_view({"post": "split"}), name="topic-split"),
    path(
        TOPIC + "slow-mode/",
        moderation.TopicModerationViewSet.as_view({"put": "slow_mode"}),
        name="topic-slow-mode",
    ),
    path(
        TOPIC + "read-only/",
        moderation.TopicModerationViewSet.as_view({"put": "read_only"}),
        name="topic-read-only",
    ),
    path(
        SPACE + "slow-mode/",
        moderation.SpaceModerationViewSet.as_view({"put": "slow_mode"}),
        name="space-slow-mode",
    ),
    path(
        SPACE + "read-only/",
        moderation.SpaceModerationViewSet.as_view({"put": "read_only"}),
        name="space-read-only",
    ),
    path(
        "discussion-settings/",
        moderation.DiscussionSettingsViewSet.as_view({"get": "retrieve", "put": "read_only"}),
        name="discussion-settings",
    ),
    path(REPLY + "reactions/", views.ReactionViewSet.as_view({"post": "toggle"}), name="reply-reactions"),
]
