"""The member-policy settings page: one form for the basics, a small form per trust level."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.services.policy import LIMITED_LEVELS, MAX_COUNT, RANGES
from members.services.trust import TRUST_LEVELS

THRESHOLD_LABELS = {
    "days_visited": _("Days visited"),
    "posts": _("Posts"),
    "replies": _("Replies"),
    "accepted_answers": _("Accepted answers"),
    "events_attended": _("Events attended"),
    "max_flags": _("At most this many flags against"),
}


def _days(label, name, help_text=""):
    low, high = RANGES[name]
    return forms.IntegerField(label=label, min_value=low, max_value=high, help_text=help_text)


class MemberPolicyForm(forms.Form):
    reapply_cooldown_days = _days(
        _("Re-apply cool-down (days)"),
        "reapply_cooldown_days",
        _("How long a rejected applicant waits before applying again."),
    )
    welcome_message = forms.CharField(
        label=_("Welcome message (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
        help_text=_("Sent to every new member; {name} is replaced by their name."),
    )
    newcomer_guide = forms.CharField(
        label=_("Newcomer guide (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        required=False,
    )
    skill_levels = forms.CharField(
        label=_("Skill levels"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One level per line, from the first to the highest: 2 to 10 unique names."),
    )
    trust_lookback_days = _days(
        _("Trust look-back window (days)"),
        "trust_lookback_days",
        _("Activity older than this does not count; seasonal communities can widen it."),
    )
    trust_demotion_grace_days = _days(
        _("Demotion grace period (days)"),
        "trust_demotion_grace_days",
        _("A member who falls below their level keeps it this long before losing it."),
    )

    def clean_skill_levels(self):
        return [line.strip() for line in self.cleaned_data["skill_levels"].splitlines() if line.strip()]


class ThresholdForm(forms.Form):
    """What a member needs over the look-back window to reach one level."""

    days_visited = forms.IntegerField(
        label=THRESHOLD_LABELS["days_visited"], min_value=0, max_value=MAX_COUNT
    )
    posts = forms.IntegerField(label=THRESHOLD_LABELS["posts"], min_value=0, max_value=MAX_COUNT)
    replies = forms.IntegerField(label=THRESHOLD_LABELS["replies"], min_value=0, max_value=MAX_COUNT)
    accepted_answers = forms.IntegerField(
        label=THRESHOLD_LABELS["accepted_answers"], min_value=0, max_value=MAX_COUNT
    )
    events_attended = forms.IntegerField(
        label=THRESHOLD_LABELS["events_attended"], min_value=0, max_value=MAX_COUNT
    )
    max_flags = forms.IntegerField(label=THRESHOLD_LABELS["max_flags"], min_value=0, max_value=MAX_COUNT)


class PostLimitForm(forms.Form):
    """Links and images one post may hold at one level; empty means no limit."""

    links = forms.IntegerField(label=_("Links per post"), min_value=0, max_value=MAX_COUNT, required=False)
    images = forms.IntegerField(label=_("Images per post"), min_value=0, max_value=MAX_COUNT, required=False)


def policy_forms(policy, data=None):
    """(main form, {level: ThresholdForm}, {level: PostLimitForm}) bound to `data` or filled from `policy`."""
    main = MemberPolicyForm(
        data,
        initial={
            "reapply_cooldown_days": policy.reapply_cooldown_days,
            "welcome_message": policy.welcome_message,
            "newcomer_guide": policy.newcomer_guide,
            "skill_levels": "\n".join(policy.skill_levels),
            "trust_lookback_days": policy.trust_lookback_days,
            "trust_demotion_grace_days": policy.trust_demotion_grace_days,
        },
    )
    thresholds = {
        str(level): ThresholdForm(
            data, prefix=f"level{level}", initial=policy.trust_thresholds.get(str(level), {})
        )
        for level in TRUST_LEVELS[1:]
    }
    limits = {
        level: PostLimitForm(
            data,
            prefix=f"limits{level}",
            initial=policy.new_member_limits.get(level) or {"links": None, "images": None},
        )
        for level in LIMITED_LEVELS
    }
    return main, thresholds, limits
