"""The link checker's tasks: the beat entry finds the resources due and sends them, in batches of one
community each, to `check_resource_links_batch`. Ids in, services called, safe to rerun (a resource is
checked at most once per CHECK_EVERY: learning.services.linkcheck)."""

from itertools import groupby

from celery import shared_task

from communities.models import Community
from learning.services.linkcheck import resource_link_check, resources_due_for_check

BATCH_SIZE = 25  # resources a batch task checks one after the other (each has a short timeout)
PER_RUN = 500  # resources sent to batches by one beat run


@shared_task
def check_resource_links_batch(community_id: int, resource_ids: list[int]) -> int:
    """Check these resources' links; returns how many were checked."""
    community = Community.objects.filter(pk=community_id, archived_at__isnull=True).first()
    if community is None:
        return 0
    checked = [resource_link_check(community=community, resource_id=pk) for pk in resource_ids]
    return sum(1 for outcome in checked if outcome is not None)


@shared_task
def check_resource_links() -> int:
    """Beat entry (hourly): batches of at most BATCH_SIZE due resources, one community per batch."""
    due = resources_due_for_check(limit=PER_RUN)
    for community_id, rows in groupby(sorted(due), key=lambda row: row[0]):
        ids = [pk for _community, pk in rows]
        for start in range(0, len(ids), BATCH_SIZE):
            check_resource_links_batch.delay(community_id, ids[start : start + BATCH_SIZE])
    return len(due)
