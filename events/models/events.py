"""Events (meetups, webinars, competitions, project collaborations), the recurring series that create
them, their hosts, and the community's event settings.

An event stores its registration counters (`confirmed_count`, `waitlist_count`, `pending_count`,
`attended_count`): events.services.registrations keeps them in the transaction that changes a
registration, under the event row's lock, so lists show them without counting and capacity is exact
(docs/events.md, docs/decisions/0026-event-capacity.md).
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities import validators
from communities.models import TenantModel
from content.storage import community_files

TITLE_MAX = 200
SLUG_MAX = 80
DESCRIPTION_MAX = 20_000
VENUE_MAX = 200
ADDRESS_MAX = 500
URL_MAX = 500
RRULE_MAX = 500
# Places an event may offer: a large conference, far below INT32_MAX.
CAPACITY_MAX = 100_000
# Open registrations a member may hold at once when the community caps them.
OPEN_REGISTRATIONS_MAX = 1_000
# A recurrence rule must end (COUNT or UNTIL) within these bounds.
SERIES_MAX_OCCURRENCES = 100
SERIES_MAX_DAYS = 2 * 366


class EventKind(models.TextChoices):
    COMPETITION = "competition", _("Skill competition")
    PROJECT = "project", _("Project collaboration")
    WEBINAR = "webinar", _("Webinar or online workshop")
    MEETUP = "meetup", _("Meetup")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    OFFLINE = "offline", _("In person")


class EventVisibility(models.TextChoices):
    MEMBERS = "members", _("Members only")
    PUBLIC = "public", _("Public")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventSettings(TenantModel):
    """One row per community, written by the first change; until then `event_settings_for` returns the
    defaults unsaved."""

    max_open_registrations = models.PositiveIntegerField(
        _("open registrations per member"),
        default=0,
        validators=validators.bounded(0, OPEN_REGISTRATIONS_MAX),
        help_text=_(
            "How many upcoming events a member may be registered for (or waitlisted) at once. 0: no limit."
        ),
    )

    class Meta:
        verbose_name = _("event settings")
        verbose_name_plural = _("event settings")
        constraints = [models.UniqueConstraint(fields=["community"], name="eventsettings_one_per_community")]

    def __str__(self):
        return f"event settings of {self.community_id}"


class EventSeries(TenantModel):
    """A recurring event: its rule (RFC 5545 RRULE, which must end) created the occurrences, each an Event
    with its own registrations (`Event.series`)."""

    title = models.CharField(_("title"), max_length=TITLE_MAX)
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=RRULE_MAX,
        help_text=_("An RFC 5545 rule with COUNT or UNTIL, for example FREQ=WEEKLY;COUNT=10."),
    )
    # The local time zone the rule is expanded in: a weekly 19:00 stays 19:00 across daylight saving.
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validators.valid_timezone]
    )
    created_by = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    occurrence_count = models.PositiveIntegerField(_("occurrences"), default=0, editable=False)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title


def event_cover_path(instance, filename: str) -> str:
    """Under the community's own media folder, with a random name (the uploader's name is not kept)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"communities/{instance.community_id}/events/{uuid.uuid4().hex}.{extension}"


class Event(TenantModel):
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, default=EventKind.MEETUP)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    slug = models.SlugField(_("address"), max_length=SLUG_MAX)
    description = models.TextField(_("description (Markdown)"), max_length=DESCRIPTION_MAX, blank=True)
    cover = models.ImageField(
        _("cover image"), upload_to=event_cover_path, storage=community_files, blank=True
    )
    format = models.CharField(
        _("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.OFFLINE
    )
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=URL_MAX,
        blank=True,
        help_text=_("Shown only to members whose registration is confirmed."),
    )
    venue = models.CharField(_("venue"), max_length=VENUE_MAX, blank=True)
    address = models.CharField(_("address"), max_length=ADDRESS_MAX, blank=True)
    map_url = models.URLField(_("map link"), max_length=URL_MAX, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validators.valid_timezone]
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=validators.bounded(1, CAPACITY_MAX),
        help_text=_("Leave empty for no limit."),
    )
    waitlist_enabled = models.BooleanField(
        _("waitlist"), default=True, help_text=_("When the event is full, members join a waitlist.")
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("An operator or a host approves each registration."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=EventVisibility.choices, default=EventVisibility.MEMBERS
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occurrences",
        verbose_name=_("series"),
    )
    created_by = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Kept by events.services.registrations under the event row's lock.
    confirmed_count = models.PositiveIntegerField(_("confirmed"), default=0, editable=False)
    waitlist_count = models.PositiveIntegerField(_("on the waitlist"), default=0, editable=False)
    pending_count = models.PositiveIntegerField(_("awaiting approval"), default=0, editable=False)
    attended_count = models.PositiveIntegerField(_("attended"), default=0, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["community", "status", "starts_at"], name="event_status_starts"),
            models.Index(fields=["community", "status", "-ends_at"], name="event_status_ends"),
            models.Index(fields=["community", "series", "starts_at"], name="event_series_starts"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["community", "slug"], name="event_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window",
            ),
            # The last line of defence against overbooking: the services never get here.
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True)
                | models.Q(confirmed_count__lte=models.F("capacity")),
                name="event_within_capacity",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_public(self) -> bool:
        return self.visibility == EventVisibility.PUBLIC

    @property
    def is_online(self) -> bool:
        return self.format == EventFormat.ONLINE

    def is_past_at(self, now) -> bool:
        return self.ends_at <= now

    @property
    def is_past(self) -> bool:
        return self.is_past_at(timezone.now())

    @property
    def places_left(self) -> int | None:
        """Free places (None: no limit)."""
        return None if self.capacity is None else max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity

    def registration_open_at(self, now) -> bool:
        """Registration is open: published, not started, and within the window when one is set."""
        return (
            self.status == EventStatus.PUBLISHED
            and now < self.starts_at
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or now < self.registration_closes_at)
        )

    @property
    def kind_label(self) -> str:
        return EventKind(self.kind).label if self.kind in EventKind.values else ""

    @property
    def status_label(self) -> str:
        return EventStatus(self.status).label if self.status in EventStatus.values else ""


class EventHost(TenantModel):
    """A member who hosts an event: they edit it and manage its registrations like an operator."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="hosts", verbose_name=_("event"))
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("host")
    )

    class Meta:
        verbose_name = _("event host")
        verbose_name_plural = _("event hosts")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="eventhost_unique")
        ]
        indexes = [models.Index(fields=["community", "membership"], name="eventhost_membership")]

    def __str__(self):
        return f"{self.membership_id} hosts {self.event_id}"
