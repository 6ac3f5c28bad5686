"""The browser side of the end-to-end suite: Debian's Chromium, the checks every page passes, screenshots.

Playwright drives the Chromium of the system package (`CHROMIUM`; `tests/e2e/setup.sh`, run by
`make e2e`, installs it); it never downloads a browser of its own. `Person.check()` runs on every page a
journey reaches: axe-core (vendored in `vendor/`) must report no violation of serious or critical
impact, the page must not scroll sideways, and it must break no rule of its Content-Security-Policy.
Each check leaves a full-page screenshot in the journey's artifacts directory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS") or Path(__file__).resolve().parents[2] / "e2e-artifacts")
AXE_SOURCE = Path(__file__).with_name("vendor") / "axe.min.js"
PASSWORD = "guildhall-demo"  # demo.data.DEMO_PASSWORD; the tests do not import the demo app

# The two widths every journey runs at: a laptop and a phone (in CSS pixels).
VIEWPORTS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
BLOCKING_IMPACTS = ("serious", "critical")

# axe-core's full rule set minus nothing; the result is reduced to what a failure message needs.
_RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")),
  }));
}"""
# The document's width against the viewport's, and when it is wider, the elements that stick out.
_SIDEWAYS = """() => {
  const root = document.documentElement;
  const wide = [];
  if (root.scrollWidth > window.innerWidth) {
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 1) {
        const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
          + (el.classList.length ? "." + [...el.classList].join(".") : "");
        wide.push(name + " (right edge " + Math.round(box.right) + "px)");
      }
    }
  }
  return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide: wide.slice(0, 6)};
}"""

# Selectors of the toggles that fold an element away, outermost first: closed <details> (their summary)
# and containers named by a collapsed button's aria-controls.
_FOLDS = """(el) => {
  const toggles = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.tagName === "DETAILS" && !node.open) {
      const summary = node.querySelector(":scope > summary");
      if (summary) {
        const mark = Math.random().toString(36).slice(2);
        summary.setAttribute("data-e2e-fold", mark);
        toggles.unshift(`[data-e2e-fold="${mark}"]`);
      }
    }
    if (node.id) {
      const button = document.querySelector(`[aria-controls="${node.id}"][aria-expanded="false"]`);
      // A toggle the layout hides (the phone menu's button on a wide screen) folds nothing there.
      if (button && button.getClientRects().length) {
        toggles.unshift(`[aria-controls="${node.id}"][aria-expanded="false"]`);
      }
    }
  }
  return toggles;
}"""


@dataclass
class Problem:
    """One failed check on one page, worded for E2E_FINDINGS.md."""

    where: str
    check: str
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.check}: {self.detail}"


@dataclass
class Journey:
    """One journey at one width and language: its people, its screenshots and every problem found.

    A journey goes on after a failed page check, so one run reports every page's problems; the test
    fails at the end (`assert_clean`) with all of them.
    """

    browser: Browser
    base_url: str
    name: str
    width: str
    directory: Path
    problems: list[Problem] = field(default_factory=list)
    pages_checked: list[str] = field(default_factory=list)
    steps: int = 0
    contexts: list[BrowserContext] = field(default_factory=list)

    def person(self, username: str | None, *, log_in: bool = True) -> Person:
        """A new browser (own cookies) for `username`, signed in through the login form; None: a visitor."""
        context = self.browser.new_context(
            viewport=VIEWPORTS[self.width], locale="en-US", base_url=self.base_url
        )
        context.set_default_timeout(30_000)  # a shared 2-core machine can be slow
        self.contexts.append(context)
        someone = Person(journey=self, page=context.new_page(), username=username or "visitor")
        if username and log_in:
            someone.log_in()
        return someone

    def close(self) -> None:
        for context in self.contexts:
            context.close()

    def assert_clean(self) -> None:
        assert not self.problems, "pages failed their checks:\n" + "\n".join(map(str, self.problems))


@dataclass
class Person:
    """Someone in a journey, with their own browser tab."""

    journey: Journey
    page: Page
    username: str
    _csp: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self._csp.append(message.text)

    def visit(self, path: str, step: str) -> None:
        self.page.goto(path)
        self.check(step)

    def log_in(self) -> None:
        self.page.goto("/accounts/login/")
        self.page.fill("input[name=login]", self.username)
        self.page.fill("input[name=password]", PASSWORD)
        with self.page.expect_navigation():
            self.page.press("input[name=password]", "Enter")
        assert "/accounts/login/" not in self.page.url, f"{self.username} could not log in"

    def submit(self, field_name: str) -> None:
        """Press the submit button of the form that holds the field named `field_name`."""
        form = self.page.locator(f"form:has([name='{field_name}'])").first
        with self.page.expect_navigation():
            form.locator("button[type=submit], input[type=submit]").first.click()

    def click_link(self, href: str) -> None:
        """Follow a link to `href` (found by address, not by its words), unfolding its menu if need be."""
        links = self.page.locator(f"a[href='{href}']")
        visible = self.page.locator(f"a[href='{href}']:visible")
        if not visible.count():
            self.reveal(links.first)
        with self.page.expect_navigation():
            visible.first.click()

    def reveal(self, element) -> None:
        """Open the folded menus around `element` as a person would: a <details>' summary, or the
        button whose aria-controls names a container of the element."""
        toggles = element.evaluate(_FOLDS)
        for selector in toggles:
            self.page.locator(selector).first.click()

    def switch_language(self, code: str) -> None:
        """Pick `code` in the header's language switcher (opening the menu that holds it if folded)."""
        select = self.page.locator("select[name=language]").first
        if not select.is_visible():
            self.reveal(select)
        select.select_option(code)
        form = self.page.locator("form:has(select[name=language])").first
        with self.page.expect_navigation():
            form.locator("button[type=submit]").first.click()

    def language(self) -> str:
        return self.page.locator("html").get_attribute("lang") or ""

    def check(self, step: str) -> None:
        """Screenshot the current page as `step` and run the page checks on it."""
        journey = self.journey
        journey.steps += 1
        self.page.wait_for_load_state("load")
        path = re.sub(r"^https?://[^/]+", "", self.page.url) or "/"
        journey.pages_checked.append(path)
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.username} {step}".lower()).strip("-")
        self.page.screenshot(path=journey.directory / f"{journey.steps:02d}-{slug}.png", full_page=True)
        context = f"{journey.name}, {journey.width}px, {self.language()}, step {journey.steps} '{step}'"
        where = f"{path} [{context}]"
        for violation in self.axe_violations():
            journey.problems.append(
                Problem(
                    where,
                    f"axe {violation['impact']} {violation['id']}",
                    f"{violation['help']}: {'; '.join(violation['targets'][:5])}",
                )
            )
        sideways = self.page.evaluate(_SIDEWAYS)
        if sideways["scrollWidth"] > sideways["innerWidth"]:
            journey.problems.append(
                Problem(
                    where,
                    "scrolls sideways",
                    f"scrollWidth {sideways['scrollWidth']} > innerWidth {sideways['innerWidth']}; "
                    f"sticking out: {', '.join(sideways['wide']) or '?'}",
                )
            )
        journey.problems.extend(Problem(where, "CSP violation", message) for message in self._csp)
        self._csp.clear()

    def axe_violations(self) -> list[dict]:
        """axe-core's violations of serious or critical impact on the current page."""
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            # page.add_script_tag would be refused by the page's CSP (an inline script without the
            # nonce); evaluated through the DevTools protocol the source runs and the policy stays on.
            self.page.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + "\n;undefined")
        violations = self.page.evaluate(_RUN_AXE)
        return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
