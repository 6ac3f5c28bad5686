"""Reads on memberships."""

from django.db.models import Max

from communities.models import Community
from members.models import Membership


def membership_for_user(*, community: Community, user) -> Membership | None:
    """The user's membership in `community` (any status) with the newest rules version they accepted."""
    return (
        Membership.objects.for_community(community)
        .filter(user=user)
        .annotate(accepted_rules_version=Max("rule_acceptances__rules_version__number"))
        .first()
    )
