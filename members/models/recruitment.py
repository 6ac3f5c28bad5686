"""Invitations (expiring, limited codes) and permanent join links per channel."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.roles import Role
from communities.validators import bounded

MAX_INVITATION_USES = 1_000_000


class Invitation(TenantModel):
    code = models.CharField(max_length=32, editable=False, verbose_name=_("invitation code"))
    label = models.CharField(_("label"), max_length=80, blank=True)
    role = models.CharField(_("role on joining"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    max_uses = models.PositiveIntegerField(
        _("maximum uses"), null=True, blank=True, validators=bounded(1, MAX_INVITATION_USES)
    )
    uses_count = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("times used"))
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("revoked"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["community", "code"], name="invitation_unique_code")]

    def __str__(self):
        return self.label or self.code


class JoinLink(TenantModel):
    """A permanent link for one channel (a WeChat group, a partner newsletter) that tags who joins."""

    code = models.CharField(max_length=32, editable=False, verbose_name=_("link code"))
    channel = models.CharField(_("channel"), max_length=80)
    source_tag = models.CharField(_("campaign tag"), max_length=40, blank=True)
    # Memberships that came through this link (members.services.membership.attribute keeps it; reconciled
    # with the community member counts by members.tasks.reconcile_member_counts).
    members_count = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("members joined"))
    retired_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("retired"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("join link")
        verbose_name_plural = _("join links")
        ordering = ["channel"]
        constraints = [models.UniqueConstraint(fields=["community", "code"], name="joinlink_unique_code")]

    def __str__(self):
        return self.channel
