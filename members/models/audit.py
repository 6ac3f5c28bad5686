"""The audit log: every vetting, role and moderation decision. Rows are only ever inserted.

Append-only below the service layer too (decision 0010): saving an existing entry, deleting one, and
`update()` / `delete()` on its querysets raise `AuditLogAppendOnly`; on PostgreSQL a trigger (migration
0006) refuses UPDATE and DELETE from any client. The two ways rows still change are Django's own
`on_delete` handling: deleting an account or a membership clears `actor` / `subject` (the trigger lets an
UPDATE through when it only sets those to NULL; `subject_label` keeps who it was), and deleting a whole
community removes its entries (`communities.services.community_delete` names the community to the
trigger for its transaction).
"""

from django.conf import settings
from django.db import NotSupportedError, models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel, TenantQuerySet


class AuditLogAppendOnly(NotSupportedError):
    """An audit entry was about to be changed or deleted; entries are only ever added."""


class AuditLogQuerySet(TenantQuerySet):
    def update(self, **kwargs):
        raise AuditLogAppendOnly("The audit log is append-only: entries cannot be updated.")

    def delete(self):
        raise AuditLogAppendOnly("The audit log is append-only: entries cannot be deleted.")


class AuditLogEntry(TenantModel):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(
        _("action"), max_length=64, help_text=_("dotted name, for example member.banned")
    )
    subject = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("member"),
    )
    # A readable copy of who or what was acted on, kept even if the row is deleted later.
    subject_label = models.CharField(max_length=200, blank=True, verbose_name=_("member (as shown)"))
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    data = models.JSONField(default=dict, blank=True, verbose_name=_("details"))

    objects = AuditLogQuerySet.as_manager()

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

    def save(self, *args, **kwargs):
        """Insert only: a loaded entry cannot be saved again, and a new one never overwrites a row."""
        if not self._state.adding:
            raise AuditLogAppendOnly("The audit log is append-only: entries cannot be updated.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogAppendOnly("The audit log is append-only: entries cannot be deleted.")
