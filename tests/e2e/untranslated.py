"""A language check for the journeys read in 简体中文: no interface text left in English.

`look(person, step)` runs the page checks (`Person.check`) and, when the page is in Chinese, reports
every visible text, button, label, option or accessible name that is exactly an English msgid of the
catalogue which has a Chinese translation: the string reached the page without going through gettext
(or through it in the wrong language). Text made of several msgids or with variables is not caught; the
check finds the common slip, a literal left out of `{% translate %}`.
"""

from __future__ import annotations

import re
from functools import cache

from django.utils import translation

from tests.e2e.browser import Problem

# Every visible text node, and the texts a page shows without a text node of its own.
_TEXTS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, textarea, [hidden], .prose, pre, code")) continue;
    if (parent.closest("details:not([open])") || !parent.getClientRects().length) continue;
    texts.push(node.textContent);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], input[type=submit]")) {
    for (const name of ["aria-label", "title", "placeholder", "value"]) {
      const shown = el.hasAttribute(name) && (name !== "value" || el.type === "submit");
      if (shown) texts.push(el.getAttribute(name));
    }
  }
  texts.push(document.title);
  return texts;
}"""
WORDS = re.compile(r"[A-Za-z]{3,}")


@cache
def _english_msgids() -> frozenset[str]:
    """The catalogue's msgids whose Chinese differs, with at least one real English word."""
    catalog = translation.trans_real.translation("zh-hans")._catalog
    found = set()
    for key, value in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if isinstance(msgid, str) and value and value != msgid and WORDS.search(msgid) and "%" not in msgid:
            found.add(msgid.strip())
    return frozenset(found)


def look(person, step: str) -> None:
    """`person.check(step)`, then on a Chinese page the English interface text it shows."""
    person.check(step)
    if person.language() != "zh-hans":
        return
    english = _english_msgids()
    texts = {" ".join(text.split()).strip(" ·:") for text in person.page.evaluate(_TEXTS)}
    left = sorted(text for text in texts if text in english)
    if left:
        journey = person.journey
        path = re.sub(r"^https?://[^/]+", "", person.page.url) or "/"
        where = f"{path} [{journey.name}, {journey.width}px, zh-hans, step {journey.steps} '{step}']"
        journey.problems.append(Problem(where, "untranslated", "; ".join(f"'{text}'" for text in left)))


def visit(person, path: str, step: str) -> None:
    """`person.visit(path, step)` with the language check of `look`."""
    person.page.goto(path)
    look(person, step)
