"""Forms of the critique exchange: a work, a critique against the rubric, and the operators' tools."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.images import ImageUploadField
from content.models import CritiqueSettings, RubricCriterion
from content.models.critiques import MAX_GRANT, MAX_IMAGES, MAX_SCORE, MIN_SCORE
from content.selectors.critiques import active_member_named


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
        if len(files) > MAX_IMAGES:
            raise forms.ValidationError(_("A work holds at most 6 images."), code="too_many_images")
        return [super(MultipleImageField, self).clean(file, initial) for file in files]


class WorkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown. What you tried, and what you would like the critics to look at."),
    )
    images = MultipleImageField(
        label=_("Images"), help_text=_("Up to 6 images: PNG, JPEG, GIF or WebP, 2 MB each.")
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=2600,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Up to 5 web addresses, one per line."),
    )

    def clean_links(self):
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]


class WorkEditForm(WorkForm):
    """The text and links of a work; its images stay as posted."""

    images = None


SCORE_CHOICES = [(n, str(n)) for n in range(MIN_SCORE, MAX_SCORE + 1)]


class CritiqueForm(forms.Form):
    """One score (1-5) and comment per criterion of the rubric, then the overall note."""

    overall = forms.CharField(
        label=_("Overall note"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown. What works, what to try next."),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        overall = self.fields.pop("overall")
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "score-choice"}),
                help_text=criterion.guidance,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["overall"] = overall

    def scores(self) -> dict:
        return {
            criterion.pk: {
                "score": self.cleaned_data[f"score_{criterion.pk}"],
                "comment": self.cleaned_data[f"comment_{criterion.pk}"],
            }
            for criterion in self.criteria
        }


class CriterionForm(forms.ModelForm):
    class Meta:
        model = RubricCriterion
        fields = ["name", "guidance", "position", "active"]


class NewCriterionForm(forms.ModelForm):
    class Meta:
        model = RubricCriterion
        fields = ["name", "guidance"]


class CritiqueSettingsForm(forms.ModelForm):
    class Meta:
        model = CritiqueSettings
        fields = ["request_cost", "critique_reward"]


class GrantForm(forms.Form):
    username = forms.CharField(label=_("Member (username)"), max_length=150)
    amount = forms.IntegerField(label=_("Credits"), min_value=1, max_value=MAX_GRANT)
    reason = forms.CharField(label=_("Reason"), max_length=300)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community

    def clean_username(self):
        """The active member of this community with that username (the service checks it again)."""
        membership = active_member_named(community=self.community, username=self.cleaned_data["username"])
        if membership is None:
            raise forms.ValidationError(
                _("Choose an active member of this community."), code="member_invalid"
            )
        return membership
