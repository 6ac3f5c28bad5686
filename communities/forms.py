"""HTML forms for communities. They validate input; the services decide and write."""

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from communities import validators
from communities.images import ImageUploadField
from communities.models import Community, Rule, SkillDomain

# Offered in the time zone select; a community set to another valid zone (through the API) keeps it.
COMMON_TIMEZONES = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Moscow",
    "Africa/Cairo",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Toronto",
)

PROFILE_FIELDS = [
    "name",
    "skill_domain",
    "tagline",
    "positioning",
    "target_audience",
    "description",
    "culture",
    "visibility",
    "join_policy",
    "language",
    "timezone",
]
BRANDING_FIELDS = ["accent_color", "logo", "cover_image"]
IMAGE_FIELD_CLASSES = {"logo": ImageUploadField, "cover_image": ImageUploadField}


class ColourInput(forms.TextInput):
    input_type = "color"


def _timezone_choices(current: str | None = None) -> list[tuple[str, str]]:
    zones = list(COMMON_TIMEZONES)
    if current and current not in zones and current in validators.timezone_names():
        zones.append(current)
    return [(zone, zone.replace("_", " ")) for zone in zones]


class CommunityProfileFieldsMixin:
    """The time zone select shared by the create and profile forms."""

    def _setup_timezone(self, current: str | None):
        self.fields["timezone"] = forms.ChoiceField(
            label=_("Time zone"),
            choices=_timezone_choices(current),
            initial="UTC",
            help_text=_("Dates and times on the community's pages are shown in this zone."),
        )

    def clean_timezone(self):
        value = self.cleaned_data["timezone"]
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise forms.ValidationError(
                _("Choose a time zone from the list."), code="invalid_timezone"
            ) from exc
        return value


class CommunityCreateForm(CommunityProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = Community
        fields = ["name", "slug", *PROFILE_FIELDS[1:], *BRANDING_FIELDS]
        widgets = {"accent_color": ColourInput()}
        field_classes = IMAGE_FIELD_CLASSES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_timezone(None)
        self.fields["accent_color"].help_text = _("Used for buttons, links and the top of your pages.")


class CommunityProfileForm(CommunityProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = Community
        fields = PROFILE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_timezone(self.instance.timezone)


class CommunityBrandingForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = BRANDING_FIELDS
        widgets = {"accent_color": ColourInput()}
        field_classes = IMAGE_FIELD_CLASSES

    def changes(self) -> dict:
        """The changed fields for `community_update`; a cleared image becomes an empty value."""
        return {name: self.cleaned_data[name] or "" for name in self.changed_data}


class RuleForm(forms.ModelForm):
    class Meta:
        model = Rule
        fields = ["category", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


class DeleteCommunityForm(forms.Form):
    confirm_slug = forms.CharField(
        label=_("Type the community's address to confirm"),
        max_length=50,
        help_text=_("This deletes the community and everything in it. It cannot be undone."),
    )


DIRECTORY_SORTS = [
    ("activity", _("Most active")),
    ("newest", _("Newest")),
    ("members", _("Most members")),
]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    domain = forms.ChoiceField(
        label=_("Skill domain"), required=False, choices=[("", _("All domains")), *SkillDomain.choices]
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=DIRECTORY_SORTS)
