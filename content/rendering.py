"""Markdown of posts: the community renderer's rules (raw HTML off, nh3 cleaning, safe links) plus code
blocks highlighted on the server with Pygments.

A fenced block naming a language Pygments knows (```python) comes out as `<pre class="highlight"><code>`
with Pygments' token spans; nh3 then keeps only those span classes (the short names of
`pygments.token.STANDARD_TYPES`, styled by static/css/pygments.css) and drops every other class, style
or attribute, so highlighting adds no way in for markup of the author's own.
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from communities.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

PYGMENTS_CLASSES = frozenset(name for name in STANDARD_TYPES.values() if name)
HIGHLIGHT_MAX = 20_000  # characters of one code block; past it the block is shown plain
_formatter = HtmlFormatter(nowrap=True)


def _highlight(code: str, language: str, _attrs) -> str:
    """The block as Pygments spans, or "" (markdown-it then writes a plain, escaped block)."""
    if not language or len(code) > HIGHLIGHT_MAX:
        return ""
    try:
        lexer = get_lexer_by_name(language.strip().lower()[:40])
    except ClassNotFound:
        return ""
    spans = highlight(code, lexer, _formatter)
    return f'<pre class="highlight"><code>{spans}</code></pre>\n'


_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "highlight": _highlight}).enable(
    ["table", "strikethrough"]
)


@lru_cache(maxsize=1024)
def render_post_markdown(text: str) -> SafeString:
    """Safe HTML for a post's Markdown (cached by text, as communities.markdown.render_markdown)."""
    html = _renderer.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS | {"span"},
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes={"span": set(PYGMENTS_CLASSES), "pre": {"highlight"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 above
