"""The one place that turns a community slug from the URL into (community, caller's membership).

A private community is a 404 for everyone who is not an active or pending member, so its existence
does not leak; a banned member sees a private community as if it did not exist, and sees only the public
parts of a public one.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from communities.models import Community
from communities.permissions import has_capability
from communities.roles import MembershipStatus
from communities.rows import JoinedLookup

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
    membership = _membership_with_community(request.user, slug)
    community = membership.community if membership is not None else get_object_or_404(Community, slug=slug)
    if not can_view_community(community, membership):
        raise Http404
    http_request = getattr(request, "_request", request)
    http_request.community = community
    http_request.membership = membership
    return community


def _membership_with_community(user, slug: str):
    """The caller's membership row (any status) in the community named `slug`, with the community, in
    one query; None for an anonymous caller or one without a row. Every page and API call of a member
    resolves its community, so this is one query instead of two on every one of them, composed once per
    process (communities.rows). (The model comes from the relation: communities does not import members.)"""
    if not user.is_authenticated:
        return None
    return _MEMBERSHIP_IN_COMMUNITY.first(slug, user.pk)


_MEMBERSHIP_IN_COMMUNITY = JoinedLookup(
    Community._meta.get_field("memberships").related_model,
    "community",
    where="parent.slug = %s AND child.user_id = %s",
)


def request_can(request, capability: str) -> bool:
    return has_capability(getattr(request, "membership", None), capability)
