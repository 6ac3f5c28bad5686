"""HTML forms for reports, moderation actions and the moderation settings."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from communities.models import Community, Rule
from members.models import ModerationAction
from members.models.policy import POLICY_RANGES
from members.services.moderation import MAX_MUTE_DAYS

ACTION_LABELS = {
    "dismiss": _("Dismiss the reports"),
    "warn": _("Warn"),
    "mute": _("Mute"),
    "remove": _("Remove the content"),
    "ban": _("Ban"),
    "unmute": _("Lift the mute"),
    "unban": _("Lift the ban"),
}


class RuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


def _rules(community: Community):
    return Rule.objects.for_community(community).order_by("position", "id")


class ReportForm(forms.Form):
    target_type = forms.CharField(widget=forms.HiddenInput, max_length=100)
    target_id = forms.CharField(widget=forms.HiddenInput, max_length=64)
    rule = RuleChoiceField(label=_("Which rule was broken?"), queryset=Rule.objects.none())
    reason = forms.CharField(
        label=_("What happened?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators see your report."),
    )

    def __init__(self, *args, community: Community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = _rules(community)


class ModerationActionForm(forms.Form):
    """One form for every action; `actions` limits the choices to those that apply to the page."""

    action = forms.ChoiceField(label=_("Action"), widget=forms.RadioSelect)
    days = forms.IntegerField(
        label=_("Mute for (days)"),
        required=False,
        min_value=1,
        max_value=MAX_MUTE_DAYS,
        help_text=_("For a mute only."),
    )
    rule = RuleChoiceField(
        label=_("Rule"), queryset=Rule.objects.none(), required=False, help_text=_("Required for a ban.")
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the member and kept in the audit log."),
    )

    def __init__(self, *args, community: Community, actions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(action, ACTION_LABELS[action]) for action in actions]
        self.fields["rule"].queryset = _rules(community)


def ladder_to_text(ladder: list[dict]) -> str:
    return "\n".join(
        f"{step['action']} {step['days']}" if step.get("action") == "mute" else step.get("action", "")
        for step in ladder
    )


class ModerationSettingsForm(forms.Form):
    report_hide_threshold = forms.IntegerField(
        label=_("Hide content after this many distinct reports"),
        min_value=POLICY_RANGES["report_hide_threshold"][0],
        max_value=POLICY_RANGES["report_hide_threshold"][1],
    )
    warning_ladder = forms.CharField(
        label=_("Warning ladder"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_('One step per line, from the first offence: "warn", "mute <days>" (1-365) or "ban".'),
    )
    penalty_decay_days = forms.IntegerField(
        label=_("Penalties decay after (days)"),
        min_value=POLICY_RANGES["penalty_decay_days"][0],
        max_value=POLICY_RANGES["penalty_decay_days"][1],
        help_text=_("Only actions within this many days count towards the next step."),
    )

    def clean_warning_ladder(self) -> list[dict]:
        steps = []
        for line in self.cleaned_data["warning_ladder"].splitlines():
            words = line.split()
            if not words:
                continue
            if words[0] == ModerationAction.Kind.MUTE and len(words) == 2 and words[1].isdigit():
                steps.append({"action": "mute", "days": int(words[1])})
            elif len(words) == 1 and words[0] in ("warn", "ban"):
                steps.append({"action": words[0]})
            else:
                raise ValidationError(
                    _("Line %(line)r is not a step: write warn, mute <days> or ban."),
                    code="warning_ladder_invalid",
                    params={"line": line.strip()},
                )
        return steps
