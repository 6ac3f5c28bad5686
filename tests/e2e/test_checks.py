"""The page checks themselves: each one fails on a page built to break it, and passes a clean page.

The pages are served by Playwright's router under a made-up origin with a strict Content-Security-Policy,
so these tests need neither the live server nor the database.
"""

import pytest

from tests.e2e.browser import ARTIFACTS, Journey

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
