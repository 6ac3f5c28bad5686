"""Journey: a visitor and a member switch between English and 简体中文 with the header's switcher; the
page re-renders in the chosen language, and the member's choice follows them from page to page."""

from django.utils import translation

from accounts.models import User

COMMUNITY = "/c/python-beginners/"


def _skip_link(language: str) -> str:
    with translation.override(language):
        return translation.gettext("Skip to content")


def _reads(person, language: str) -> None:
    assert person.language() == language
    assert person.page.locator("a.skip-link").inner_text().strip() == _skip_link(language)


def test_switch_language(journey):
    assert _skip_link("zh-hans") != _skip_link("en"), "the catalogue translates the probe"
    trip = journey("language")

    visitor = trip.person(None)
    visitor.visit("/", "a visitor on the directory, in English")
    _reads(visitor, "en")
    visitor.switch_language("zh-hans")
    visitor.check("the directory re-rendered in Chinese")
    _reads(visitor, "zh-hans")
    visitor.visit("/accounts/login/", "the login page stays in Chinese")
    _reads(visitor, "zh-hans")

    member = trip.person("member")
    member.visit(COMMUNITY, "the member on the community's home, in English")
    _reads(member, "en")
    member.switch_language("zh-hans")
    member.check("the home re-rendered in Chinese")
    _reads(member, "zh-hans")
    assert member.page.url.endswith(COMMUNITY), "the switcher brings the member back to the same page"
    for path, step in [
        (f"{COMMUNITY}members/", "the member directory in Chinese"),
        (f"{COMMUNITY}welcome/", "the welcome page in Chinese"),
        ("/me/notifications/", "the inbox in Chinese"),
        ("/me/settings/", "the settings in Chinese"),
    ]:
        member.visit(path, step)
        _reads(member, "zh-hans")
    assert User.objects.get(username="member").language == "zh-hans", "the choice is kept on the account"
    member.switch_language("en")
    member.check("the settings re-rendered in English")
    _reads(member, "en")
    trip.assert_clean()
