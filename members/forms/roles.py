"""HTML forms for role changes, ownership transfer and removal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.roles import Role


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    reason = forms.CharField(label=_("Reason (optional)"), max_length=2000, required=False)


class TransferForm(forms.Form):
    confirm = forms.BooleanField(label=_("I understand that I will become an admin of this community."))
    reason = forms.CharField(label=_("Note (optional)"), max_length=2000, required=False)


class RemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log and sent to the member."),
    )
