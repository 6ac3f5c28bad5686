"""The search box: words and, optionally, one kind of content."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models.search import SearchKind

QUERY_MAX = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=QUERY_MAX, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Everything")), *SearchKind.choices], required=False
    )
