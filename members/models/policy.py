"""Per-community settings of the people side: vetting, welcome, trust ladder, moderation ladder."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import bounded

# The policy's numbers: the model, the forms, the serializers and the services all read these bounds.
POLICY_RANGES = {
    "reapply_cooldown_days": (0, 3650),
    "trust_lookback_days": (1, 3650),
    "trust_demotion_grace_days": (0, 365),
    "report_hide_threshold": (1, 1000),
    "penalty_decay_days": (1, 3650),
}

DEFAULT_SKILL_LEVELS = ["beginner", "intermediate", "advanced", "expert"]
# Labels for the default scale, shown in the reader's language; a community's own levels show as typed.
DEFAULT_SKILL_LEVEL_LABELS = {
    "beginner": _("Beginner"),
    "intermediate": _("Intermediate"),
    "advanced": _("Advanced"),
    "expert": _("Expert"),
}


def skill_level_label(level: str) -> str:
    return DEFAULT_SKILL_LEVEL_LABELS.get(level, level)


# Minimum counts over the look-back window to reach each level (level 0 needs nothing).
DEFAULT_TRUST_THRESHOLDS = {
    "1": {
        "days_visited": 3,
        "posts": 0,
        "replies": 1,
        "accepted_answers": 0,
        "events_attended": 0,
        "max_flags": 2,
    },
    "2": {
        "days_visited": 15,
        "posts": 3,
        "replies": 10,
        "accepted_answers": 0,
        "events_attended": 1,
        "max_flags": 1,
    },
    "3": {
        "days_visited": 50,
        "posts": 10,
        "replies": 40,
        "accepted_answers": 3,
        "events_attended": 3,
        "max_flags": 0,
    },
}

# What a member below a level may put in one post; levels at or above the last entry are unlimited.
DEFAULT_NEW_MEMBER_LIMITS = {"0": {"links": 1, "images": 1}, "1": {"links": 5, "images": 5}}

DEFAULT_WARNING_LADDER = [
    {"action": "warn"},
    {"action": "mute", "days": 1},
    {"action": "mute", "days": 7},
    {"action": "ban"},
]


def default_skill_levels():
    return list(DEFAULT_SKILL_LEVELS)


def default_trust_thresholds():
    return {level: dict(counts) for level, counts in DEFAULT_TRUST_THRESHOLDS.items()}


def default_new_member_limits():
    return {level: dict(limits) for level, limits in DEFAULT_NEW_MEMBER_LIMITS.items()}


def default_warning_ladder():
    return [dict(step) for step in DEFAULT_WARNING_LADDER]


class MemberPolicy(TenantModel):
    """One row per community, created by the first policy change (`members.services.policy.policy_lock`);
    until then `members.selectors.policy.policy_for` returns these defaults unsaved."""

    reapply_cooldown_days = models.PositiveIntegerField(
        _("re-apply cool-down (days)"),
        default=30,
        validators=bounded(*POLICY_RANGES["reapply_cooldown_days"]),
    )
    welcome_message = models.TextField(
        _("welcome message (Markdown)"),
        max_length=4000,
        blank=True,
        help_text=_("Sent to every new member; {name} is replaced by their name."),
    )
    newcomer_guide = models.TextField(_("newcomer guide (Markdown)"), max_length=20000, blank=True)
    skill_levels = models.JSONField(_("skill levels"), default=default_skill_levels)
    report_hide_threshold = models.PositiveIntegerField(
        _("hide content after this many distinct reports"),
        default=3,
        validators=bounded(*POLICY_RANGES["report_hide_threshold"]),
    )
    trust_thresholds = models.JSONField(_("trust level thresholds"), default=default_trust_thresholds)
    trust_lookback_days = models.PositiveIntegerField(
        _("trust look-back window (days)"),
        default=100,
        validators=bounded(*POLICY_RANGES["trust_lookback_days"]),
    )
    trust_demotion_grace_days = models.PositiveIntegerField(
        _("demotion grace period (days)"),
        default=14,
        validators=bounded(*POLICY_RANGES["trust_demotion_grace_days"]),
    )
    new_member_limits = models.JSONField(
        _("limits per post by trust level"), default=default_new_member_limits
    )
    warning_ladder = models.JSONField(_("warning ladder"), default=default_warning_ladder)
    penalty_decay_days = models.PositiveIntegerField(
        _("penalties decay after (days)"),
        default=90,
        validators=bounded(*POLICY_RANGES["penalty_decay_days"]),
    )

    class Meta:
        verbose_name = _("member policy")
        verbose_name_plural = _("member policies")
        constraints = [models.UniqueConstraint(fields=["community"], name="memberpolicy_one_per_community")]

    def __str__(self):
        return f"policy of {self.community_id}"
