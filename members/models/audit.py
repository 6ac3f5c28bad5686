"""The audit log: every vetting, role and moderation decision. Rows are only ever inserted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel


class AuditLogEntry(TenantModel):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(
        _("action"), max_length=64, help_text=_("dotted name, for example member.banned")
    )
    subject = models.ForeignKey(
        "members.Membership", on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_entries"
    )
    # A readable copy of who or what was acted on, kept even if the row is deleted later.
    subject_label = models.CharField(max_length=200, blank=True)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "-created_at"]),
            models.Index(fields=["community", "action"]),
        ]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.action} by {self.actor_id}"
