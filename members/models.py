"""Memberships: which account belongs to which community, in which role, in which state."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.roles import MembershipStatus, Role


class Membership(TenantModel):
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="membership_unique_user"),
        ]
        indexes = [models.Index(fields=["community", "status", "role"])]

    def __str__(self):
        return f"{self.user} @ {self.community} ({self.role}, {self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE


class RuleAcceptance(TenantModel):
    """A member accepted one version of the community's rules (kept for every version accepted)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="rule_acceptances")
    rules_version = models.ForeignKey(
        "communities.RulesVersion", on_delete=models.PROTECT, related_name="acceptances"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["community", "membership", "rules_version"], name="ruleacceptance_unique"
            ),
        ]

    def __str__(self):
        return f"{self.membership_id} accepted v{self.rules_version_id}"
