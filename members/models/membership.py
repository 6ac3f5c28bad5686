"""Memberships: which account belongs to which community, in which role and state, and how it came."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.permissions import rules_pending
from communities.roles import MembershipStatus, Role
from communities.validators import bounded


class JoinSource(models.TextChoices):
    DIRECT = "direct", _("Direct")
    DIRECTORY = "directory", _("Directory")
    INVITATION = "invitation", _("Invitation")
    REFERRAL = "referral", _("Referral")
    JOIN_LINK = "join_link", _("Join link")
    CAMPAIGN = "campaign", _("Campaign")
    CREATED = "created", _("Created the community")


class Membership(TenantModel):
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("community"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    # Recruitment: where the member came from and who brought them.
    source = models.CharField(
        _("source"), max_length=12, choices=JoinSource.choices, default=JoinSource.DIRECT
    )
    source_tag = models.CharField(_("campaign tag"), max_length=40, blank=True)
    referred_by = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("referred by"),
    )
    invitation = models.ForeignKey(
        "members.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("invitation"),
    )
    join_link = models.ForeignKey(
        "members.JoinLink",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("join link"),
    )
    referral_code = models.CharField(
        max_length=16, blank=True, editable=False, verbose_name=_("referral code")
    )
    # Trust ladder (levels 0-3), evaluated by members.tasks.evaluate_trust_levels.
    trust_level = models.PositiveSmallIntegerField(
        _("trust level"),
        default=0,
        validators=bounded(0, 3),  # members.services.trust.TRUST_LEVELS
    )
    trust_level_since = models.DateTimeField(null=True, blank=True, verbose_name=_("trust level since"))
    demotion_due_at = models.DateTimeField(null=True, blank=True, verbose_name=_("demotion due"))
    # The newest rules version this member accepted (0: none), kept by members.services.rules_accept.
    rules_accepted = models.PositiveIntegerField(_("rules version accepted"), default=0, editable=False)
    # Moderation: a muted member cannot post until this time.
    muted_until = models.DateTimeField(_("muted until"), null=True, blank=True)
    # The directory's sort key, the name members see case-folded (members.services.directory keeps it).
    sort_name = models.CharField(max_length=150, blank=True, editable=False, verbose_name=_("sort name"))

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="membership_unique_user"),
            models.UniqueConstraint(
                fields=["community", "referral_code"],
                condition=~models.Q(referral_code=""),
                name="membership_unique_referral_code",
            ),
        ]
        indexes = [
            models.Index(fields=["community", "status", "role"]),
            models.Index(fields=["community", "source"]),
            models.Index(fields=["community", "joined_at"]),
            models.Index(fields=["community", "status", "sort_name", "id"], name="membership_directory_idx"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.community} ({self.get_role_display()}, {self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def rules_pending(self) -> int | None:
        """The rules version this active member has yet to accept, or None (see permissions.rules_pending)."""
        return rules_pending(self, self.community)

    @property
    def role_label(self) -> str:
        """`get_role_display()` without rebuilding and translating the choice list on every call."""
        return Role(self.role).label if self.role in Role.values else self.role


class RuleAcceptance(TenantModel):
    """A member accepted one version of the community's rules (kept for every version accepted)."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="rule_acceptances", verbose_name=_("membership")
    )
    rules_version = models.ForeignKey(
        "communities.RulesVersion",
        on_delete=models.PROTECT,
        related_name="acceptances",
        verbose_name=_("rules version"),
    )

    class Meta:
        verbose_name = _("rule acceptance")
        verbose_name_plural = _("rule acceptances")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "membership", "rules_version"], name="ruleacceptance_unique"
            ),
        ]

    def __str__(self):
        return f"{self.membership_id} accepted v{self.rules_version_id}"
