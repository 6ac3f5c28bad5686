"""Reads of a recurring series' page: the series a viewer may see, its occurrences (upcoming or past),
and which of them the viewer may edit.

A series has no visibility of its own: a viewer sees it when they see at least one of its occurrences
(events.selectors.events.event_list decides), so a members-only series is a 404 for an anonymous
visitor, like its events, and its title does not leak.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from communities.models import Community
from communities.permissions import has_capability
from events.errors.events import EventSeriesNotFound
from events.models import Event, EventHost, EventSeries
from events.selectors.events import PAST, UPCOMING, event_series_get, may_manage_events, series_occurrences
from members.models import Membership


@dataclass(frozen=True)
class SeriesOverview:
    series: EventSeries
    first: Event  # the first occurrence the viewer sees: the time of day the rule's words give
    upcoming_count: int
    past_count: int


def series_overview(*, community: Community, membership: Membership | None, series_id) -> SeriesOverview:
    """The series named in a URL, with its first visible occurrence and how many are to come and past:
    EventSeriesNotFound when it is missing, another community's, or has no occurrence the viewer sees."""
    series = event_series_get(community=community, series_id=series_id)
    occurrences = series_occurrences(community=community, membership=membership, series=series)
    first = occurrences.first()
    if first is None:
        raise EventSeriesNotFound()
    now = timezone.now()
    return SeriesOverview(
        series=series,
        first=first,
        upcoming_count=occurrences.filter(ends_at__gt=now).count(),
        past_count=occurrences.filter(ends_at__lte=now).count(),
    )


def series_occurrence_list(
    *, community: Community, membership: Membership | None, series: EventSeries, time: str = UPCOMING
) -> QuerySet[Event]:
    """The occurrences the viewer sees: upcoming ones soonest first, past ones most recent first. Their
    registration figures are columns (confirmed, waitlisted, capacity): no count per row."""
    qs = series_occurrences(community=community, membership=membership, series=series)
    now = timezone.now()
    if time == PAST:
        return qs.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    return qs.filter(ends_at__gt=now).order_by("starts_at", "id")


def editable_occurrence_ids(
    *, community: Community, membership: Membership | None, events: list[Event]
) -> set[int]:
    """Which of `events` the viewer may edit: all of them for an event operator, those they host for
    an active member (one query for the page), none otherwise."""
    if may_manage_events(membership):
        return {event.pk for event in events}
    if membership is None or membership.pk is None or not has_capability(membership, "participate"):
        return set()
    return set(
        EventHost.objects.for_community(community)
        .filter(membership=membership, event_id__in=[event.pk for event in events])
        .values_list("event_id", flat=True)
    )
