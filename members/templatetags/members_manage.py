"""`{% manage_link %}`: the "Manage" link of the community bar (and of the home page), with the total of
what waits for the operator. A template tag keeps the `communities` app free of imports from `members`.
"""

from django import template

from communities.permissions import has_capability
from members.manage import counts_for

register = template.Library()


@register.inclusion_tag("members/manage/_link.html", takes_context=True)
def manage_link(context, button: bool = False):
    community, membership = context.get("community"), context.get("membership")
    request = context.get("request")
    show = community is not None and has_capability(membership, "view_manage_area")
    total = sum(counts_for(request, community, membership).values()) if show else 0
    match = getattr(request, "resolver_match", None)
    current = show and match is not None and match.view_name == "members:manage"
    return {"community": community, "show": show, "total": total, "button": button, "current": current}
