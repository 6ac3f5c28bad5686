"""Journey: a visitor finds an open community in the directory and joins it, accepting its rules."""

import pytest

from accounts.models import User
from members.models import Membership

COMMUNITY = "/c/python-beginners/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_join_an_open_community(journey, language):
    User.objects.filter(username="outsider").update(language=language)
    trip = journey("join")
    outsider = trip.person("outsider")

    outsider.visit("/", "the directory")
    assert outsider.language() == language
    outsider.click_link(COMMUNITY)
    outsider.check("the community's home, not a member yet")
    outsider.click_link(f"{COMMUNITY}join/")
    outsider.check("the join page with the rules")
    outsider.page.check("input[name=accept_rules]")
    outsider.submit("accept_rules")
    outsider.check("the community's home, a member now")

    assert outsider.page.url.endswith(COMMUNITY)
    assert outsider.page.locator(f"a[href='{COMMUNITY}members/']").count(), "members see the directory link"
    membership = Membership.objects.get(community__slug="python-beginners", user__username="outsider")
    assert membership.status == "active"
    outsider.click_link(f"{COMMUNITY}welcome/")
    outsider.check("the welcome page")
    trip.assert_clean()
