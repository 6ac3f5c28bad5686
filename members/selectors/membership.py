"""Reads on memberships."""

from django.db.models import Max, QuerySet

from communities.models import Community
from communities.permissions import TRUST_CAPABILITIES, roles_with
from communities.roles import MembershipStatus
from members.models import Membership


def membership_for_user(*, community: Community, user) -> Membership | None:
    """The user's membership in `community` (any status) with the newest rules version they accepted."""
    return (
        Membership.objects.for_community(community)
        .filter(user=user)
        .annotate(accepted_rules_version=Max("rule_acceptances__rules_version__number"))
        .first()
    )


def capability_holders(*, community: Community, capability: str) -> QuerySet[Membership]:
    """Active memberships that hold `capability` by the capability table, with their users.

    "Notify the operators" asks this (for example `vet_applications`), never a list of roles, so that
    changing the table changes who hears of what. Trust-gated capabilities are not queried this way.
    """
    if capability in TRUST_CAPABILITIES:
        raise ValueError(f"{capability!r} depends on trust levels; ask has_trusted_capability per member")
    return (
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE, role__in=roles_with(capability))
        .select_related("user")
    )
