"""`{% message_button member %}`: the "Message" button on a member's profile, shown only when the viewer
may start a conversation with them (content.selectors.conversations.reach_refusal). Reads only."""

from django import template
from django.urls import reverse

from communities.permissions import has_capability
from content.selectors.conversations import reach_refusal
from members.services.publishing import is_muted

register = template.Library()


@register.inclusion_tag("content/conversations/_message_button.html", takes_context=True)
def message_button(context, member):
    community, viewer = context["community"], context.get("membership")
    shown = (
        viewer is not None
        and viewer.pk != member.pk
        and member.is_active
        and has_capability(viewer, "participate")
        and not is_muted(viewer)
        and reach_refusal(community=community, membership=viewer, recipients=[member]) is None
    )
    url = reverse("content:conversation-start", args=[community.slug]) if shown else ""
    return {"url": f"{url}?to={member.pk}" if shown else ""}
