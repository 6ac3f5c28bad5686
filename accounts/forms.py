"""HTML forms of the personal area (/me/)."""

import zoneinfo
from functools import cache

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiToken, User
from communities.images import ImageUploadField

COMMON_REGIONS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


@cache
def common_timezone_choices() -> tuple:
    """UTC, then the zones of the inhabited regions, grouped by region for a <select> with optgroups."""
    zones = sorted(z for z in zoneinfo.available_timezones() if z.split("/", 1)[0] in COMMON_REGIONS)
    groups = [("UTC", "UTC")]
    for region in COMMON_REGIONS:
        members = [(z, z.split("/", 1)[1].replace("_", " ")) for z in zones if z.startswith(region + "/")]
        groups.append((region, members))
    return tuple(groups)


@cache
def common_timezone_names() -> frozenset[str]:
    return frozenset(
        ["UTC"] + [zone for _region, zones in common_timezone_choices()[1:] for zone, _city in zones]
    )


def language_choices():
    return [("", _("Follow my browser")), *settings.LANGUAGES]


class SettingsForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=User._meta.get_field("display_name").max_length,
        required=False,
        help_text=_("Shown instead of your username. Leave empty to use your username."),
    )
    avatar = ImageUploadField(label=_("Avatar"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        required=False,
        help_text=_("Leave empty to follow your browser."),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=common_timezone_choices,
        help_text=_("Dates and times are shown in this time zone."),
    )

    def __init__(self, *args, user: User, **kwargs):
        kwargs["initial"] = {
            "display_name": user.display_name,
            "avatar": user.avatar,
            "language": user.language,
            "timezone": user.timezone,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["avatar"].help_text = _(
            "PNG, JPEG, GIF or WebP, up to %(limit)s KB and %(side)s x %(side)s pixels."
        ) % {"limit": settings.MAX_IMAGE_UPLOAD_BYTES // 1024, "side": int(settings.MAX_IMAGE_PIXELS**0.5)}
        if user.timezone not in common_timezone_names():
            # Keep a zone set elsewhere (API, admin) selectable rather than silently replacing it.
            self.fields["timezone"].choices = [(user.timezone, user.timezone), *common_timezone_choices()]

    def changes(self) -> dict:
        """The cleaned values the user actually changed."""
        return {name: self.cleaned_data[name] for name in self.changed_data}


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_('Say where the token is used, for example "CI export".'),
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=language_choices, required=False)
