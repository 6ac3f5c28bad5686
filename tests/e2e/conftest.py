"""Fixtures of the browser journeys (`make e2e`; docs/e2e.md).

Every test in this directory is marked `e2e` and left out of the default run (`-m "not e2e"` in
pyproject's addopts). Each journey gets the demo world freshly seeded (`seed_demo`) behind
pytest-django's live server, and runs once per width (`VIEWPORTS`).
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.e2e.browser import ARTIFACTS, CHROMIUM, VIEWPORTS, Journey

HERE = Path(__file__).resolve().parent
_finished: list[Journey] = []
_ran: list[bool] = []  # set once Chromium started in this run


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter):
    if not ARTIFACTS.is_dir() or not _ran:
        return
    pages = sum(len(journey.pages_checked) for journey in _finished)
    problems = [str(problem) for journey in _finished for problem in journey.problems]
    (ARTIFACTS / "problems.txt").write_text("".join(f"{line}\n" for line in problems), encoding="utf-8")
    terminalreporter.write_line(
        f"e2e: {len(_finished)} journeys, {pages} page checks, {len(problems)} problems; "
        f"screenshots in {ARTIFACTS}"
    )


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, launched by Playwright once for the whole run."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make e2e` installs it (tests/e2e/setup.sh)")
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    _ran.append(True)
    # Playwright's sync API keeps an event loop on this thread, which Django's async-safety check
    # takes for async code; the test's own database calls (seeding, assertions) are plain sync code.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, with the settings of a plain-HTTP site in force when it starts.

    Django's SecurityMiddleware reads SECURE_SSL_REDIRECT once, when the server builds its handler, so
    the per-test `settings` fixture comes too late for it; cookies marked Secure would not come back
    over plain HTTP either.
    """
    from pytest_django.live_server_helper import LiveServer

    with override_settings(SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False):
        server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
        yield server
        server.stop()


@pytest.fixture(params=list(VIEWPORTS))
def width(request) -> str:
    return request.param


@pytest.fixture
def demo_site(chromium, live_server) -> str:
    """The live server's address, with the demo world seeded in the test database."""
    call_command("seed_demo", verbosity=0)
    return live_server.url


@pytest.fixture
def journey(request, chromium, demo_site, width):
    """`journey(name)`: a Journey at this test's width, its screenshots in e2e-artifacts/<test id>/."""
    made: list[Journey] = []

    def start(name: str) -> Journey:
        test_id = request.node.name.replace("[", "-").rstrip("]").replace("test_", "", 1)
        directory = ARTIFACTS / test_id
        directory.mkdir(parents=True, exist_ok=True)
        made.append(
            Journey(browser=chromium, base_url=demo_site, name=name, width=width, directory=directory)
        )
        return made[-1]

    yield start
    for item in made:
        item.close()
        _finished.append(item)
