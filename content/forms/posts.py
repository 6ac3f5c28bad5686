"""Forms of posts: writing (with the editor's textarea), the list's filters, the review decision, tags,
the community's post settings and the editor's image upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateTimeField
from communities.permissions import has_capability
from communities.validators import INT32_MAX
from content.models import PostKind, PostTag, Series
from content.models.posts import BODY_MAX, REVIEW_NOTE_MAX, TAG_MAX, TITLE_MAX
from content.selectors.posts import post_tag_list, skill_level_choices
from content.selectors.series import series_list
from content.services.posts import ReviewDecision
from members.models.policy import skill_level_label


def _level_choices(community, blank_label):
    return [("", blank_label)] + [
        (level, skill_level_label(level)) for level in skill_level_choices(community=community)
    ]


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    kind = forms.ChoiceField(label=_("Kind"), choices=PostKind.choices)
    skill_level = forms.ChoiceField(label=_("Skill level"), required=False)
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"), queryset=PostTag.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    series = forms.ModelChoiceField(label=_("Series"), queryset=Series.objects.none(), required=False)
    body = forms.CharField(
        label=_("Text (Markdown)"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 18, "data-post-editor": "", "spellcheck": "true"}),
        help_text=_("Markdown: **bold**, _italic_, # headings, lists, links and ```python code blocks."),
    )
    publish_at = BoundedDateTimeField(
        label=_("Publish at (optional)"),
        required=False,
        help_text=_("Leave empty to publish at once; a time in the future schedules the post."),
    )

    def __init__(self, *args, community, membership, **kwargs):
        super().__init__(*args, **kwargs)
        operator = has_capability(membership, "manage_content")
        if not operator:
            self.fields["kind"].choices = [c for c in PostKind.choices if c[0] != PostKind.ANNOUNCEMENT]
            del self.fields["series"]
        else:
            self.fields["series"].queryset = series_list(community=community)
        self.fields["skill_level"].choices = _level_choices(community, _("Any level"))
        self.fields["tags"].queryset = post_tag_list(community=community)
        if not self.fields["tags"].queryset.exists():
            del self.fields["tags"]


class PostFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    tag = forms.ModelChoiceField(label=_("Tag"), queryset=PostTag.objects.none(), required=False)
    skill_level = forms.ChoiceField(label=_("Skill level"), required=False)
    author = forms.IntegerField(
        label=_("Author"), required=False, min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput
    )
    staff_only = forms.BooleanField(label=_("Operators' and experts' posts only"), required=False)
    featured = forms.BooleanField(label=_("Featured only"), required=False)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *PostKind.choices]
        self.fields["tag"].queryset = post_tag_list(community=community)
        self.fields["tag"].empty_label = _("All tags")
        self.fields["skill_level"].choices = _level_choices(community, _("All levels"))

    def filters(self) -> dict:
        """The selector's keyword arguments (an invalid filter is ignored, the list shows everything)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "tag": data["tag"],
            "skill_level": data["skill_level"],
            "author_id": data["author"],
            "staff_only": data["staff_only"],
            "featured": data["featured"],
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=ReviewDecision.CHOICES, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment to the author"),
        max_length=REVIEW_NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you send the post back."),
    )


class PostTagForm(forms.Form):
    name = forms.CharField(label=_("New tag"), max_length=TAG_MAX)


class PostSettingsForm(forms.Form):
    member_posts_need_review = forms.BooleanField(
        label=_("Members' posts need review"),
        required=False,
        help_text=_(
            "Posts by members (not operators or experts) wait in the review queue before they appear."
        ),
    )


class PostImageForm(forms.Form):
    image = forms.FileField(label=_("Image"))
