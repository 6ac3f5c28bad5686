"""Attendance serializers: check-in, the attendance list, feedback and its results, the calendar
address. Input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from events.api.serializers.events import MemberSerializer
from events.models import EventFeedback, Registration
from events.models.attendance import COMMENTS_MAX, RATING_MAX, RATING_MIN
from events.models.registrations import TICKET_CODE_LENGTH


class AttendeeOutputSerializer(serializers.ModelSerializer):
    """A confirmed registration as the check-in list shows it (never its ticket code)."""

    member = MemberSerializer(source="membership", read_only=True)
    checked_in_by = MemberSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Registration
        fields = ["id", "event_id", "member", "checked_in_at", "checked_in_by"]
        read_only_fields = fields


class CheckInInputSerializer(StrictInputMixin, serializers.Serializer):
    registration_id = IdField(required=False, help_text=_("The registration to check in (from the list)."))
    ticket_code = serializers.CharField(
        required=False,
        max_length=TICKET_CODE_LENGTH * 2,
        help_text=_("The code of the member's ticket (what its QR code carries)."),
    )

    def validate(self, attrs):
        if bool(attrs.get("registration_id")) == bool((attrs.get("ticket_code") or "").strip()):
            raise serializers.ValidationError(
                {"registration_id": [_("Send either registration_id or ticket_code.")]}
            )
        return attrs


class UndoInputSerializer(StrictInputMixin, serializers.Serializer):
    registration_id = IdField(help_text=_("The registration whose check-in to take back."))


class FeedbackOutputSerializer(serializers.ModelSerializer):
    member = MemberSerializer(source="membership", read_only=True)

    class Meta:
        model = EventFeedback
        fields = ["id", "event_id", "member", "rating", "comments", "created_at", "updated_at"]
        read_only_fields = fields


class FeedbackInputSerializer(StrictInputMixin, serializers.Serializer):
    rating = serializers.IntegerField(min_value=RATING_MIN, max_value=RATING_MAX)
    comments = serializers.CharField(max_length=COMMENTS_MAX, required=False, allow_blank=True, default="")


class MyFeedbackOutputSerializer(serializers.Serializer):
    """The caller's own feedback on an event, and whether they may give (or edit) it now."""

    may_give = serializers.BooleanField(
        help_text=_("True when the caller attended and feedback is open (from the end, for 30 days).")
    )
    feedback = FeedbackOutputSerializer(
        allow_null=True, help_text=_("What the caller gave; null if nothing.")
    )


class RatingCountSerializer(serializers.Serializer):
    rating = serializers.IntegerField()
    count = serializers.IntegerField()
    percent = serializers.IntegerField()


class FeedbackResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("How many attendees gave feedback."))
    average = serializers.FloatField(
        allow_null=True, help_text=_("The average rating; null without feedback.")
    )
    distribution = RatingCountSerializer(many=True, help_text=_("From 5 down to 1."))
    attended = serializers.IntegerField(help_text=_("How many members were checked in."))
    response_rate = serializers.IntegerField(
        allow_null=True, help_text=_("Percentage of the attendees who gave feedback.")
    )

    def to_representation(self, results):
        return {
            "count": results.count,
            "average": results.average,
            "distribution": [
                {"rating": rating, "count": count, "percent": percent}
                for rating, count, percent in results.distribution
            ],
            "attended": results.attended,
            "response_rate": results.response_rate,
        }


class CalendarFeedOutputSerializer(serializers.Serializer):
    exists = serializers.BooleanField(help_text=_("True when the account has a calendar address."))
    prefix = serializers.CharField(help_text=_("The first characters of the key, to recognise it."))
    created_at = serializers.DateTimeField(allow_null=True)


class CalendarFeedCreatedSerializer(CalendarFeedOutputSerializer):
    url = serializers.URLField(help_text=_("The secret address: shown this once, never again."))
