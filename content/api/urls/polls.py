from django.urls import path

from content.api.views import polls as views

TOPIC = "topics/<int:topic_id>/"

urlpatterns = [
    path("topics/followed/", views.FollowedTopicViewSet.as_view({"get": "list"}), name="topic-followed"),
    path(TOPIC + "poll/", views.PollViewSet.as_view({"get": "retrieve", "post": "create"}), name="poll"),
    path(TOPIC + "poll/vote/", views.PollViewSet.as_view({"post": "vote"}), name="poll-vote"),
    path(TOPIC + "poll/close/", views.PollViewSet.as_view({"post": "close"}), name="poll-close"),
    path(
        TOPIC + "follow/",
        views.FollowViewSet.as_view({"post": "follow", "delete": "unfollow"}),
        name="topic-follow",
    ),
]
