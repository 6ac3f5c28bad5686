"""Event, series and settings serializers (input and output kept apart); registrations, questions and
tickets are in `registrations`."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.dates import sensible_date
from communities.images import ImageUploadSerializerField
from communities.validators import valid_timezone
from content.rendering import render_post_markdown
from events.models import (
    Event,
    EventFormat,
    EventKind,
    EventSeries,
    EventSettings,
    EventVisibility,
    Registration,
)
from events.models.events import (
    ADDRESS_MAX,
    CAPACITY_MAX,
    DESCRIPTION_MAX,
    OPEN_REGISTRATIONS_MAX,
    RRULE_MAX,
    TITLE_MAX,
    URL_MAX,
    VENUE_MAX,
)

HOSTS_MAX = 20


class MemberSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(source="pk", read_only=True)
    name = serializers.CharField(source="user.name", read_only=True)


class MyRegistrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Registration
        fields = ["id", "status", "position", "promoted_at", "created_at"]
        read_only_fields = fields


class EventOutputSerializer(serializers.ModelSerializer):
    """An event in a list: no description, hosts or meeting link (the detail has them)."""

    places_left = serializers.IntegerField(read_only=True, allow_null=True)
    registration_open = serializers.SerializerMethodField()
    my_registration = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "kind",
            "title",
            "format",
            "venue",
            "time_zone",
            "starts_at",
            "ends_at",
            "registration_opens_at",
            "registration_closes_at",
            "registration_open",
            "capacity",
            "places_left",
            "waitlist_enabled",
            "requires_approval",
            "visibility",
            "status",
            "series_id",
            "confirmed_count",
            "waitlist_count",
            "pending_count",
            "attended_count",
            "my_registration",
            "created_at",
        ]
        read_only_fields = fields

    def get_registration_open(self, event: Event) -> bool:
        return event.registration_open_at(self.context["now"])

    @extend_schema_field(MyRegistrationSerializer(allow_null=True))
    def get_my_registration(self, event: Event):
        registration = self.context.get("mine", {}).get(event.pk)
        return MyRegistrationSerializer(registration).data if registration is not None else None


class EventDetailOutputSerializer(EventOutputSerializer):
    """One event: with its description (Markdown and HTML), cover, place, hosts, and the meeting link
    for a confirmed registrant or a manager of the event (null for anyone else)."""

    description_html = serializers.SerializerMethodField()
    cover = serializers.ImageField(read_only=True, allow_null=True)
    meeting_url = serializers.SerializerMethodField()
    map_url = serializers.CharField(read_only=True, help_text=_("A link to a map, or empty."))
    hosts = serializers.SerializerMethodField()

    class Meta(EventOutputSerializer.Meta):
        fields = [
            *EventOutputSerializer.Meta.fields,
            "description",
            "description_html",
            "cover",
            "meeting_url",
            "address",
            "map_url",
            "hosts",
        ]
        read_only_fields = fields

    def get_description_html(self, event: Event) -> str:
        return str(render_post_markdown(event.description))

    def get_meeting_url(self, event: Event) -> str | None:
        return event.meeting_url if self.context.get("show_meeting_url") and event.meeting_url else None

    @extend_schema_field(MemberSerializer(many=True))
    def get_hosts(self, event: Event):
        return MemberSerializer([host.membership for host in self.context.get("hosts", [])], many=True).data


class EventFieldsMixin(serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    kind = serializers.ChoiceField(choices=EventKind.choices, default=EventKind.MEETUP)
    format = serializers.ChoiceField(choices=EventFormat.choices, default=EventFormat.OFFLINE)
    starts_at = serializers.DateTimeField(validators=[sensible_date])
    ends_at = serializers.DateTimeField(validators=[sensible_date])
    time_zone = serializers.CharField(
        max_length=64,
        required=False,
        validators=[valid_timezone],
        help_text=_("The event's time zone, an IANA name such as Asia/Shanghai (default: the community's)."),
    )
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX, required=False, allow_blank=True, default=""
    )
    meeting_url = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True, default="")
    venue = serializers.CharField(max_length=VENUE_MAX, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=ADDRESS_MAX, required=False, allow_blank=True, default="")
    map_url = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(
        min_value=1, max_value=CAPACITY_MAX, required=False, allow_null=True, default=None,
        help_text=_("Places; null for no limit."),
    )  # fmt: skip
    waitlist_enabled = serializers.BooleanField(required=False, default=True)
    requires_approval = serializers.BooleanField(required=False, default=False)
    registration_opens_at = serializers.DateTimeField(
        validators=[sensible_date], required=False, allow_null=True, default=None
    )
    registration_closes_at = serializers.DateTimeField(
        validators=[sensible_date], required=False, allow_null=True, default=None
    )
    visibility = serializers.ChoiceField(choices=EventVisibility.choices, default=EventVisibility.MEMBERS)
    host_ids = serializers.ListField(
        child=IdField(), max_length=HOSTS_MAX, required=False, help_text=_("Membership ids of the hosts.")
    )


class EventInputSerializer(StrictInputMixin, EventFieldsMixin):
    publish = serializers.BooleanField(
        required=False, default=True, help_text=_("Publish at once (default) or keep it as a draft.")
    )


class EventUpdateInputSerializer(StrictInputMixin, EventFieldsMixin):
    scope = serializers.ChoiceField(
        choices=[("this", _("This event only")), ("following", _("This event and the following ones"))],
        required=False,
        default="this",
        help_text=_("For an occurrence of a series: this one, or this one and the following."),
    )


class EventCancelInputSerializer(StrictInputMixin, serializers.Serializer):
    scope = serializers.ChoiceField(choices=["this", "following"], required=False, default="this")
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class EventCoverInputSerializer(StrictInputMixin, serializers.Serializer):
    cover = ImageUploadSerializerField(help_text=_("PNG, JPEG, GIF or WebP; resized and re-encoded."))


class EventSeriesOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventSeries
        fields = ["id", "title", "rrule", "time_zone", "occurrence_count", "created_at"]
        read_only_fields = fields


class EventSeriesInputSerializer(EventInputSerializer):
    rrule = serializers.CharField(
        max_length=RRULE_MAX,
        help_text=_("RFC 5545 RRULE with COUNT or UNTIL (at most 100 occurrences within two years)."),
    )


class EventSettingsSerializer(StrictInputMixin, serializers.ModelSerializer):
    max_open_registrations = serializers.IntegerField(min_value=0, max_value=OPEN_REGISTRATIONS_MAX)

    class Meta:
        model = EventSettings
        fields = ["max_open_registrations"]
