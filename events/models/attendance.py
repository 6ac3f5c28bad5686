"""Attendance around an event: the notices sent before and after it, attendees' feedback, and the private
calendar feeds of members.

Check-in itself lives on the registration (`Registration.checked_in_at` / `checked_in_by`) and the event's
stored `attended_count`: events.services.attendance keeps both under the registration row's lock.

- `EventNotice`: one row per member, event and kind of notice (the reminder before the start, the
  invitation to give feedback after the end). The notice tasks skip whoever has a row, and the unique
  constraint backs it, so a task that runs twice sends nothing twice.
- `EventFeedback`: an attendee's rating (1-5) and comments, one per attendee and event, editable.
- `CalendarFeed`: an account's secret calendar address (one per account, across its communities). Only a
  SHA-256 of the key is stored, like `accounts.ApiToken`: the address is shown once, when it is made
  (docs/decisions/0027-attendance-notices-and-calendar-feeds.md).
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import bounded

RATING_MIN = 1
RATING_MAX = 5
COMMENTS_MAX = 5_000


class NoticeKind(models.TextChoices):
    REMINDER = "reminder", _("Reminder before the start")
    FEEDBACK = "feedback", _("Invitation to give feedback")


class EventNotice(TenantModel):
    """One notice of one kind sent to one member about one event: the sent marker that makes the notice
    tasks idempotent."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="notices", verbose_name=_("event")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=NoticeKind.choices)

    class Meta:
        verbose_name = _("event notice")
        verbose_name_plural = _("event notices")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "event", "membership", "kind"], name="eventnotice_once"
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.event_id} → {self.membership_id}"


class EventFeedback(TenantModel):
    """An attendee's feedback on an event they were checked in at: given once, editable afterwards."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="feedback", verbose_name=_("event")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    rating = models.PositiveSmallIntegerField(_("rating"), validators=bounded(RATING_MIN, RATING_MAX))
    comments = models.TextField(_("comments"), max_length=COMMENTS_MAX, blank=True)

    class Meta:
        verbose_name = _("event feedback")
        verbose_name_plural = _("event feedback")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="eventfeedback_once"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="eventfeedback_rating_range",
            ),
        ]
        indexes = [models.Index(fields=["community", "event", "-created_at"], name="eventfeedback_event")]

    def __str__(self):
        return f"{self.rating}/5 on {self.event_id} by {self.membership_id}"


class CalendarFeed(models.Model):
    """An account's private calendar address: its confirmed and waitlisted events in every community.

    Global (an account spans communities): it points at the account only. The key is in the address;
    only its SHA-256 is stored, so the address is shown once, when it is made, and a new one replaces it.
    """

    PREFIX_LENGTH = 6

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("account"),
    )
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.prefix}… ({self.user_id})"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(32)
