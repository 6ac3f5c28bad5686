from django.urls import path

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
    path(TOPIC + "reactions/", views.ReactionViewSet.as_view({"post": "toggle"}), name="topic-reactions"),
    path(REPLY + "reactions/", views.ReactionViewSet.as_view({"post": "toggle"}), name="reply-reactions"),
]
