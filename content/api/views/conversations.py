"""Private conversations API: the caller's conversations (list, start, one), their messages (list, send),
marking read and leaving; the caller's "who may message me" and the community's rule.

Only participants reach a conversation: every route loads the caller's own place in it
(`participant_get`), so anyone else, operators included, gets `conversation_not_found` (404).
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import conversations as s
from content.models import ConversationParticipant, Message, MessagingPreference, MessagingSettings
from content.selectors import conversations as selectors
from content.services import conversations as services


class ConversationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(
        method="filter_unread", help_text=_("true: conversations with messages I have not read yet.")
    )

    class Meta:
        model = ConversationParticipant
        fields = ["unread"]

    def filter_unread(self, queryset, name, value):
        return queryset.filter(unread__gt=0) if value else queryset.filter(unread=0)


class ConversationMixin:
    def participant(self):
        return selectors.participant_get(
            community=self.request.community,
            membership=self.request.membership,
            conversation_id=self.kwargs["conversation_id"],
        )


@extend_schema_view(
    list=extend_schema(summary=_("My conversations, the latest message first (filter: unread)")),
    retrieve=extend_schema(summary=_("One of my conversations")),
    create=extend_schema(
        summary=_(
            "Start a conversation with other members, with its first message (refused with "
            "recipient_refuses_messages, trust_level_too_low, recipient_not_found, message_to_self...)"
        ),
        request=s.ConversationInputSerializer,
        responses={201: s.ConversationOutputSerializer},
    ),
)
class ConversationViewSet(
    ConversationMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet
):
    queryset = ConversationParticipant.objects.none()  # names the model for the schema
    serializer_class = s.ConversationOutputSerializer
    lookup_url_kwarg = "conversation_id"
    filterset_class = ConversationFilter
    ordering_fields = ["last_message_at", "created_at"]
    capability = {
        "list": "view",
        "retrieve": "view",
        "create": "participate",
        "read": "view",
        "leave": "view",
    }

    def get_queryset(self):
        return selectors.inbox_list(community=self.request.community, membership=self.request.membership)

    def get_object(self):
        return self.participant()

    def create(self, request, community_slug):
        serializer = s.ConversationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        conversation = services.conversation_start(
            actor=request.user,
            community=request.community,
            recipient_ids=data["recipients"],
            subject=data["subject"],
            body=data["body"],
        )
        participant = selectors.participant_get(
            community=request.community, membership=request.membership, conversation_id=conversation.pk
        )
        return Response(self.get_serializer(participant).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Mark everything in the conversation read (and my notices of it)"),
        request=None,
        responses={200: s.ConversationOutputSerializer},
    )
    def read(self, request, community_slug, conversation_id):
        services.conversation_mark_read(
            actor=request.user, community=request.community, conversation=self.participant().conversation
        )
        return Response(self.get_serializer(self.participant()).data)

    @extend_schema(
        summary=_("Leave the conversation: it leaves my list and I hear nothing more of it"),
        request=None,
        responses={204: None},
    )
    def leave(self, request, community_slug, conversation_id):
        services.conversation_leave(
            actor=request.user, community=request.community, conversation=self.participant().conversation
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary=_("A conversation's messages, oldest first")),
    create=extend_schema(
        summary=_("Send a message in the conversation (rate limited: message_rate_limited, 429)"),
        request=s.MessageInputSerializer,
        responses={201: s.MessageOutputSerializer},
    ),
)
class MessageViewSet(ConversationMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Message.objects.none()
    serializer_class = s.MessageOutputSerializer
    filter_backends = []  # oldest first; nothing to filter
    capability = {"list": "view", "create": "participate"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._conversation = self.participant().conversation

    def get_queryset(self):
        return selectors.message_list(community=self.request.community, conversation=self._conversation)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        held = selectors.held_message_ids(community=request.community, messages=page)
        serializer = self.get_serializer(
            page, many=True, context={**self.get_serializer_context(), "held": held}
        )
        return self.get_paginated_response(serializer.data)

    def create(self, request, community_slug, conversation_id):
        serializer = s.MessageInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        message = services.message_send(
            actor=request.user,
            community=request.community,
            conversation=self._conversation,
            body=serializer.validated_data["body"],
        )
        return Response(self.get_serializer(message).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    retrieve=extend_schema(summary=_("Who may start a conversation with me in this community")),
    update=extend_schema(
        summary=_("Set who may start a conversation with me"),
        request=s.MessagingPreferenceInputSerializer,
        responses={200: s.MessagingPreferenceSerializer},
    ),
)
class MessagingPreferenceViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = MessagingPreference.objects.none()
    serializer_class = s.MessagingPreferenceSerializer
    capability = {"retrieve": "view", "update": "participate"}

    def get_object(self):
        return selectors.messaging_preference_for(
            community=self.request.community, membership=self.request.membership
        )

    def update(self, request, community_slug):
        serializer = s.MessagingPreferenceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        preference = services.messaging_preference_set(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(preference).data)


@extend_schema_view(
    retrieve=extend_schema(summary=_("The community's minimum trust level to start a conversation")),
    update=extend_schema(
        summary=_("Set the minimum trust level to start a conversation (operators)"),
        request=s.MessagingSettingsInputSerializer,
        responses={200: s.MessagingSettingsSerializer},
    ),
)
class MessagingSettingsViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = MessagingSettings.objects.none()
    serializer_class = s.MessagingSettingsSerializer
    capability = {"retrieve": "view", "update": "manage_community"}

    def get_object(self):
        return selectors.messaging_settings_for(community=self.request.community)

    def update(self, request, community_slug):
        serializer = s.MessagingSettingsInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.messaging_settings_update(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(rule).data)
