"""Forms of competitions: the rules, a criterion, a judge, an entry, a judge's scores."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from communities.images import ImageUploadField
from events.models import Competition
from events.models.competitions import (
    COMMENT_MAX,
    ENTRY_IMAGES_MAX,
    REASON_MAX,
    SCORE_MAX,
    SCORE_MIN,
    TEXT_MAX,
    TITLE_MAX,
    URL_MAX,
    WEIGHT_MAX,
    WEIGHT_MIN,
)


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(ImageUploadField):
    """Several images in one input, each checked and re-encoded like every upload (communities.images)."""

    widget = MultipleImageInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > ENTRY_IMAGES_MAX:
            raise forms.ValidationError(_("An entry holds at most 4 images."), code="too_many_images")
        return [super(MultipleImageField, self).clean(file, initial) for file in files]


class CompetitionForm(forms.ModelForm):
    entries_close_at = BoundedDateTimeField(
        label=_("Entries close"),
        required=False,
        help_text=_("Leave empty: when the event ends."),
    )

    class Meta:
        model = Competition
        fields = ["entries_close_at", "max_team_size", "members_vote"]


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=80)
    description = forms.CharField(label=_("What the judges look for"), max_length=300, required=False)
    weight = forms.IntegerField(label=_("Weight"), min_value=WEIGHT_MIN, max_value=WEIGHT_MAX, initial=1)


class JudgeForm(forms.Form):
    membership_id = forms.TypedChoiceField(label=_("Member"), coerce=int, choices=())

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership_id"].choices = [
            (member.pk, f"{member.user.name} (@{member.user.username})") for member in candidates
        ]


class EntryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown. What you made, how, and what the judges should look at."),
    )
    link = forms.URLField(label=_("Link"), max_length=URL_MAX, required=False, assume_scheme="https")
    images = MultipleImageField(
        label=_("Images"), help_text=_("Up to 4 images: PNG, JPEG, GIF or WebP, 2 MB each.")
    )
    team_name = forms.CharField(
        label=_("Team name"), max_length=80, required=False, help_text=_("Only for a team entry.")
    )
    member_ids = forms.TypedMultipleChoiceField(
        label=_("Team members"),
        coerce=int,
        required=False,
        choices=(),
        help_text=_("The other members of your team."),
    )

    def __init__(self, *args, candidates=(), max_team_size=1, **kwargs):
        super().__init__(*args, **kwargs)
        if max_team_size <= 1:
            del self.fields["team_name"]
            del self.fields["member_ids"]
        else:
            self.fields["member_ids"].choices = [
                (member.pk, f"{member.user.name} (@{member.user.username})") for member in candidates
            ]
            self.fields["member_ids"].help_text = _("The other members of your team: at most %(count)s.") % {
                "count": max_team_size - 1
            }


class EntryEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Description"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )
    link = forms.URLField(label=_("Link"), max_length=URL_MAX, required=False, assume_scheme="https")


SCORE_CHOICES = [(n, str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)]


class ScoreForm(forms.Form):
    """One score (0-10) and an optional comment per criterion, the judge's current scores as initial."""

    def __init__(self, *args, criteria, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        current = current or {}
        for criterion in self.criteria:
            given = current.get(criterion.pk)
            label = _("%(criterion)s (weight %(weight)s)") % {
                "criterion": criterion.name,
                "weight": criterion.weight,
            }
            self.fields[f"value_{criterion.pk}"] = forms.TypedChoiceField(
                label=label,
                choices=SCORE_CHOICES,
                coerce=int,
                initial=given.value if given else None,
                help_text=criterion.description,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=COMMENT_MAX,
                initial=given.comment if given else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict:
        return {
            criterion.pk: {
                "value": self.cleaned_data[f"value_{criterion.pk}"],
                "comment": self.cleaned_data[f"comment_{criterion.pk}"],
            }
            for criterion in self.criteria
        }


class DisqualifyForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The entry's members read it in their notice. At most 500 characters."),
    )
