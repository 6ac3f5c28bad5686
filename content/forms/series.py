"""The series form (operators)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models.posts import TITLE_MAX
from content.models.series import DESCRIPTION_MAX


class SeriesForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Description (Markdown)"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
