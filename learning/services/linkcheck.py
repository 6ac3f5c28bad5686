"""The link checker's writes: each resource's link is checked at most once per CHECK_EVERY by the beat
task (learning.tasks.resources), in batches.

A check fetches outside any transaction (learning.links: HEAD then GET, a short timeout, no private
addresses), then records the outcome on the locked row: the time, the HTTP status or the problem, and
the failures in a row. The BROKEN_AFTER-th failure in a row flags the resource broken and tells the
curators (`manage_learning`) once, in each one's language; a later success clears the flag (a new
failure run tells them again). A resource whose link changed while it was fetched keeps its fresh
record. Rerunning a batch checks nothing twice within CHECK_EVERY.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from communities.models import Community
from communities.notifications import notify
from learning import links
from learning.models import Resource
from learning.models.resources import BROKEN_AFTER
from members.selectors.membership import capability_holders

CHECK_EVERY = timedelta(days=1)


def resources_due_for_check(*, now=None, limit: int = 500) -> list[tuple[int, int]]:
    """(community_id, resource_id) of the `limit` resources checked longest ago (never checked first).

    Named in communities.crossing: a single-table scan of resources by check time, every community."""
    now = now or timezone.now()
    return list(
        Resource.objects.filter(
            Q(link_checked_at__isnull=True) | Q(link_checked_at__lte=now - CHECK_EVERY),
            community__archived_at__isnull=True,
        )
        .order_by("link_checked_at", "pk")
        .values_list("community_id", "pk")[:limit]
    )


def resource_link_check(
    *, community: Community, resource_id: int, now=None, force: bool = False
) -> bool | None:
    """Check one resource's link and record it; None when there was nothing to check (gone, or checked
    within CHECK_EVERY unless `force`), else whether the link works."""
    now = now or timezone.now()
    resource = Resource.objects.for_community(community).filter(pk=resource_id).first()
    if resource is None or (
        not force and resource.link_checked_at is not None and resource.link_checked_at > now - CHECK_EVERY
    ):
        return None
    result = links.check_link(resource.url)
    resource_link_record(
        community=community, resource_id=resource_id, url=resource.url, result=result, now=now
    )
    return result.ok


@transaction.atomic
def resource_link_record(
    *, community: Community, resource_id: int, url: str, result: links.LinkResult, now=None
) -> Resource | None:
    """Record a check of `url` on the resource (unless its link changed since), flag or clear it."""
    now = now or timezone.now()
    resource = Resource.objects.for_community(community).select_for_update().filter(pk=resource_id).first()
    if resource is None or resource.url != url:
        return None
    resource.link_checked_at, resource.link_status = now, result.status
    resource.link_error = "" if result.ok else result.error[:200]
    newly_broken = False
    if result.ok:
        resource.link_failures, resource.link_broken_at = 0, None
    else:
        resource.link_failures = min(resource.link_failures + 1, 10_000)
        if resource.link_failures >= BROKEN_AFTER and resource.link_broken_at is None:
            resource.link_broken_at, newly_broken = now, True
    resource.save(
        update_fields=[
            "link_checked_at", "link_status", "link_error", "link_failures", "link_broken_at", "updated_at",
        ]
    )  # fmt: skip
    if newly_broken:
        _tell_curators(community, resource)
    return resource


def _tell_curators(community: Community, resource: Resource) -> None:
    url = reverse("learning:resource-broken", kwargs={"slug": community.slug})
    for membership in capability_holders(community=community, capability="manage_learning").order_by("pk"):
        notify(
            community=community,
            recipient=membership.user,
            kind="resource.link_broken",
            params={"resource": resource.title, "failures": resource.link_failures},
            url=url,
        )
