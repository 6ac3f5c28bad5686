"""HTML forms of polls: adding one to a topic, and a vote."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from content.models.polls import OPTION_MAX, OPTIONS_MAX, QUESTION_MAX, PollResults


class PollForm(forms.Form):
    """Input only: `poll_create` checks the options (2 to 10, none twice) and the closing time."""

    question = forms.CharField(label=_("Question"), max_length=QUESTION_MAX)
    options = forms.CharField(
        label=_("Options"),
        max_length=(OPTION_MAX + 1) * OPTIONS_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, from 2 to 10."),
    )
    multiple = forms.BooleanField(label=_("Members may choose several options"), required=False)
    closes_at = BoundedDateTimeField(
        label=_("Closes at (optional)"), required=False, help_text=_("Leave empty to keep it open.")
    )
    results = forms.ChoiceField(label=_("Results are shown"), choices=PollResults.choices)

    def clean_options(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]


class VoteForm(forms.Form):
    """The chosen options' ids (checkboxes or radio buttons of the poll card); `poll_vote` checks them."""

    options = forms.TypedMultipleChoiceField(coerce=int, required=True, label=_("Your choice"))

    def __init__(self, *args, option_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].choices = [(pk, pk) for pk in option_ids]
