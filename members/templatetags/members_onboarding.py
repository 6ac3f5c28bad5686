"""`{% newcomer_guide %}`: the pinned newcomer guide on the community home, for members in their first days.

A template tag keeps the `communities` app (which renders the home page) free of imports from `members`.
"""

from django import template

from members.selectors.onboarding import is_newcomer
from members.selectors.policy import policy_for

register = template.Library()


@register.inclusion_tag("members/onboarding/_newcomer_guide.html", takes_context=True)
def newcomer_guide(context):
    community, membership = context.get("community"), context.get("membership")
    show = community is not None and is_newcomer(membership)
    guide = policy_for(community=community).newcomer_guide if show else ""
    return {"community": community, "guide": guide, "show": show}
