"""Template helpers available in every template (registered as builtins in settings)."""

from django import template

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
