"""Tours: every tool an operator reaches from the Manage area, and every page a member reaches from the
community section of their menu, each opened the way a person would and checked like any journey page."""

import pytest

from accounts.models import User

COMMUNITY = "/c/street-photography/"
# The tools every owner must find in the Manage area (members.manage lists them all).
OWNER_TOOLS = {"applications/", "moderation/", "audit/", "people/", "settings/", "settings/rules/"}


def _links(person, scope: str) -> list[str]:
    """The distinct addresses inside this community that the elements matching `scope` link to."""
    hrefs = person.page.eval_on_selector_all(
        f"{scope} a[href^='{COMMUNITY}']", "links => links.map(a => a.getAttribute('href'))"
    )
    return list(dict.fromkeys(href for href in hrefs if "?" not in href))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_manage_tool(journey, language):
    User.objects.filter(username="owner").update(language=language)
    trip = journey("manage-tour")
    owner = trip.person("owner")
    owner.visit(COMMUNITY, "the owner on the community's home")
    owner.click_link(f"{COMMUNITY}manage/")
    owner.check("the Manage area")
    tools = [href for href in _links(owner, "main") if href != f"{COMMUNITY}manage/"]
    missing = {COMMUNITY + tool for tool in OWNER_TOOLS} - set(tools)
    assert not missing, f"the Manage area does not link to {missing}"
    for href in tools:
        owner.page.goto(f"{COMMUNITY}manage/")  # checked above
        owner.click_link(href)
        owner.check(f"tool {href.removeprefix(COMMUNITY)}")
    trip.assert_clean()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_page_of_a_members_menu(journey, language):
    User.objects.filter(username="wang.lei").update(language=language)
    trip = journey("member-tour")
    member = trip.person("wang.lei")
    member.visit(COMMUNITY, "the member on the community's home")
    menu = member.page.locator(f".user-menu-list a[href^='{COMMUNITY}']").first
    member.reveal(menu)
    pages = _links(member, ".user-menu-list") + _links(member, "nav.community-nav")
    assert len(pages) >= 4, f"the member's menu and the community bar link to {pages}"
    for href in dict.fromkeys(pages):
        member.page.goto(COMMUNITY)  # checked above
        member.click_link(href)
        member.check(f"page {href.removeprefix(COMMUNITY) or 'home'}")
    trip.assert_clean()
