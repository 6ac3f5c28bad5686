"""The relationship log with core members and opinion leaders: contact cadence and touchpoints."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import bounded

MIN_CADENCE_DAYS, MAX_CADENCE_DAYS = 1, 365


class ContactCadence(TenantModel):
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="cadences", verbose_name=_("membership")
    )  # one per member: see the constraint
    every_days = models.PositiveIntegerField(
        _("contact every (days)"), validators=bounded(MIN_CADENCE_DAYS, MAX_CADENCE_DAYS)
    )
    caretaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("caretaker"),
    )

    class Meta:
        verbose_name = _("contact cadence")
        verbose_name_plural = _("contact cadences")
        constraints = [
            models.UniqueConstraint(fields=["community", "membership"], name="contactcadence_unique")
        ]

    def __str__(self):
        return f"every {self.every_days} days"


class Touchpoint(TenantModel):
    class Kind(models.TextChoices):
        CALL = "call", _("Call")
        MESSAGE = "message", _("Message")
        MEETING = "meeting", _("Meeting")
        OTHER = "other", _("Other")

    membership = models.ForeignKey(
        "members.Membership",
        on_delete=models.CASCADE,
        related_name="touchpoints",
        verbose_name=_("membership"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    note = models.TextField(_("note"), max_length=4000, blank=True)
    happened_at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("touchpoint")
        verbose_name_plural = _("touchpoints")
        ordering = ["-happened_at"]
        indexes = [models.Index(fields=["community", "membership", "-happened_at"])]

    def __str__(self):
        return f"{self.kind} {self.happened_at:%Y-%m-%d}"
