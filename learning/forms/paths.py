"""Forms of learning paths: the filters, a path, a step (material, completion, prerequisites, quiz), a
mentor, the member's work, a review, a quiz attempt and a goal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateField
from communities.validators import INT32_MAX
from learning.models import Completion, MaterialKind, SubmissionStatus
from learning.models.paths import (
    CHOICES_MAX,
    EFFORT_MAX,
    LEVEL_MAX,
    QUESTIONS_MAX,
    TEXT_MAX,
    TITLE_MAX,
    TRACK_MAX,
    URL_MAX,
)
from members.models.policy import skill_level_label


def level_field(levels: list[str], required: bool = True) -> forms.ChoiceField:
    empty = [] if required else [("", _("Any level"))]
    return forms.ChoiceField(
        label=_("Level"), required=required, choices=[*empty, *((lv, skill_level_label(lv)) for lv in levels)]
    )


class PathFilterForm(forms.Form):
    track = forms.CharField(label=_("Skill track"), max_length=TRACK_MAX, required=False)

    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"] = level_field(levels, required=False)


class PathForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    track = forms.CharField(
        label=_("Skill track"),
        max_length=TRACK_MAX,
        help_text=_("A skill, as members list theirs (e.g. portrait)."),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"] = level_field(levels)
        self.fields["level"].widget.attrs["maxlength"] = LEVEL_MAX


class CopyForm(forms.Form):
    title = forms.CharField(label=_("Title of the copy"), max_length=TITLE_MAX, required=False)


QUIZ_HELP = _(
    "One question per block: a line starting with “?” for the question, then one line per choice, the "
    "right one starting with “*” and the others with “-”. Leave a blank line between questions."
)


def parse_quiz(text: str) -> list[dict]:
    """The questions written in the step form's quiz box (see QUIZ_HELP)."""
    questions: list[dict] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line.startswith("?"):
            questions.append({"prompt": line[1:].strip(), "choices": [], "correct": None})
        elif line[:1] in ("*", "-") and questions:
            if line[0] == "*":
                questions[-1]["correct"] = len(questions[-1]["choices"])
            questions[-1]["choices"].append(line[1:].strip())
    return questions


def quiz_text(questions) -> str:
    """The quiz box's text for existing questions."""
    blocks = []
    for question in questions:
        lines = [f"? {question.prompt}"]
        lines += [
            f"{'*' if i == question.correct else '-'} {choice}" for i, choice in enumerate(question.choices)
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class StepForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    goal = forms.CharField(
        label=_("Goal"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the member learns or can do after this step."),
    )
    material_kind = forms.ChoiceField(label=_("Material"), choices=MaterialKind.choices)
    post_id = forms.TypedChoiceField(label=_("Post"), coerce=int, required=False, empty_value=None)
    series_id = forms.TypedChoiceField(label=_("Series"), coerce=int, required=False, empty_value=None)
    event_id = forms.TypedChoiceField(label=_("Event"), coerce=int, required=False, empty_value=None)
    material_url = forms.URLField(label=_("Link"), max_length=URL_MAX, required=False, assume_scheme="https")
    material_title = forms.CharField(label=_("Link title"), max_length=TITLE_MAX, required=False)
    material_text = forms.CharField(
        label=_("Text"), max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    completion = forms.ChoiceField(label=_("How it is completed"), choices=Completion.choices)
    effort_minutes = forms.IntegerField(
        label=_("Estimated effort (minutes)"), min_value=1, max_value=EFFORT_MAX
    )
    pass_mark = forms.IntegerField(label=_("Quiz pass mark (%)"), min_value=1, max_value=100, initial=70)
    requires_ids = forms.TypedMultipleChoiceField(
        label=_("Prerequisites"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Steps to complete before this one."),
    )
    quiz = forms.CharField(
        label=_("Quiz questions"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=QUIZ_HELP,
    )

    def __init__(self, *args, posts=(), series=(), events=(), other_steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post_id"].choices = [("", "—"), *((p.pk, p.title) for p in posts)]
        self.fields["series_id"].choices = [("", "—"), *((s.pk, s.title) for s in series)]
        self.fields["event_id"].choices = [("", "—"), *((e.pk, e.title) for e in events)]
        self.fields["requires_ids"].choices = [(s.pk, s.title) for s in other_steps]

    def clean(self):
        data = super().clean()
        if data.get("completion") == Completion.QUIZ:
            questions = parse_quiz(data.get("quiz", ""))
            valid = 0 < len(questions) <= QUESTIONS_MAX and all(
                q["prompt"] and 2 <= len(q["choices"]) <= CHOICES_MAX and q["correct"] is not None
                for q in questions
            )
            if not valid:
                self.add_error("quiz", QUIZ_HELP)
            data["questions"] = questions
        return data


class MentorForm(forms.Form):
    membership_id = forms.TypedChoiceField(label=_("Member"), coerce=int)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership_id"].choices = [
            (m.pk, f"{m.user.name} (@{m.user.username})") for m in candidates
        ]


class SubmissionForm(forms.Form):
    body = forms.CharField(
        label=_("Your work"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown. What you did, and what you would like feedback on."),
    )
    link = forms.URLField(
        label=_("Link to your work"), max_length=URL_MAX, required=False, assume_scheme="https"
    )


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(SubmissionStatus.APPROVED, _("Approved")), (SubmissionStatus.TRY_AGAIN, _("Try again"))],
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What works, and for “try again” what to change."),
    )


class QuizForm(forms.Form):
    """One radio group per question of the attempt named by `attempt_id`."""

    attempt_id = forms.IntegerField(min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.question_names = []
        for index, question in enumerate(questions):
            name = f"q{index}"
            self.fields[name] = forms.TypedChoiceField(
                label=question.prompt,
                coerce=int,
                widget=forms.RadioSelect,
                choices=list(enumerate(question.choices)),
            )
            self.question_names.append(name)

    def answers(self) -> list[int]:
        return [self.cleaned_data[name] for name in self.question_names]


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=TITLE_MAX)
    target_date = BoundedDateField(label=_("Target date"))
    path_id = forms.TypedChoiceField(label=_("Path"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, paths=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["path_id"].choices = [("", "—"), *((p.pk, p.title) for p in paths)]


class GoalActionForm(forms.Form):
    goal_id = forms.IntegerField(min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("done", "done"), ("reopen", "reopen"), ("delete", "delete")])
