"""A small XSS corpus for content, and the check that a page or an HTML field keeps it inert."""

import re

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    "![x](javascript:alert(1))",
]

# A live inline script or frame, a tag carrying an event handler, or a javascript: address (the
# site's own scripts are external: `<script src=...>`).
LIVE = re.compile(
    r"<script>|<iframe\b|<[a-z][^>]*\son\w+\s*=|<[a-z][^>]*\s(href|src)\s*=\s*[\"']?\s*javascript:", re.I
)


def assert_inert(html: str) -> None:
    found = LIVE.search(html)
    assert found is None, f"live markup: {html[max(found.start() - 80, 0) : found.end() + 80]}"
