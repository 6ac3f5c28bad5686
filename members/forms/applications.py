"""HTML forms for screening questions, applying, and the review queue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateField
from members.forms.membership import JoinForm
from members.models import Application, ApplicationQuestion
from members.services.applications import ANSWER_LIMITS, answer_field

Kind = ApplicationQuestion.Kind


class QuestionForm(forms.Form):
    label = forms.CharField(label=_("Question"), max_length=300)
    help_text = forms.CharField(label=_("Help text"), max_length=500, required=False)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Kind.choices)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For single and multiple choice questions: one choice per line, at most 20."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)

    @classmethod
    def initial_for(cls, question: ApplicationQuestion) -> dict:
        return {
            "label": question.label,
            "help_text": question.help_text,
            "kind": question.kind,
            "choices": "\n".join(question.choices),
            "required": question.required,
        }

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


def _answer_field(question: ApplicationQuestion) -> forms.Field:
    common = {"label": question.label, "required": question.required, "help_text": question.help_text}
    options = [(choice, choice) for choice in question.choices]
    if question.kind == Kind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if question.kind == Kind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
    if question.kind == Kind.URL:
        return forms.URLField(max_length=ANSWER_LIMITS[Kind.URL], assume_scheme="https", **common)
    if question.kind == Kind.LONG_TEXT:
        return forms.CharField(max_length=ANSWER_LIMITS[Kind.LONG_TEXT], widget=forms.Textarea, **common)
    return forms.CharField(max_length=ANSWER_LIMITS[Kind.SHORT_TEXT], **common)


class ApplyForm(JoinForm):
    """One field per asked question (named q_<id>, as the service reports its errors), then the rules."""

    def __init__(self, *args, questions=(), rules_version=None, **kwargs):
        super().__init__(*args, rules_version=rules_version, **kwargs)
        self.questions = list(questions)
        answer_fields = {answer_field(q.pk): _answer_field(q) for q in self.questions}
        self.fields = {**answer_fields, **self.fields}

    def answers(self) -> dict:
        return {str(q.pk): self.cleaned_data.get(answer_field(q.pk)) for q in self.questions}


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Application.Status.choices]
    )
    submitted_from = BoundedDateField(label=_("Submitted from"), required=False)
    submitted_to = BoundedDateField(label=_("Submitted until"), required=False)
    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, help_text=_("Username, email or answer text")
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"] or None,
            "submitted_from": data["submitted_from"],
            "submitted_to": data["submitted_to"],
            "search": data["q"].strip(),
        }


class DecideForm(forms.Form):
    """The bulk decision on the applications ticked in the queue (`ids`, one checkbox each)."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Reject"))]
    )
    note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Seen by the operators and in the audit log only."),
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent with the decision, in the site and by email."),
    )

    def clean(self):
        data = super().clean()
        raw = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        try:
            data["ids"] = [int(value) for value in raw]
        except ValueError:
            data["ids"] = []
        if not data["ids"]:
            raise forms.ValidationError(_("Tick at least one application."), code="no_selection")
        return data
