"""Polls and follows over the API, on a topic (one poll per topic): the poll as the caller sees it,
adding it, voting, closing it early; following and unfollowing; the topics I follow."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import discussions as discussion_serializers
from content.api.serializers import polls as s
from content.api.views.discussions import TopicChildMixin
from content.models import Poll, Topic, TopicFollow
from content.selectors import polls as selectors
from content.services import follows as follow_services
from content.services import polls as services


@extend_schema_view(
    retrieve=extend_schema(summary=_("The topic's poll: counts once you voted (or once it closed)")),
    create=extend_schema(
        summary=_("Add a poll to the topic (its author or a moderator; one per topic)"),
        request=s.PollInputSerializer,
        responses={201: s.PollOutputSerializer},
    ),
)
class PollViewSet(TopicChildMixin, CommunityViewSet):
    queryset = Poll.objects.none()
    serializer_class = s.PollOutputSerializer
    capability = {"retrieve": "view", "create": "participate", "vote": "participate", "close": "participate"}

    def poll_response(self, status_code=status.HTTP_200_OK):
        view = selectors.poll_view(
            community=self.request.community, topic=self._topic, membership=self.request.membership
        )
        if view is None:
            selectors.poll_get(community=self.request.community, topic=self._topic)  # PollNotFound
        return Response(self.get_serializer(view).data, status=status_code)

    def get_object(self):
        return selectors.poll_get(community=self.request.community, topic=self._topic)

    def retrieve(self, request, community_slug, topic_id):
        return self.poll_response()

    def create(self, request, community_slug, topic_id):
        serializer = s.PollInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.poll_create(
            actor=request.user, community=request.community, topic=self._topic, **serializer.validated_data
        )
        return self.poll_response(status.HTTP_201_CREATED)

    @extend_schema(
        summary=_(
            "Vote: one option, or several in a multiple-choice poll; once per member, while the poll is open"
        ),
        request=s.PollVoteInputSerializer,
        responses={200: s.PollOutputSerializer},
    )
    def vote(self, request, community_slug, topic_id):
        poll = self.get_object()
        serializer = s.PollVoteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.poll_vote(
            actor=request.user,
            community=request.community,
            poll=poll,
            option_ids=serializer.validated_data["options"],
        )
        return self.poll_response()

    @extend_schema(
        summary=_("Close the poll now (the topic's author or a moderator)"),
        request=None,
        responses={200: s.PollOutputSerializer},
    )
    def close(self, request, community_slug, topic_id):
        services.poll_close(actor=request.user, community=request.community, poll=self.get_object())
        return self.poll_response()


class FollowViewSet(TopicChildMixin, CommunityViewSet):
    """Following a topic: new replies come to the follower's notifications (a digest when it is busy)."""

    queryset = TopicFollow.objects.none()
    serializer_class = s.FollowOutputSerializer
    capability = {"follow": "participate", "unfollow": "participate"}

    @extend_schema(summary=_("Follow the topic"), request=None, responses={200: s.FollowOutputSerializer})
    def follow(self, request, community_slug, topic_id):
        follow_services.topic_follow(actor=request.user, community=request.community, topic=self._topic)
        return Response(self.get_serializer({"topic_id": self._topic.pk, "following": True}).data)

    @extend_schema(
        summary=_("Stop following the topic"), request=None, responses={200: s.FollowOutputSerializer}
    )
    def unfollow(self, request, community_slug, topic_id):
        follow_services.topic_unfollow(actor=request.user, community=request.community, topic=self._topic)
        return Response(self.get_serializer({"topic_id": self._topic.pk, "following": False}).data)


@extend_schema_view(list=extend_schema(summary=_("The topics I follow, most recently active first")))
class FollowedTopicViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = Topic.objects.none()
    serializer_class = discussion_serializers.TopicOutputSerializer
    capability = {"list": "participate"}
    filter_backends = []  # most recently active first

    def get_queryset(self):
        topics = selectors.followed_topics(
            community=self.request.community, membership=self.request.membership
        )
        return topics.order_by("-last_activity_at", "-id")
