"""HTML forms of recruitment: invitations, invitation codes, join links and the growth period."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.arrival import sanitise_tag
from communities.dates import BoundedDateTimeField
from communities.roles import Role
from members.models.recruitment import MAX_INVITATION_USES

PERIODS = [
    ("30", _("Last 30 days")),
    ("7", _("Last 7 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last 12 months")),
    ("all", _("All time")),
]


class InvitationForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=80,
        required=False,
        help_text=_("For you: who or what this invitation is for."),
    )
    role = forms.ChoiceField(
        label=_("Role on joining"),
        choices=[(value, label) for value, label in Role.choices if value != Role.OWNER],
        initial=Role.MEMBER,
    )
    max_uses = forms.IntegerField(
        label=_("Maximum uses"),
        min_value=1,
        max_value=MAX_INVITATION_USES,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    expires_at = BoundedDateTimeField(
        label=_("Expires"),
        required=False,
        help_text=_("In the community's time zone. Leave empty for no expiry."),
    )


class InvitationCodeForm(forms.Form):
    code = forms.CharField(label=_("Invitation code"), max_length=32, strip=True)


class JoinLinkForm(forms.Form):
    channel = forms.CharField(
        label=_("Channel"), max_length=80, help_text=_("Where you share it, for example “WeChat group”.")
    )
    source_tag = forms.CharField(
        label=_("Campaign tag"),
        max_length=40,
        required=False,
        help_text=_("Lower-case letters, digits, '-' and '_'; members who join through the link carry it."),
    )

    def clean_source_tag(self):
        tag = self.cleaned_data["source_tag"]
        if tag and sanitise_tag(tag) != tag:
            raise forms.ValidationError(
                _("Use only lower-case letters, digits, '-' and '_' (at most 40 characters)."), code="invalid"
            )
        return tag


class GrowthPeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)

    def days(self) -> int | None:
        """The period in days, None for all time; 30 when the choice is missing or invalid."""
        value = (self.cleaned_data.get("period") if self.is_valid() else "") or "30"
        return None if value == "all" else int(value)
