"""Reports on any reportable object, moderation actions on members, and holds that hide content."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from communities.models import TenantModel


class Report(TenantModel):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("status of a report", "Open")
        ACTIONED = "actioned", _("Action taken")
        DISMISSED = "dismissed", _("Dismissed")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reporter"),
    )
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("target type")
    )
    target_id = models.CharField(max_length=64, verbose_name=_("target id"))
    target = GenericForeignKey("target_type", "target_id")
    # The member responsible for the reported object (the member reported, or the author of the content).
    subject = models.ForeignKey(
        "members.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports_against",
        verbose_name=_("member"),
    )
    rule = models.ForeignKey(
        "communities.Rule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rule"),
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("resolved"))
    resolution_note = models.TextField(_("resolution note"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["community", "status", "-created_at"]),
            models.Index(fields=["community", "target_type", "target_id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "reporter", "target_type", "target_id"],
                condition=models.Q(status="open"),
                name="report_one_open_per_reporter_and_target",
            )
        ]

    def __str__(self):
        return f"report {self.pk} on {self.target_type_id}:{self.target_id}"


class ModerationAction(TenantModel):
    class Kind(models.TextChoices):
        WARN = "warn", _("Warning")
        MUTE = "mute", _("Mute")
        UNMUTE = "unmute", _("Unmute")
        REMOVE_CONTENT = "remove_content", _("Remove content")
        BAN = "ban", _("Ban")
        UNBAN = "unban", _("Unban")

    subject = models.ForeignKey(
        "members.Membership",
        on_delete=models.CASCADE,
        related_name="moderation_actions",
        verbose_name=_("member"),
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    kind = models.CharField(_("action"), max_length=16, choices=Kind.choices)
    rule = models.ForeignKey(
        "communities.Rule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rule"),
    )
    reason = models.TextField(_("reason"), max_length=2000)
    report = models.ForeignKey(
        Report,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("report"),
    )
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["community", "subject", "-created_at"])]

    def __str__(self):
        return f"{self.kind} on {self.subject_id}"


class ContentHold(TenantModel):
    """Hides one object from everyone but moderators until released (auto-hide or removal)."""

    class Reason(models.TextChoices):
        REPORTS = "reports", _("Reported by several members")
        REMOVED = "removed", _("Removed by a moderator")

    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("target type")
    )
    target_id = models.CharField(max_length=64, verbose_name=_("target id"))
    target = GenericForeignKey("target_type", "target_id")
    reason = models.CharField(max_length=10, choices=Reason.choices, verbose_name=_("reason"))
    released_at = models.DateTimeField(null=True, blank=True, verbose_name=_("released"))
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("released by"),
    )

    class Meta:
        verbose_name = _("content hold")
        verbose_name_plural = _("content holds")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "target_type", "target_id"],
                condition=models.Q(released_at__isnull=True),
                name="contenthold_one_active_per_target",
            )
        ]

    def __str__(self):
        return f"hold on {self.target_type_id}:{self.target_id}"
