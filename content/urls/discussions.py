"""HTML routes of spaces and discussions under c/<slug>/."""

from django.urls import path

from content.views import discussion_moderation as moderation
from content.views import discussions as views
from content.views import spaces as space_views

SPACE = "c/<slug:slug>/spaces/<slug:space_slug>/"
TOPIC = "c/<slug:slug>/topics/<int:topic_id>/"

urlpatterns = [
    path("c/<slug:slug>/spaces/", space_views.SpaceListView.as_view(), name="spaces"),
    path(
        "c/<slug:slug>/spaces/read-only/",
        moderation.CommunityReadOnlyView.as_view(),
        name="discussions-read-only",
    ),
    path("c/<slug:slug>/spaces/new/", space_views.SpaceCreateView.as_view(), name="space-create"),
    path(SPACE, space_views.SpaceDetailView.as_view(), name="space-detail"),
    path(SPACE + "edit/", space_views.SpaceEditView.as_view(), name="space-edit"),
    path(SPACE + "moderate/", moderation.SpaceModerationView.as_view(), name="space-moderate"),
    path(SPACE + "join/", space_views.SpaceJoinView.as_view(), name="space-join"),
    path(SPACE + "leave/", space_views.SpaceLeaveView.as_view(), name="space-leave"),
    path(SPACE + "members/", space_views.SpaceMembersView.as_view(), name="space-members"),
    path(
        SPACE + "members/<int:membership_id>/remove/",
        space_views.SpaceMemberRemoveView.as_view(),
        name="space-member-remove",
    ),
    path(SPACE + "topics/new/", views.TopicCreateView.as_view(), name="topic-create"),
    path("c/<slug:slug>/mentions/", views.MentionSuggestionsView.as_view(), name="mention-suggestions"),
    path(TOPIC, views.TopicDetailView.as_view(), name="topic-detail"),
    path(TOPIC + "edit/", views.TopicEditView.as_view(), name="topic-edit"),
    path(TOPIC + "moderate/", moderation.TopicModerationView.as_view(), name="topic-moderate"),
    path(TOPIC + "split/", moderation.TopicSplitView.as_view(), name="topic-split"),
    path(TOPIC + "react/", views.ReactView.as_view(), name="topic-react"),
    path(TOPIC + "replies/<int:reply_id>/edit/", views.ReplyEditView.as_view(), name="reply-edit"),
    path(TOPIC + "replies/<int:reply_id>/react/", views.ReactView.as_view(), name="reply-react"),
]
