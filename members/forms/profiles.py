"""HTML forms for the profile editor, operators' notes and tags, and the directory's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from communities.dates import BoundedDateField
from communities.roles import Role
from members.models import MemberProfile, ProfileVisibility
from members.models.policy import skill_level_label
from members.selectors.profiles import ACTIVE_WITHIN_DAYS, DirectoryQuery


class ProfileForm(forms.Form):
    """Input only: the service `profile_update` validates against the community's scale and limits."""

    display_name = forms.CharField(label=_("Display name"), max_length=80, required=False)
    bio = forms.CharField(
        label=_("Bio"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown is supported."),
    )  # fmt: skip
    skill_level = forms.ChoiceField(label=_("Skill level"), required=False)
    skills = forms.CharField(
        label=_("Skills"), max_length=1400, required=False,
        help_text=_("Separated by commas, at most 20, for example: portrait, lighting, darkroom."),
    )  # fmt: skip
    learning_needs = forms.CharField(
        label=_("What I want to learn"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    goals = forms.CharField(
        label=_("Goals"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    interests = forms.CharField(label=_("Interests"), max_length=300, required=False)
    links = forms.CharField(
        label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One http:// or https:// address per line, at most 5."),
    )  # fmt: skip
    visibility = forms.ChoiceField(label=_("Who can see my profile"), choices=ProfileVisibility.choices)

    def __init__(
        self, *args, skill_levels: list[str], profile: MemberProfile | None, skills: list[str], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["skill_level"].choices = [("", _("Not set"))] + [
            (level, skill_level_label(level)) for level in skill_levels
        ]
        if profile is not None and not self.is_bound:
            for name in (
                "display_name",
                "bio",
                "skill_level",
                "learning_needs",
                "goals",
                "interests",
                "visibility",
            ):
                self.fields[name].initial = getattr(profile, name)
            self.fields["links"].initial = "\n".join(profile.links)
        if not self.is_bound:
            self.fields["skills"].initial = ", ".join(skills)
        if profile is None:
            self.fields["visibility"].initial = ProfileVisibility.MEMBERS


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Private note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class TagForm(forms.Form):
    name = forms.CharField(
        label=_("Tag"), max_length=40, help_text=_("For example: core member, opinion leader.")
    )


class DirectoryFilterForm(forms.Form):
    """GET filters of the directory and its CSV export; an invalid value is shown and ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    skill_level = forms.ChoiceField(label=_("Skill level"), required=False)
    skill = forms.CharField(label=_("Skill"), required=False, max_length=60)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("Any role")), *Role.choices])
    tag = forms.CharField(label=_("Tag"), required=False, max_length=40)
    joined_from = BoundedDateField(label=_("Joined from"), required=False)
    joined_to = BoundedDateField(label=_("Joined until"), required=False)
    active_within = forms.TypedChoiceField(
        label=_("Last active"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("name", _("Name")), ("newest", _("Newest members")), ("last_active", _("Last active"))],
    )

    def __init__(self, *args, skill_levels: list[str], operator: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill_level"].choices = [("", _("Any level"))] + [
            (level, skill_level_label(level)) for level in skill_levels
        ]
        # Built per form, in the reader's language: `_(...) % {...}` at class level would be formatted
        # once, in whatever language was active when the module was imported.
        self.fields["active_within"].choices = [("", _("Any time"))] + [
            (days, _("In the last %(days)d days") % {"days": days}) for days in ACTIVE_WITHIN_DAYS
        ]
        # Built per form, in the reader's language: `_(...) % {...}` at class level would be formatted
        # once, in whatever language was active when the module was imported.
        self.fields["active_within"].choices = [("", _("Any time"))] + [
            (days, _("In the last %(days)d days") % {"days": days}) for days in ACTIVE_WITHIN_DAYS
        ]
        if not operator:
            del self.fields["tag"]

    def query(self) -> DirectoryQuery:
        data = self.cleaned_data if self.is_valid() else {}
        values = {name: data.get(name) for name in DirectoryQuery.__dataclass_fields__ if data.get(name)}
        return DirectoryQuery(**values)
