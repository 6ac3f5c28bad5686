"""HTML forms for joining and leaving a community."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.validators import INT32_MAX


class JoinForm(forms.Form):
    """The rules version shown travels with the form, so a version published meanwhile is caught."""

    rules_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=INT32_MAX
    )
    accept_rules = forms.BooleanField(required=True)

    def __init__(self, *args, rules_version=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rules_version is None:
            del self.fields["accept_rules"]
            del self.fields["rules_version"]
        else:
            self.fields["rules_version"].initial = rules_version.number
            self.fields["accept_rules"].label = _("I have read and accept the rules (version %(number)s)") % {
                "number": rules_version.number
            }

    def accepted_version(self) -> int | None:
        return self.cleaned_data.get("rules_version") if self.cleaned_data.get("accept_rules") else None
