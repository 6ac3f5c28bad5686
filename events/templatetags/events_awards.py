"""`{% member_awards member %}`: the "Awards" card of a member's profile (places won in competitions whose
results are published). Members' templates load this library; members' code never imports events."""

from django import template

from events.selectors.competitions import award_list

register = template.Library()

AWARDS_SHOWN = 10


@register.inclusion_tag("events/competitions/_awards.html", takes_context=True)
def member_awards(context, member):
    community, viewer = context["community"], context.get("membership")
    awards = award_list(community=community, membership=member, viewer=viewer)[:AWARDS_SHOWN]
    return {"community": community, "awards": list(awards)}
