"""HTML routes of polls and follows, on a topic (one poll per topic: no poll id in the URL)."""

from django.urls import path

from content.views import polls as views

TOPIC = "c/<slug:slug>/topics/<int:topic_id>/"

urlpatterns = [
    path(TOPIC + "poll/new/", views.PollCreateView.as_view(), name="poll-create"),
    path(TOPIC + "poll/vote/", views.PollVoteView.as_view(), name="poll-vote"),
    path(TOPIC + "poll/close/", views.PollCloseView.as_view(), name="poll-close"),
    path(TOPIC + "follow/", views.FollowView.as_view(), name="topic-follow"),
]
