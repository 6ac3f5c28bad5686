"""Template helpers available in every template (registered as builtins in settings)."""

from django import template

from communities import fragments
from communities.avatars import avatar_html
from communities.fragments import memo
from communities.joining import join_option
from communities.markdown import render_markdown
from communities.permissions import has_capability

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.filter
def can(membership, capability: str) -> bool:
    """`{% if membership|can:"manage_community" %}` asks the capability table."""
    return has_capability(membership, capability)


@register.filter
def contrast_text(hex_colour: str) -> str:
    """Black or white, whichever reads better on `hex_colour` (#RRGGBB), for text on accent backgrounds."""
    try:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    except (TypeError, ValueError):
        return "#ffffff"
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05; pick the larger.
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 else "#000000"


@register.filter(name="join_option")
def join_option_filter(community, membership) -> str:
    """`{% with option=community|join_option:membership %}`: communities.joining.join_option."""
    return str(join_option(community, membership))


@register.simple_tag
def avatar(user, name: str, size: str = "sm") -> str:
    """`{% avatar user name %}`: the account's picture, or the initials of `name` (communities.avatars)."""
    return avatar_html(user, name, size)


@register.simple_tag
def fragment_key(name: str, *parts) -> str:
    """`{% fragment_key "community-nav" community.pk membership.role as key %}`: a key by content
    (decision 0018) for a piece of the page frame, from `parts` (everything the markup depends on),
    the language, the time zone and the release. Nothing to invalidate: changed parts are a new key."""
    return f"{name}:" + fragments.digest(fragments.release(), fragments.locale_parts(), parts)


@register.tag
def cached(parser, token):
    """`{% cached key %}...{% endcached %}`: the enclosed markup, kept in the cache under `key` (a string
    the view builds with communities.fragments, holding everything the markup depends on). A hit renders
    nothing inside, so values the view passes as lazy objects are never computed; an empty key renders
    the markup every time (versioned caching off)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% cached %} takes one argument, the key.")
    nodelist = parser.parse(("endcached",))
    parser.delete_first_token()
    return CachedNode(nodelist, parser.compile_filter(bits[1]))


class CachedNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist, self.key = nodelist, key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        return memo(f"fragment:{key}", lambda: self.nodelist.render(context))
