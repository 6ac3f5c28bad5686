"""The append-only activity log: one row per participation, written by analytics.services.record."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel


class ActivityEvent(TenantModel):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    verb = models.CharField(
        max_length=64, help_text=_("dotted name, for example community.joined"), verbose_name=_("activity")
    )
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target type"),
    )
    target_id = models.CharField(max_length=64, blank=True, verbose_name=_("target id"))
    data = models.JSONField(default=dict, blank=True, verbose_name=_("details"))
    occurred_at = models.DateTimeField(verbose_name=_("occurred at"))

    class Meta:
        verbose_name = _("activity event")
        verbose_name_plural = _("activity events")
        indexes = [
            models.Index(fields=["community", "occurred_at"]),
            models.Index(fields=["community", "verb", "occurred_at"]),
            models.Index(fields=["community", "actor", "occurred_at"]),
        ]

    def __str__(self):
        return f"{self.verb} by {self.actor_id} at {self.occurred_at:%Y-%m-%d %H:%M}"
