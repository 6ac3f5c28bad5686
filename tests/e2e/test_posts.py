"""Journey: an operator writes a tutorial with the editor (toolbar, preview), places it in the weekly
series and publishes it; a member finds it in the posts list, reads it with its highlighted code and
walks the series with previous / next."""

import pytest

from accounts.models import User
from content.models import Post, Series

COMMUNITY = "/c/python-beginners/"
TITLE = "Week 4: dictionaries"
BODY = "Map keys to values:\n\n```python\nages = {'Ada': 36}\nprint(ages['Ada'])\n```\n"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_publish_a_tutorial_in_a_series(journey, language):
    User.objects.filter(username__in=["owner", "member"]).update(language=language)
    series = Series.objects.get(community__slug="python-beginners", title="Weekly Python")
    last_part = Post.objects.filter(series=series).order_by("-series_position").first()
    trip = journey("posts")

    operator = trip.person("owner")
    operator.visit(COMMUNITY, "the operator on the community's home")
    operator.click_link(f"{COMMUNITY}posts/")
    operator.check("the posts list")
    operator.click_link(f"{COMMUNITY}posts/new/")
    operator.check("the editor")
    page = operator.page
    page.fill("input[name=title]", TITLE)
    page.select_option("select[name=series]", label="Weekly Python")
    page.fill("textarea[name=body]", BODY)
    page.locator(".editor-toolbar button").first.click()  # bold: wraps the selection in **...**
    assert "**" in page.input_value("textarea[name=body]")
    page.locator(".editor-tabs button").nth(1).click()  # preview, rendered by the server
    page.wait_for_selector(".editor-preview pre.highlight")
    operator.check("the preview with highlighted code")
    page.locator(".editor-tabs button").first.click()
    operator.submit("title")
    operator.check("the published tutorial")
    post = Post.objects.get(title=TITLE)
    assert post.status == "published" and post.series_id == series.pk

    reader = trip.person("member")
    reader.visit(f"{COMMUNITY}posts/", "the member on the posts list")
    reader.click_link(f"{COMMUNITY}posts/{post.pk}/")
    reader.check("the tutorial")
    assert reader.page.locator(".post-body pre.highlight span.nb").count(), "the code is highlighted"
    reader.click_link(f"{COMMUNITY}posts/{last_part.pk}/")
    reader.check("the previous part of the series")
    reader.click_link(f"{COMMUNITY}posts/{post.pk}/")
    reader.check("back to the new part")
    reader.click_link(f"{COMMUNITY}series/{series.pk}/")
    reader.check("the series page")
    trip.assert_clean()
