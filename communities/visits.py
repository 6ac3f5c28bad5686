"""The daily visit: the one place a member's visit to a community is written."""

from analytics.services import record_daily_visit
from communities.roles import MembershipStatus


class MemberVisitMiddleware:
    """Record an active member's daily visit to a community: the one place a visit is written.

    Resolving the community (`communities.tenancy.resolve_community`) is a read: it only sets
    `request.community` and `request.membership`. After a read (GET or HEAD) has been answered, this
    middleware writes the day's "community.visited" event for an active member (at most one per member,
    community and day, see `analytics.services.record_daily_visit`), for pages and API calls alike. Writes
    are not visits: they record their own activity, and may have deleted the community.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        membership = getattr(request, "membership", None)
        if (
            request.method in ("GET", "HEAD")
            and membership is not None
            and membership.status == MembershipStatus.ACTIVE
        ):
            record_daily_visit(request.community, request.user)
        return response
