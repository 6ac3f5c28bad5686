"""Celery tasks of the people side: they take ids, call services, and are safe to rerun."""

from celery import shared_task

from communities.models import Community
from members.models import Membership
from members.services.directory import sort_names_refresh
from members.services.transitions import member_counts_reconcile
from members.services.trust import trust_levels_evaluate


@shared_task
def evaluate_trust_levels(community_id: int) -> dict[str, int]:
    """Re-evaluate the trust ladder of one community (promotions at once, demotions after the grace)."""
    community = Community.objects.filter(pk=community_id, archived_at__isnull=True).first()
    if community is None:
        return {}
    return trust_levels_evaluate(community=community)


@shared_task
def evaluate_all_trust_levels() -> int:
    """Hourly beat entry: one evaluate_trust_levels task per active (not archived) community."""
    community_ids = list(Community.objects.filter(archived_at__isnull=True).values_list("pk", flat=True))
    for community_id in community_ids:
        evaluate_trust_levels.delay(community_id)
    return len(community_ids)


@shared_task
def refresh_sort_names() -> int:
    """Hourly beat entry: repair directory sort keys that a write outside the services left stale."""
    return sort_names_refresh(memberships=Membership.objects.all())


@shared_task
def reconcile_member_counts() -> int:
    """Beat entry: repair every community's stored member count that drifted (one UPDATE; idempotent).

    The services keep the counts exact; drift comes only from writes that bypass them (bulk loads,
    manual SQL, a restored backup). Returns the number of communities repaired.
    """
    return member_counts_reconcile()
