"""The counts of the Manage area: what waits for the operators (pending applications, open reports,
overdue touchpoints with core members, posts waiting for review).

Each count is one query on an index that leads with the community, and only the counts the viewer's
role may act on are read: a plain member's page runs none of them.
"""

from django.db.models import OuterRef, Subquery

from communities.models import Community
from communities.permissions import has_capability
from communities.roles import MembershipStatus
from content.selectors.posts import pending_post_count
from members.models import Application, ContactCadence, Report, Touchpoint
from members.selectors.relationships import is_overdue

# Count key -> the capability that may act on it (and so see it).
COUNT_CAPABILITIES = {
    "applications": "vet_applications",
    "reports": "moderate",
    "touchpoints": "manage_relationships",
    "posts": "manage_content",
}


def pending_application_count(*, community: Community) -> int:
    """Index (community, status, -created_at)."""
    return Application.objects.for_community(community).filter(status=Application.Status.PENDING).count()


def open_report_count(*, community: Community) -> int:
    """Index (community, status, -created_at)."""
    return Report.objects.for_community(community).filter(status=Report.Status.OPEN).count()


def overdue_touchpoint_count(*, community: Community) -> int:
    """Active members with a contact cadence whose next touchpoint is overdue (`is_overdue`, the rule
    the relationship log shows). One query: a row per cadence (members an operator chose to follow, not
    the community's size) with its latest touchpoint from the (community, membership, -happened_at)
    index; the comparison uses the community's local date, as the log does."""
    last_touch = (
        Touchpoint.objects.filter(community=community, membership=OuterRef("membership"))
        .order_by("-happened_at")
        .values("happened_at")[:1]
    )
    rows = (
        ContactCadence.objects.for_community(community)
        .filter(membership__status=MembershipStatus.ACTIVE)
        .annotate(last_touch=Subquery(last_touch))
        .values_list("every_days", "last_touch")
    )
    return sum(1 for every_days, last in rows if is_overdue(every_days=every_days, last_touch=last))


COUNTERS = {
    "applications": pending_application_count,
    "reports": open_report_count,
    "touchpoints": overdue_touchpoint_count,
    "posts": pending_post_count,
}


def manage_counts(*, community: Community, membership) -> dict[str, int]:
    """The counts `membership` may see, by key; empty for a role that holds none of the tools."""
    return {
        key: COUNTERS[key](community=community)
        for key, capability in COUNT_CAPABILITIES.items()
        if has_capability(membership, capability)
    }
