"""HTML forms of Q&A: asking, answering, and the list's filters (one QuestionQuery with the API)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models.questions import BODY_MAX, TAG_MAX, TAGS_PER_QUESTION, TITLE_MAX
from content.selectors.questions import ORDERINGS, QuestionQuery
from members.models.policy import skill_level_label


def skill_level_choices(skill_levels: list[str], empty_label) -> list[tuple[str, str]]:
    return [("", empty_label)] + [(level, skill_level_label(level)) for level in skill_levels]


class QuestionForm(forms.Form):
    """Input only: `question_ask` checks the skill level against the community's scale and the tags."""

    title = forms.CharField(label=_("Question"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Details"), max_length=BODY_MAX, required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you tried and where you are stuck. Markdown is supported."),
    )  # fmt: skip
    tags = forms.CharField(
        label=_("Tags"), max_length=(TAG_MAX + 2) * TAGS_PER_QUESTION, required=False,
        help_text=_("Separated by commas, at most 5, for example: lighting, portrait."),
    )  # fmt: skip
    skill_level = forms.ChoiceField(label=_("Skill level"), required=False)

    def __init__(self, *args, skill_levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill_level"].choices = skill_level_choices(skill_levels, _("Any level"))

    def clean_tags(self) -> list[str]:
        return [tag for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown is supported."),
    )  # fmt: skip


class QuestionFilterForm(forms.Form):
    tag = forms.CharField(label=_("Tag"), max_length=TAG_MAX, required=False)
    skill_level = forms.ChoiceField(label=_("Skill level"), required=False)
    answered = forms.ChoiceField(
        label=_("Accepted answer"),
        required=False,
        choices=[("", _("All questions")), ("yes", _("With an accepted answer")), ("no", _("Without one"))],
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("new", _("Newest")),
            ("active", _("Recently active")),
            ("answers", _("Most answers")),
            ("oldest", _("Oldest")),
        ],
    )

    def __init__(self, *args, skill_levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill_level"].choices = skill_level_choices(skill_levels, _("Any level"))

    def query(self) -> QuestionQuery:
        """The filters as a query; invalid input is ignored field by field (a list never fails)."""
        self.is_valid()
        data = self.cleaned_data
        answered = {"yes": True, "no": False}.get(data.get("answered", ""))
        order = data.get("order") or "new"
        return QuestionQuery(
            tag=data.get("tag", ""),
            skill_level=data.get("skill_level", ""),
            answered=answered,
            order=order if order in ORDERINGS else "new",
        )
