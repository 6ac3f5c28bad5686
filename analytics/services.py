"""The one door into analytics for other apps: `record` a participation, and a few aggregate reads."""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone

from analytics.models import ActivityEvent


def record(
    *, community, actor, verb: str, target=None, data: dict | None = None, occurred_at=None
) -> ActivityEvent:
    """Append one ActivityEvent. Call it inside the service's transaction so both commit together."""
    return ActivityEvent.objects.create(
        community=community,
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
        occurred_at=occurred_at or timezone.now(),
    )


VISIT_VERB = "community.visited"


def record_daily_visit(community, user) -> bool:
    """Record one "community.visited" per member, community and (UTC) day; True when this call wrote it.

    `cache.add` guards the write, so after the first request of the day each request costs one cache
    read. A cache flush only risks a second row for the day, which the distinct-days counts absorb.
    """
    key = f"visit:{community.pk}:{user.pk}:{timezone.now().date().isoformat()}"
    if not cache.add(key, True, timeout=26 * 60 * 60):
        return False
    record(community=community, actor=user, verb=VISIT_VERB)
    return True


# --- Reads for other apps (onboarding, trust levels, directories). Each is one aggregate query. -----------


def verbs_done(*, community, user_ids, verbs) -> set[tuple[int, str]]:
    """The (user_id, verb) pairs among `user_ids` x `verbs` that occur in the community's log."""
    rows = (
        ActivityEvent.objects.filter(community=community, actor_id__in=list(user_ids), verb__in=list(verbs))
        .values_list("actor_id", "verb")
        .distinct()
    )
    return set(rows)


def activity_counts(*, community, since, verbs, user_ids=None) -> dict[int, dict[str, int]]:
    """{user_id: {verb: count}} since `since`, plus "days_visited": distinct days with any activity."""
    events = ActivityEvent.objects.filter(community=community, occurred_at__gte=since, actor__isnull=False)
    if user_ids is not None:
        events = events.filter(actor_id__in=list(user_ids))
    counts: dict[int, dict[str, int]] = {}
    for actor_id, verb, n in (
        events.filter(verb__in=list(verbs)).values_list("actor_id", "verb").annotate(n=Count("pk")).order_by()
    ):
        counts.setdefault(actor_id, {})[verb] = n
    days = (
        events.annotate(day=TruncDate("occurred_at"))
        .values("actor_id")
        .annotate(n=Count("day", distinct=True))
    )
    for row in days.order_by():
        counts.setdefault(row["actor_id"], {})["days_visited"] = row["n"]
    return counts


def last_activity_subquery(*, community, user_ref: str = "user_id") -> Subquery:
    """An expression giving the newest activity time of the row's user, for annotate/filter/order_by."""
    newest = (
        ActivityEvent.objects.filter(community=community, actor_id=OuterRef(user_ref))
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    return Subquery(newest)


def activity_trend(*, community, user, weeks: int = 12) -> list[tuple[date, int]]:
    """Events per week for one member over the last `weeks` weeks, oldest first, zero-filled."""
    today = timezone.localdate()
    first_week = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    rows = dict(
        ActivityEvent.objects.filter(community=community, actor=user, occurred_at__date__gte=first_week)
        .annotate(week=TruncWeek("occurred_at"))
        .values_list("week")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("week", "n")
    )
    by_week = {(week.date() if hasattr(week, "date") else week): n for week, n in rows.items()}
    return [
        (first_week + timedelta(weeks=i), by_week.get(first_week + timedelta(weeks=i), 0))
        for i in range(weeks)
    ]


def latest_events(*, community, verb: str, limit: int = 20):
    """The newest `limit` events of one verb in the community, with their actors (one query)."""
    return list(
        ActivityEvent.objects.filter(community=community, verb=verb, actor__isnull=False)
        .select_related("actor")
        .order_by("-occurred_at", "-id")[:limit]
    )


def activity_trends(*, community, user_ids, weeks: int = 12) -> dict[int, list[int]]:
    """Events per week for many members in one query: {user_id: [count, ...]} oldest week first."""
    user_ids = list(user_ids)
    today = timezone.localdate()
    first_week = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    trends = {user_id: [0] * weeks for user_id in user_ids}
    rows = (
        ActivityEvent.objects.filter(
            community=community, actor_id__in=user_ids, occurred_at__date__gte=first_week
        )
        .annotate(week=TruncWeek("occurred_at"))
        .values_list("actor_id", "week")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for actor_id, week, n in rows:
        week = week.date() if hasattr(week, "date") else week
        index = (week - first_week).days // 7
        if 0 <= index < weeks:
            trends[actor_id][index] = n
    return trends
