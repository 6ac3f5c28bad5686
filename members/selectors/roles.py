"""Reads for the operators' People page."""

from django.db.models import Case, IntegerField, QuerySet, Value, When

from communities.models import Community
from communities.roles import MembershipStatus, Role
from members.errors import MemberNotFound
from members.models import Membership

STAFF_ROLES = (Role.OWNER, Role.ADMIN, Role.MODERATOR)


def staff_list(*, community: Community) -> QuerySet[Membership]:
    """Active owners, admins and moderators, senior first."""
    rank = Case(
        *(When(role=role, then=Value(index)) for index, role in enumerate(STAFF_ROLES)),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE, role__in=STAFF_ROLES)
        .select_related("user")
        .prefetch_related("profiles")
        .annotate(rank=rank)
        .order_by("rank", "joined_at", "id")
    )


def member_get(*, community: Community, membership_id: int) -> Membership:
    """Any membership of `community` by id, whatever its status (operators act on pending, banned and
    departed members too)."""
    member = (
        Membership.objects.for_community(community).filter(pk=membership_id).select_related("user").first()
    )
    if member is None:
        raise MemberNotFound()
    return member
