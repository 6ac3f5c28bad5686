"""Forms of the relationship log: record a touchpoint, set a cadence, start following a member."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from communities.roles import MembershipStatus
from members.models import Membership, Touchpoint
from members.selectors.relationships import caretaker_choices
from members.services.relationships import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS


class TouchpointForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Touchpoint.Kind.choices)
    happened_at = BoundedDateTimeField(
        label=_("When"),
        required=False,
        help_text=_("Leave empty for now; it cannot be in the future."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )


class CadenceForm(forms.Form):
    every_days = forms.IntegerField(
        label=_("Contact every (days)"), min_value=MIN_CADENCE_DAYS, max_value=MAX_CADENCE_DAYS
    )
    caretaker = forms.ModelChoiceField(
        label=_("Caretaker"), queryset=None, required=False, empty_label=_("Nobody in particular")
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caretaker"].queryset = caretaker_choices(community=community)
        self.fields["caretaker"].label_from_instance = lambda membership: membership.user.name


class FollowForm(CadenceForm):
    """Start following an active member by username, with a cadence."""

    username = forms.CharField(label=_("Member's username"), max_length=150)
    field_order = ["username", "every_days", "caretaker"]

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, community=community, **kwargs)
        self.community = community

    def clean_username(self):
        membership = (
            Membership.objects.for_community(self.community)
            .filter(user__username=self.cleaned_data["username"], status=MembershipStatus.ACTIVE)
            .first()
        )
        if membership is None:
            raise forms.ValidationError(_("No active member has this username."), code="not_a_member")
        self.membership = membership
        return self.cleaned_data["username"]
