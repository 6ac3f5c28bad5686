"""Our overrides of the catalogues Django and django-allauth bring (locale_vendor/): the whole site says
你, never 您, and the admin texts those catalogues lack are translated."""

import gettext
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from tests.i18n.pofile import messages
from tests.i18n.test_catalog import PLACEHOLDER

VENDOR = settings.BASE_DIR / "locale_vendor" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def bundled_catalogues() -> list[Path]:
    """The Simplified Chinese catalogues of Django and of every installed third-party app."""
    paths = [Path(django.__file__).parent / "conf" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"]
    for config in apps.get_app_configs():
        path = Path(config.path) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
        if path.exists() and settings.BASE_DIR not in path.parents:
            paths.append(path)
    return paths


@pytest.fixture(scope="module")
def overrides():
    return {entry.key: entry for entry in messages(VENDOR)}


def test_every_polite_form_of_the_bundled_catalogues_is_overridden(overrides):
    missing = []
    for path in bundled_catalogues():
        for entry in messages(path):
            if "fuzzy" in entry.flags or not any("您" in text for text in entry.msgstr.values()):
                continue
            override = overrides.get(entry.key)
            if override is None or any("您" in text for text in override.msgstr.values()):
                missing.append(f"{path}: {entry.msgid!r}")
    assert not missing, "add these to locale_vendor (您 as 你):\n" + "\n".join(missing)


def test_overrides_keep_the_placeholders_and_are_compiled(overrides):
    with VENDOR.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in overrides.values():
        text = next(iter(entry.msgstr.values()))
        assert text and "您" not in text, entry.msgid
        source = entry.msgid + (entry.msgid_plural or "")
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), entry.msgid
        if entry.msgid_plural is None and entry.msgctxt is None:
            assert compiled.gettext(entry.msgid) == text, "run `make messages`"


@pytest.mark.parametrize(
    "msgid",
    [
        "The email address and/or password you specified are not correct.",
        "After you’ve created a user, you’ll be able to edit more user options.",  # noqa: RUF001
    ],
)
def test_the_site_speaks_with_the_overrides(overrides, msgid):
    with translation.override("zh-hans"):
        text = translation.gettext(msgid)
    assert text == next(iter(overrides[(None, msgid)].msgstr.values()))
    assert "您" not in text
