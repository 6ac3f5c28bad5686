"""Journey: a member of a Chinese-first community reads the home's feed, then searches for a Chinese
word and finds the tutorial that holds it, the word marked in the snippet; the search works the same
in both interface languages."""

import pytest

from accounts.models import User

COMMUNITY = "/c/street-photography/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_find_a_chinese_tutorial_from_the_home(journey, language):
    User.objects.filter(username="member").update(language=language)
    trip = journey("search")

    reader = trip.person("member")
    reader.visit(COMMUNITY, "the home with its feed")
    page = reader.page
    assert page.locator(".feed").count(), "the home shows the community's feed"
    reader.click_link(f"{COMMUNITY}search/")
    reader.check("the search page")
    page.fill("input[name=q]", "光线")
    reader.submit("q")
    reader.check("results for a Chinese word")
    first = page.locator(".search-results li").first
    assert "光线决定气氛" in first.inner_text()
    assert first.locator("a mark").first.inner_text() == "光线", "the word is marked in the title"
    reader.click_link(first.locator("a").first.get_attribute("href"))
    reader.check("the tutorial found")
    assert "光线决定气氛" in page.locator("h1").inner_text()
    trip.assert_clean()
