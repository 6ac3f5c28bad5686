"""`{% report_link obj %}`: the "Report" link under a piece of content, for members who may report it.

Shown when the reader's membership has the `report` capability, the object's kind is registered in
`members.reportables` and the reader is not its author (nobody reports their own words). The link opens
the report form with the object named (`members:report`)."""

from django import template

from communities.permissions import has_capability
from members.reportables import reportable_for

register = template.Library()


@register.inclusion_tag("members/moderation/_report_link.html", takes_context=True)
def report_link(context, obj):
    membership = context.get("membership")
    reportable = reportable_for(obj)
    shown = (
        reportable is not None
        and has_capability(membership, "report")
        and getattr(reportable.author(obj), "pk", None) != membership.pk
    )
    return {
        "shown": shown,
        "community": context.get("community"),
        "target_type": reportable.key if reportable else "",
        "target_id": obj.pk,
    }
