"""Moderation of discussions through the API (`moderate`; the prompt of the week: `manage_spaces`):
lock, close, pin, prompt, move, split, slow mode and read-only for topics, spaces and the community."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import discussion_moderation as m
from content.api.serializers import discussions as s
from content.api.views.spaces import SpaceContextMixin
from content.errors.discussions import SpaceOfAnotherCommunity
from content.models import DiscussionSettings, Space, Topic
from content.selectors import discussions as selectors
from content.services import discussion_moderation as services

FLAGS = {
    "lock": services.topic_lock,
    "close": services.topic_close,
    "pin": services.topic_pin,
    "prompt": services.topic_prompt,
}
FLAG_ARGUMENT = {"lock": "locked", "close": "closed", "pin": "pinned", "prompt": "prompt"}


def _validated(serializer_class, request) -> dict:
    """The request's body checked by `serializer_class` (a 400 with field messages when it is wrong)."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _flag_schema(on: bool):
    summary = _("Set the mark (lock, close, pin or prompt of the week)") if on else _("Take the mark off")
    return extend_schema(summary=summary, request=None, responses={200: s.TopicOutputSerializer})


class TopicModerationViewSet(CommunityViewSet):
    """/topics/<topic_id>/<flag>/ (POST sets, DELETE takes off), move/, split/, slow-mode/, read-only/."""

    queryset = Topic.objects.none()
    serializer_class = s.TopicOutputSerializer
    flag = "lock"
    capability = {
        "set": "moderate",
        "unset": "moderate",
        "move": "moderate",
        "split": "moderate",
        "slow_mode": "moderate",
        "read_only": "moderate",
    }

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._topic = selectors.topic_get(
            community=request.community, membership=request.membership, topic_id=self.kwargs["topic_id"]
        )

    def _answer(self, topic, code=status.HTTP_200_OK):
        topic = selectors.topic_get(
            community=self.request.community, membership=self.request.membership, topic_id=topic.pk
        )
        return Response(self.get_serializer(topic).data, status=code)

    def _toggle(self, on: bool):
        service = FLAGS[self.flag]
        topic = service(
            actor=self.request.user,
            community=self.request.community,
            topic=self._topic,
            **{FLAG_ARGUMENT[self.flag]: on},
        )
        return self._answer(topic)

    @_flag_schema(True)
    def set(self, request, community_slug, topic_id):
        return self._toggle(True)

    @_flag_schema(False)
    def unset(self, request, community_slug, topic_id):
        return self._toggle(False)

    @extend_schema(
        summary=_("Move the topic to another space of the community"),
        request=m.MoveInputSerializer,
        responses={200: s.TopicOutputSerializer},
    )
    def move(self, request, community_slug, topic_id):
        data = _validated(m.MoveInputSerializer, request)
        space = selectors.space_list(community=request.community).filter(slug=data["space"])
        space = space.first()
        if space is None:
            raise SpaceOfAnotherCommunity(fields={"space": [str(SpaceOfAnotherCommunity.message)]})
        topic = services.topic_move(
            actor=request.user,
            community=request.community,
            topic=self._topic,
            space=space,
            reason=data["reason"],
        )
        return self._answer(topic)

    @extend_schema(
        summary=_("Split the chosen replies into a new topic in the same space"),
        request=m.SplitInputSerializer,
        responses={201: s.TopicOutputSerializer},
    )
    def split(self, request, community_slug, topic_id):
        data = _validated(m.SplitInputSerializer, request)
        new = services.topic_split(actor=request.user, community=request.community, topic=self._topic, **data)
        return self._answer(new, status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Slow mode of the topic: minutes between two posts of a member (0: off)"),
        request=m.SlowModeInputSerializer,
        responses={200: s.TopicOutputSerializer},
    )
    def slow_mode(self, request, community_slug, topic_id):
        data = _validated(m.SlowModeInputSerializer, request)
        topic = services.topic_slow_mode(
            actor=request.user, community=request.community, topic=self._topic, **data
        )
        return self._answer(topic)

    @extend_schema(
        summary=_("Make the topic read-only until a time (null ends it)"),
        request=m.ReadOnlyInputSerializer,
        responses={200: s.TopicOutputSerializer},
    )
    def read_only(self, request, community_slug, topic_id):
        data = _validated(m.ReadOnlyInputSerializer, request)
        topic = services.topic_read_only(
            actor=request.user, community=request.community, topic=self._topic, **data
        )
        return self._answer(topic)


class TopicPromptViewSet(TopicModerationViewSet):
    """/topics/<topic_id>/prompt/: the prompt of the week is the operators' (`manage_spaces`)."""

    flag = "prompt"
    capability = {"set": "manage_spaces", "unset": "manage_spaces"}


class SpaceModerationViewSet(SpaceContextMixin, CommunityViewSet):
    queryset = Space.objects.none()
    serializer_class = s.SpaceOutputSerializer
    capability = {"slow_mode": "moderate", "read_only": "moderate"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._space = selectors.space_get(community=request.community, slug=self.kwargs["space_slug"])

    @extend_schema(
        summary=_("Slow mode of the space: minutes between two posts of a member in it (0: off)"),
        request=m.SlowModeInputSerializer,
        responses={200: s.SpaceOutputSerializer},
    )
    def slow_mode(self, request, community_slug, space_slug):
        data = _validated(m.SlowModeInputSerializer, request)
        space = services.space_slow_mode(
            actor=request.user, community=request.community, space=self._space, **data
        )
        return Response(self.get_serializer(space).data)

    @extend_schema(
        summary=_("Make the space read-only until a time (null ends it)"),
        request=m.ReadOnlyInputSerializer,
        responses={200: s.SpaceOutputSerializer},
    )
    def read_only(self, request, community_slug, space_slug):
        data = _validated(m.ReadOnlyInputSerializer, request)
        space = services.space_read_only(
            actor=request.user, community=request.community, space=self._space, **data
        )
        return Response(self.get_serializer(space).data)


class DiscussionSettingsViewSet(CommunityViewSet):
    queryset = DiscussionSettings.objects.none()
    serializer_class = m.DiscussionSettingsOutputSerializer
    capability = {"retrieve": "view", "read_only": "moderate"}

    @extend_schema(summary=_("The community's discussion settings (its read-only time)"))
    def retrieve(self, request, community_slug):
        return Response(
            self.get_serializer(selectors.discussion_settings_for(community=request.community)).data
        )

    @extend_schema(
        summary=_("Make every discussion of the community read-only until a time (null ends it)"),
        request=m.ReadOnlyInputSerializer,
        responses={200: m.DiscussionSettingsOutputSerializer},
    )
    def read_only(self, request, community_slug):
        data = _validated(m.ReadOnlyInputSerializer, request)
        settings = services.community_read_only(actor=request.user, community=request.community, **data)
        return Response(self.get_serializer(settings).data)
