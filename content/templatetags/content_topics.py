"""`{% topic_poll %}` and `{% topic_follow %}`: the poll card and the follow button of a topic's page,
read for the viewer (content.selectors.polls); reads only."""

from django import template

from communities.permissions import has_capability
from content.selectors.polls import is_following, poll_view
from content.services.polls import may_manage_poll

register = template.Library()


@register.inclusion_tag("content/polls/_poll.html", takes_context=True)
def topic_poll(context, topic):
    community, membership = context["community"], context.get("membership")
    view = poll_view(community=community, topic=topic, membership=membership)
    return {
        "community": community,
        "topic": topic,
        "view": view,
        "may_vote": view is not None
        and not view.voted
        and not view.closed
        and has_capability(membership, "participate"),
        "may_manage": may_manage_poll(membership, topic),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("content/polls/_follow.html", takes_context=True)
def topic_follow(context, topic):
    community, membership = context["community"], context.get("membership")
    return {
        "community": community,
        "topic": topic,
        "may_follow": has_capability(membership, "participate"),
        "following": is_following(community=community, topic=topic, membership=membership),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def poll_share(option, voters) -> int:
    """An option's share of the poll's voters, in percent."""
    return option.share_of(voters or 0)
