"""Template helpers of the topic page: reaction counts and the viewer's own reactions, and the text of
a reply rendered as posts are (content.rendering)."""

from django import template

from content.rendering import render_post_markdown

register = template.Library()


@register.simple_tag
def reaction_count(target, emoji: str) -> int:
    """The stored counter of `emoji` on a topic or a reply (a column: no query)."""
    return getattr(target, f"react_{emoji}", 0)


@register.simple_tag
def reacted(mine: set, reply_id, emoji: str) -> bool:
    """Whether the viewer gave `emoji` to the reply `reply_id` (None: to the topic)."""
    return (reply_id or None, emoji) in mine


@register.filter
def discussion_markdown(text: str):
    return render_post_markdown(text)
