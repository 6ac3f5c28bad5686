"""The one place that turns a community slug from the URL into (community, caller's membership).

A private community is a 404 for everyone who is not an active or pending member, so its existence
does not leak; a banned member sees a private community as if it did not exist, and sees only the public
parts of a public one.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from communities.models import Community
from communities.permissions import has_capability, membership_of
from communities.roles import MembershipStatus

SEES_PRIVATE_COMMUNITY = frozenset({MembershipStatus.ACTIVE, MembershipStatus.PENDING})


def can_view_community(community: Community, membership) -> bool:
    if community.is_public:
        return True
    return membership is not None and membership.status in SEES_PRIVATE_COMMUNITY


def resolve_community(request, slug: str) -> Community:
    """Set `request.community` and `request.membership`, or raise Http404. A read: it writes nothing.

    The attributes are set on the Django request even when `request` is DRF's wrapper (which reads them
    through), so that `communities.visits.MemberVisitMiddleware` sees them for API calls too.
    """
    community = get_object_or_404(Community, slug=slug)
    membership = membership_of(request.user, community)
    if not can_view_community(community, membership):
        raise Http404
    http_request = getattr(request, "_request", request)
    http_request.community = community
    http_request.membership = membership
    return community


def request_can(request, capability: str) -> bool:
    return has_capability(getattr(request, "membership", None), capability)
