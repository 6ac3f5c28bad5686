"""HTML forms of expert sessions: scheduling, a question, an answer, a guest expert."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from content.models.sessions import ANSWER_MAX, DESCRIPTION_MAX, QUESTION_MAX, TITLE_MAX, TOPIC_MAX


class SessionForm(forms.Form):
    """Input only: `session_schedule` checks the window and the expert. Times are read in the time zone
    the form shows (the reader's)."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    topic = forms.CharField(label=_("Topic"), max_length=TOPIC_MAX)
    expert_id = forms.TypedChoiceField(label=_("Expert"), coerce=int)
    starts_at = BoundedDateTimeField(label=_("Starts"))
    ends_at = BoundedDateTimeField(label=_("Ends"))
    description = forms.CharField(
        label=_("Description"), max_length=DESCRIPTION_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 6}), help_text=_("Markdown is supported."),
    )  # fmt: skip

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert_id"].choices = [(m.pk, f"{m.user.name} ({m.role_label})") for m in experts]


class SessionQuestionForm(forms.Form):
    body = forms.CharField(
        label=_("Your question"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class SessionAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"), max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown is supported."),
    )  # fmt: skip


class GuestExpertForm(forms.Form):
    account = forms.CharField(
        label=_("Username or email"), max_length=254,
        help_text=_("Their Guildhall account. They become an expert here at once: no application, no fee."),
    )  # fmt: skip
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
