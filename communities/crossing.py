"""The queries that cross communities on purpose, named in one place.

Everything else reads and writes one community at a time: selectors start from
`TenantQuerySet.for_community(community)`, joins between tenant tables carry the community
(communities.colocation), so a distributed database (Citus, tenant tables distributed by
`community_id`, docs/scaling.md) runs them on the one shard that holds the community. The reads below
span communities by design; each is one statement that Citus runs on every shard in parallel (a filter
on one table, or a GROUP BY `community_id`) or reads reference tables only (`Community`, `User`), and the
suite proves them on the local Citus cluster (`make test-citus`). A new one belongs in `CROSSING` with
its reason, and `tests/communities/test_crossing.py` checks that every name here exists.

One rule they follow: a reference table (the communities) is never updated from a subquery over a
tenant table (Citus refuses it: "only reference tables may be queried when targeting a reference table
with multi shard UPDATE/DELETE queries"). A rollup reads its per-community figures with one GROUP BY
and writes the communities that changed with `community_figures_write`.
"""

from collections.abc import Iterable

from django.db.models import Case, F, IntegerField, QuerySet, Value, When

from communities.models import Community

CROSSING = {
    # A user's own communities: their memberships, found by the user's index on every shard.
    "communities.selectors.community_list_visible": "public communities and the caller's own",
    "communities.selectors.community_list_for_member": "the caller's active memberships",
    "communities.selectors.with_viewer_membership": "the caller's membership in each listed community",
    "members.selectors.applications.application_list": "an applicant's public memberships elsewhere",
    # A user's own rows in every community: their inbox, and their memberships' sort keys.
    "communities.inbox.notification_list": "the caller's notifications from every community",
    "communities.inbox.unread_count": "the caller's unread notifications",
    "communities.inbox.notification_mark_read": "one of the caller's notifications, by id",
    "communities.inbox.notification_mark_all_read": "the caller's unread notifications",
    "accounts.services.profile_update": "the account's memberships' sort keys, on a new display name",
    "members.versioning._account_changed": "the account's communities, whose member lists show its name",
    # The public directory: the communities reference table only.
    "communities.selectors.community_directory": "public, active communities",
    # Platform-wide rollups and repairs (scheduled tasks): a GROUP BY community_id per tenant table.
    "members.services.transitions.member_counts_reconcile": "member counts of every community",
    "analytics.tasks.refresh_community_activity": "activity score of every community",
    "members.tasks.refresh_sort_names": "directory sort keys of every membership",
    "members.tasks.evaluate_all_trust_levels": "one trust-ladder task per community",
    "content.services.sessions.sessions_due_for_reminders": "expert sessions starting soon, every community",
    "content.services.follows.follow_digests_due": "topic follows with replies waiting for a digest",
    "events.services.notices.events_due_for_reminders": "events starting soon, every community",
    "events.services.notices.events_due_for_feedback": "events that ended lately, every community",
    "learning.services.linkcheck.resources_due_for_check": "resources whose link is due a check",
    # A member's private calendar: the account's own registrations in every community.
    "events.selectors.attendance.member_calendar_registrations": "the account's registrations everywhere",
}

BATCH = 500


def community_figures_write(
    field: str, figures: dict[int, int], *, community_ids: Iterable[int] | None = None
) -> int:
    """Set `Community.<field>` to `figures[community id]` (0 for a community not in `figures`) on every
    community, or on `community_ids`, writing only the rows that differ (one read, then one UPDATE per
    500 changed rows). A row that a service changed between the read and the write keeps the service's
    value (the next run repairs it if needed). Returns how many rows it found different."""
    communities = Community.objects.all()
    if community_ids is not None:
        communities = communities.filter(pk__in=list(community_ids))
    changed = {
        pk: (current, figures.get(pk, 0))
        for pk, current in communities.values_list("pk", field)
        if current != figures.get(pk, 0)
    }
    ids = sorted(changed)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        value = Case(
            *(When(pk=pk, **{field: changed[pk][0]}, then=Value(changed[pk][1])) for pk in batch),
            default=F(field),
            output_field=IntegerField(),
        )
        Community.objects.filter(pk__in=batch).update(**{field: value})
    return len(ids)


def figures_by_community(counts: QuerySet) -> dict[int, int]:
    """`{community id: n}` from a `values("community").annotate(n=...)` queryset over a tenant table."""
    return dict(counts.order_by().values_list("community", "n"))
