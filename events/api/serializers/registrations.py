"""Registration, question and ticket serializers: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from events.api.serializers.events import EventOutputSerializer, MemberSerializer
from events.models import Event, Registration, RegistrationQuestion
from events.models.registrations import ANSWER_MAX, HELP_MAX, LABEL_MAX, QUESTIONS_PER_EVENT


class RegistrationOutputSerializer(serializers.ModelSerializer):
    member = MemberSerializer(source="membership", read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "event_id",
            "member",
            "status",
            "position",
            "answers",
            "confirmed_at",
            "promoted_at",
            "cancelled_at",
            "checked_in_at",
            "created_at",
        ]
        read_only_fields = fields


class MyEventRegistrationSerializer(serializers.ModelSerializer):
    event = EventOutputSerializer(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "status", "position", "answers", "promoted_at", "created_at", "event"]
        read_only_fields = fields


class RegistrationInputSerializer(StrictInputMixin, serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.CharField(max_length=ANSWER_MAX, allow_blank=True),
        required=False,
        default=dict,
        help_text=_("Answers keyed by question id."),
    )

    def validate_answers(self, value):
        if len(value) > QUESTIONS_PER_EVENT:
            raise serializers.ValidationError(_("Too many answers."))
        return value


class RegistrationDeclineInputSerializer(StrictInputMixin, serializers.Serializer):
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class RegistrationQuestionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = RegistrationQuestion
        fields = ["id", "label", "help_text", "required", "position"]
        read_only_fields = fields


class RegistrationQuestionInputSerializer(StrictInputMixin, serializers.Serializer):
    label = serializers.CharField(max_length=LABEL_MAX)
    help_text = serializers.CharField(max_length=HELP_MAX, required=False, allow_blank=True, default="")
    required = serializers.BooleanField(required=False, default=False)


class RegistrationQuestionUpdateInputSerializer(StrictInputMixin, serializers.Serializer):
    """What an edit may change: the wording, the hint and whether an answer is required. Answers are kept
    by the question's id, so they stay with it; a question is free text, so there is no type to change
    (an unknown key such as `kind` is refused)."""

    label = serializers.CharField(max_length=LABEL_MAX, required=False)
    help_text = serializers.CharField(max_length=HELP_MAX, required=False, allow_blank=True)
    required = serializers.BooleanField(required=False)


class RegistrationQuestionsReorderInputSerializer(StrictInputMixin, serializers.Serializer):
    question_ids = serializers.ListField(
        child=IdField(),
        max_length=QUESTIONS_PER_EVENT,
        help_text=_("Every question of the event, once each, in the new order."),
    )


class TicketEventSerializer(serializers.ModelSerializer):
    """Where and when, as the ticket shows it."""

    map_url = serializers.CharField(read_only=True, help_text=_("A link to a map, or empty."))

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "format",
            "time_zone",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "map_url",
            "status",
        ]
        read_only_fields = fields


class TicketOutputSerializer(serializers.Serializer):
    """The caller's own registration for the event, as the ticket page shows it."""

    registration = RegistrationOutputSerializer(read_only=True)
    event = TicketEventSerializer(read_only=True)
    ticket_code = serializers.SerializerMethodField(
        help_text=_("The code the check-in takes; null until the registration is confirmed.")
    )
    check_in_url = serializers.SerializerMethodField(
        help_text=_(
            "What the ticket's QR code carries: the check-in address with the ticket code; null until "
            "the registration is confirmed."
        )
    )
    meeting_url = serializers.SerializerMethodField(
        help_text=_("The online meeting's link, for a confirmed registration only (else null).")
    )
    waitlist_position = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_("The place in the waitlist (1: the next to get a place); null when not waitlisted."),
    )

    def get_ticket_code(self, ticket) -> str | None:
        return ticket.registration.ticket_code if ticket.confirmed else None

    def get_check_in_url(self, ticket) -> str | None:
        if not ticket.confirmed:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(ticket.check_in_path) if request else ticket.check_in_path

    def get_meeting_url(self, ticket) -> str | None:
        return ticket.meeting_url or None
