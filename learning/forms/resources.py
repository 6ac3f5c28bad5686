"""Forms of the resource library: the filters, a resource, a rating, a featured list and its items.

Links, levels and tags are checked by the services (learning.services.resources, learning.links): their
refusals land on the form's fields."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.validators import MAX_POSITION
from learning.models import ResourceCost, ResourceKind
from learning.models.resources import LIST_NAME_MAX, REVIEW_MAX, TAG_MAX, TEXT_MAX, TITLE_MAX, URL_MAX
from learning.selectors.resources import ResourceQuery
from members.models.policy import skill_level_label

ANY = [("", _("Any"))]
ORDER_CHOICES = [("new", _("Newest")), ("rating", _("Best rated")), ("title", _("Title"))]


def level_choices(levels: list[str]) -> list[tuple[str, str]]:
    return [(level, skill_level_label(level)) for level in levels]


class ResourceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ANY + ResourceKind.choices, required=False)
    level = forms.ChoiceField(label=_("Skill level"), required=False)
    cost = forms.ChoiceField(label=_("Cost"), choices=ANY + ResourceCost.choices, required=False)
    tag = forms.CharField(label=_("Tag"), max_length=TAG_MAX, required=False)
    order = forms.ChoiceField(label=_("Order"), choices=ORDER_CHOICES, required=False)

    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [*ANY, *level_choices(levels)]

    def query(self) -> ResourceQuery:
        """The filters asked for; a filter with a bad value is ignored (the form shows its error)."""
        if not self.is_bound:
            return ResourceQuery()
        self.is_valid()
        data = self.cleaned_data
        return ResourceQuery(
            kind=data.get("kind", ""),
            level=data.get("level", ""),
            cost=data.get("cost", ""),
            tag=data.get("tag", ""),
            text=data.get("q", ""),
            order=data.get("order") or "new",
        )


class ResourceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    url = forms.CharField(
        label=_("Link"),
        max_length=URL_MAX,
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "url"}),
        help_text=_("A public web address starting with https:// or http://."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    level = forms.ChoiceField(label=_("Skill level"), required=False)
    cost = forms.ChoiceField(label=_("Cost"), choices=ResourceCost.choices, initial=ResourceCost.FREE)
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown. What it teaches, for whom, and why you recommend it."),
    )
    tags = forms.CharField(
        label=_("Tags"),
        max_length=400,
        required=False,
        help_text=_("Up to 8 words, separated by commas or spaces."),
    )

    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", _("Any level")), *level_choices(levels)]

    def clean_tags(self) -> list[str]:
        return [tag for tag in re.split(r"[,\uff0c\s]+", self.cleaned_data.get("tags") or "") if tag]


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
        help_text=_("5 is the best."),
    )
    review = forms.CharField(
        label=_("Review"),
        max_length=REVIEW_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. What was good or missing?"),
    )


class FeaturedListForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=LIST_NAME_MAX, help_text=_("For example: Start here."))
    position = forms.IntegerField(
        label=_("Position"), min_value=0, max_value=MAX_POSITION, initial=0, help_text=_("Lower comes first.")
    )


class FeaturedItemForm(forms.Form):
    """One change to a featured list's resources: add one, move one up or down, or remove one."""

    action = forms.ChoiceField(
        choices=[("add", _("Add")), ("up", _("Up")), ("down", _("Down")), ("remove", _("Remove"))]
    )
    resource = forms.TypedChoiceField(label=_("Resource"), coerce=int)

    def __init__(self, *args, resources: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource"].choices = [(pk, title) for pk, title in resources]
