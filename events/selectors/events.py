"""Reads of events: the list a viewer may see (with the time, kind and status filters), one event, its
hosts, who may manage it, the series and the community's event settings.

Who sees what (decision 0026): a public event is readable by anyone who may see the community (an
anonymous visitor of a public community included); a members-only event by its active members; a draft
by the event operators (`manage_events`) and the event's hosts.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from communities.models import Community
from communities.permissions import has_capability
from events.errors.events import EventNotFound, EventSeriesNotFound
from events.models import Event, EventHost, EventSeries, EventSettings, EventStatus, EventVisibility
from members.models import Membership

UPCOMING, PAST = "upcoming", "past"
TIMES = (UPCOMING, PAST)


@dataclass(frozen=True)
class EventQuery:
    """The list's filters, one shape for the HTML page and the API: `time` (upcoming: not yet over;
    past: over), `kind`, `status`, and a window on the start (`starts_from` inclusive, `starts_to`
    exclusive)."""

    time: str = ""
    kind: str = ""
    status: str = ""
    starts_from: datetime | None = None
    starts_to: datetime | None = None


def may_manage_events(membership: Membership | None) -> bool:
    return has_capability(membership, "manage_events")


def is_host(membership: Membership | None, event: Event) -> bool:
    if membership is None or membership.pk is None or not has_capability(membership, "participate"):
        return False
    return (
        EventHost.objects.for_community(event.community_id)
        .filter(event=event, membership=membership)
        .exists()
    )


def may_manage_event(membership: Membership | None, event: Event) -> bool:
    """An event operator, or one of the event's hosts (while an active member)."""
    return may_manage_events(membership) or is_host(membership, event)


def event_list(
    *, community: Community, membership: Membership | None, query: EventQuery | None = None
) -> QuerySet[Event]:
    """The events `membership` (None: an anonymous visitor) may see, filtered by `query`; upcoming ones
    soonest first, past ones most recent first (the time filter decides; no filter: by start)."""
    query = query or EventQuery()
    now = timezone.now()
    qs = Event.objects.for_community(community)
    if not has_capability(membership, "view"):
        qs = qs.filter(
            visibility=EventVisibility.PUBLIC, status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]
        )
    elif not may_manage_events(membership):
        hosted = EventHost.objects.filter(community=community, event=OuterRef("pk"), membership=membership)
        qs = qs.filter(Q(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED]) | Q(Exists(hosted)))
    if query.kind:
        qs = qs.filter(kind=query.kind)
    if query.status:
        qs = qs.filter(status=query.status)
    if query.starts_from is not None:
        qs = qs.filter(starts_at__gte=query.starts_from)
    if query.starts_to is not None:
        qs = qs.filter(starts_at__lt=query.starts_to)
    if query.time == UPCOMING:
        return qs.filter(ends_at__gt=now).order_by("starts_at", "id")
    if query.time == PAST:
        return qs.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    return qs.order_by("starts_at", "id")


def event_get(*, community: Community, membership: Membership | None, event_id) -> Event:
    """The one way to load an event named in a URL: missing and not visible are both EventNotFound."""
    event = (
        event_list(community=community, membership=membership)
        .select_related("series")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise EventNotFound()
    return event


def event_host_list(*, community: Community, event: Event) -> QuerySet[EventHost]:
    return (
        EventHost.objects.for_community(community)
        .filter(event=event)
        .select_related("membership__user")
        .order_by("id")
    )


def host_candidates(*, community: Community) -> QuerySet[Membership]:
    """Who may host an event: the community's active members, by name."""
    return (
        Membership.objects.for_community(community)
        .filter(status="active")
        .select_related("user")
        .order_by("sort_name", "pk")
    )


def event_series_list(*, community: Community) -> QuerySet[EventSeries]:
    return EventSeries.objects.for_community(community).order_by("-created_at", "-id")


def event_series_get(*, community: Community, series_id) -> EventSeries:
    series = event_series_list(community=community).filter(pk=series_id).first()
    if series is None:
        raise EventSeriesNotFound()
    return series


def series_occurrences(
    *, community: Community, membership: Membership | None, series: EventSeries
) -> QuerySet[Event]:
    return (
        event_list(community=community, membership=membership)
        .filter(series=series)
        .order_by("starts_at", "id")
    )


def event_settings_for(*, community: Community) -> EventSettings:
    """The community's event settings, or the defaults unsaved (a read never writes)."""
    return EventSettings.objects.for_community(community).first() or EventSettings(community=community)
