"""Forms of project collaborations: the team size, a project, an update, the showcase."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.images import ImageUploadField
from events.models import Collaboration
from events.models.projects import TEXT_MAX, TITLE_MAX, UPDATE_MAX, URL_MAX


class CollaborationForm(forms.ModelForm):
    class Meta:
        model = Collaboration
        fields = ["max_team_size"]


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown. The goal, what the team will build, and who you are looking for."),
    )


class UpdateForm(forms.Form):
    body = forms.CharField(
        label=_("Progress update"),
        max_length=UPDATE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown. What the team did, what is next, where you need help."),
    )


class ShowcaseForm(forms.Form):
    description = forms.CharField(
        label=_("Final description"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    link = forms.URLField(
        label=_("Link to the result"), max_length=URL_MAX, required=False, assume_scheme="https"
    )
    image = ImageUploadField(label=_("Image"), required=False)
