"""Private conversation serializers: input and output kept apart.

A conversation is served from the caller's own participant row (their unread count and read time).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from content.models import AcceptFrom, ConversationParticipant, Message, MessagingSettings
from content.models.conversations import BODY_MAX, MAX_PARTICIPANTS, SUBJECT_MAX, TRUST_LEVEL_RANGE
from content.rendering import render_post_markdown


class ParticipantSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="membership.user.name", read_only=True)
    role = serializers.CharField(source="membership.role", read_only=True)
    left = serializers.SerializerMethodField(help_text=_("True once they left the conversation."))

    def get_left(self, participant: ConversationParticipant) -> bool:
        return participant.left_at is not None


class ConversationOutputSerializer(serializers.ModelSerializer):
    """One of the caller's conversations, as the caller sees it."""

    id = serializers.IntegerField(source="conversation_id", read_only=True)
    subject = serializers.CharField(source="conversation.subject", read_only=True)
    started_by_id = serializers.IntegerField(source="conversation.started_by_id", read_only=True)
    participants = ParticipantSerializer(source="conversation.participants", many=True, read_only=True)
    message_count = serializers.IntegerField(source="conversation.message_count", read_only=True)
    unread_count = serializers.IntegerField(
        read_only=True, help_text=_("Messages after the caller's last read.")
    )
    last_message_at = serializers.DateTimeField(source="conversation.last_message_at", read_only=True)
    created_at = serializers.DateTimeField(source="conversation.created_at", read_only=True)

    class Meta:
        model = ConversationParticipant
        fields = [
            "id",
            "subject",
            "started_by_id",
            "participants",
            "message_count",
            "unread_count",
            "last_read_at",
            "last_message_at",
            "created_at",
        ]
        read_only_fields = fields


class ConversationInputSerializer(StrictInputMixin, serializers.Serializer):
    recipients = serializers.ListField(
        child=IdField(),
        min_length=1,
        max_length=MAX_PARTICIPANTS - 1,
        help_text=_("Membership ids of the other members (active members of this community)."),
    )
    subject = serializers.CharField(max_length=SUBJECT_MAX, required=False, allow_blank=True, default="")
    body = serializers.CharField(max_length=BODY_MAX, help_text=_("The first message (Markdown)."))


class SenderSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(source="sender_id", read_only=True)
    name = serializers.CharField(source="sender.user.name", read_only=True)
    role = serializers.CharField(source="sender.role", read_only=True)


class MessageOutputSerializer(serializers.ModelSerializer):
    sender = SenderSerializer(source="*", read_only=True)
    removed = serializers.SerializerMethodField(
        help_text=_("Removed by a moderator or hidden pending review: body and body_html are then empty.")
    )
    body = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()

    class Meta:
        model = Message
        fields = ["id", "conversation_id", "sender", "body", "body_html", "removed", "created_at"]
        read_only_fields = fields

    def get_removed(self, message: Message) -> bool:
        return message.removed_at is not None or message.pk in self.context.get("held", ())

    def get_body(self, message: Message) -> str:
        return "" if self.get_removed(message) else message.body

    def get_body_html(self, message: Message) -> str:
        return "" if self.get_removed(message) else str(render_post_markdown(message.body))


class MessageInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX)


class MessagingPreferenceSerializer(serializers.Serializer):
    accept_from = serializers.ChoiceField(
        choices=AcceptFrom.choices, help_text=_("Who may start a conversation with me.")
    )


class MessagingPreferenceInputSerializer(StrictInputMixin, MessagingPreferenceSerializer):
    pass


class MessagingSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = MessagingSettings
        fields = ["min_trust_level"]


class MessagingSettingsInputSerializer(StrictInputMixin, serializers.Serializer):
    min_trust_level = serializers.IntegerField(min_value=TRUST_LEVEL_RANGE[0], max_value=TRUST_LEVEL_RANGE[1])
