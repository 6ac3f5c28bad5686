"""Registrations to events, and the questions an event asks when members register.

A member has at most one registration per event (re-registering after a cancellation reuses the row).
Its status moves as events.services.registrations decides; the event's counters follow in the same
transaction.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded

LABEL_MAX = 200
HELP_MAX = 500
ANSWER_MAX = 2_000
QUESTIONS_PER_EVENT = 10
TICKET_CODE_LENGTH = 22


def new_ticket_code() -> str:
    """A random, unguessable code (the ticket's QR code carries it)."""
    return secrets.token_urlsafe(16)[:TICKET_CODE_LENGTH]


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")
    DECLINED = "declined", _("Declined")


# A registration that holds a place or a place in a queue: what the per-member cap counts.
OPEN_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class Registration(TenantModel):
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    # Waitlist order (smaller first); null unless waitlisted.
    position = models.PositiveIntegerField(_("waitlist position"), null=True, blank=True, editable=False)
    # {"<question id>": "answer"}, validated against the event's questions by the service.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Set when the registration was promoted from the waitlist (the member was told and may decline).
    promoted_at = models.DateTimeField(_("promoted from the waitlist"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    ticket_code = models.CharField(
        _("ticket code"), max_length=TICKET_CODE_LENGTH, default=new_ticket_code, editable=False
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="registration_unique"),
            models.UniqueConstraint(fields=["community", "ticket_code"], name="registration_unique_ticket"),
        ]
        indexes = [
            models.Index(
                fields=["community", "event", "status", "position"], name="registration_event_status"
            ),
            models.Index(fields=["community", "membership", "status"], name="registration_member_status"),
        ]

    def __str__(self):
        return f"{self.membership_id} → {self.event_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def status_label(self) -> str:
        return RegistrationStatus(self.status).label if self.status in RegistrationStatus.values else ""


class RegistrationQuestion(TenantModel):
    """A question members answer when they register (free text)."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="questions", verbose_name=_("event")
    )
    label = models.CharField(_("question"), max_length=LABEL_MAX)
    help_text = models.CharField(_("hint"), max_length=HELP_MAX, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["community", "event", "position"], name="regquestion_event")]

    def __str__(self):
        return self.label
