"""Screening questions and applications to communities that vet applicants."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded


class ApplicationQuestion(TenantModel):
    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        URL = "url", _("Link (portfolio)")

    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SHORT_TEXT)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))
    # Retired questions keep their answers readable but are no longer asked.
    retired_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("retired"))

    class Meta:
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")
        ordering = ["community", "position", "id"]

    def __str__(self):
        return self.label


class Application(TenantModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    membership = models.ForeignKey(
        "members.Membership",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("membership"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("applicant")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # [{"question_id", "label", "kind", "answer"}], a snapshot so later edits of questions change nothing.
    answers = models.JSONField(default=list, verbose_name=_("answers"))
    # The answers as plain text, for the review queue's search (JSON text escapes non-ASCII characters).
    answers_text = models.TextField(blank=True, editable=False, verbose_name=_("answers (text)"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided"))
    decision_note = models.TextField(_("internal note"), max_length=2000, blank=True)
    message_to_applicant = models.TextField(_("message to the applicant"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["community", "status", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "membership"],
                condition=models.Q(status="pending"),
                name="application_one_pending_per_member",
            )
        ]

    def __str__(self):
        return f"application {self.pk} ({self.status})"
