"""The page checks themselves: each one fails on a page built to break it, and passes a clean page.

The pages are served by Playwright's router under a made-up origin with a strict Content-Security-Policy,
so these tests need neither the live server nor the database.
"""

import pytest

from tests.e2e.browser import ARTIFACTS, Journey
from tests.e2e.untranslated import look

ORIGIN = "http://checks.e2e.test"
POLICY = "script-src 'self'"
CLEAN = """<!DOCTYPE html><html lang="en"><head><title>Clean</title></head>
<body><main><h1>A clean page</h1><p>Nothing to see.</p><img src="data:," alt="nothing"></main>
</body></html>"""
BROKEN = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
<body><main><h1>A broken page</h1><img src="data:,"><input type="text">
<div id="wide" style="width: 2000px">too wide</div>
<script>document.title = "inline scripts are refused";</script></main></body></html>"""


@pytest.fixture
def trip(chromium, width):
    journey = Journey(
        browser=chromium, base_url=ORIGIN, name="checks", width=width, directory=ARTIFACTS / f"checks-{width}"
    )
    journey.directory.mkdir(parents=True, exist_ok=True)
    yield journey
    journey.close()


def _serve(person, html: str) -> None:
    person.page.route(
        f"{ORIGIN}/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body=html, headers={"Content-Security-Policy": POLICY}
        ),
    )


def test_a_clean_page_passes(trip):
    visitor = trip.person(None)
    _serve(visitor, CLEAN)
    visitor.visit("/clean", "a clean page")
    assert trip.problems == []
    assert trip.pages_checked == ["/clean"]
    assert (trip.directory / "01-visitor-a-clean-page.png").stat().st_size > 0


def test_a_broken_page_fails_every_check(trip):
    visitor = trip.person(None)
    _serve(visitor, BROKEN)
    visitor.visit("/broken", "a broken page")
    found = {problem.check for problem in trip.problems}
    assert {"axe critical image-alt", "axe critical label", "scrolls sideways", "CSP violation"} <= found
    sideways = next(p for p in trip.problems if p.check == "scrolls sideways")
    assert "div#wide" in sideways.detail
    with pytest.raises(AssertionError, match="image-alt"):
        trip.assert_clean()


CHINESE = """<!DOCTYPE html><html lang="zh-hans"><head><title>活动</title></head>
<body><main><h1>活动</h1><p>{text}</p><textarea aria-label="评论">Clear</textarea>
<div class="prose">Clear</div></main></body></html>"""


@pytest.mark.parametrize(("text", "left"), [("Judging and results", True), ("评审与结果", False)])
def test_english_left_on_a_chinese_page_is_found(trip, text, left):
    """Interface text that is a translated msgid is reported; what members typed (a text area, Markdown)
    is not, even when it reads like one."""
    visitor = trip.person(None)
    _serve(visitor, CHINESE.format(text=text))
    visitor.page.goto("/chinese")
    look(visitor, "a Chinese page")
    found = [problem for problem in trip.problems if problem.check == "untranslated"]
    assert [problem.detail for problem in found] == (["'Judging and results'"] if left else [])
