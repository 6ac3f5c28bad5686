"""Reads of attendance: who may check members in and read feedback, the check-in list and the no-shows,
a member's ticket (the page's and the API's), feedback and its results, and the events of the calendars."""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from communities.models import Community
from communities.permissions import has_capability
from communities.roles import MembershipStatus
from events.models import (
    CalendarFeed,
    Event,
    EventFeedback,
    EventStatus,
    EventVisibility,
    Registration,
    RegistrationStatus,
)
from events.models.attendance import RATING_MAX, RATING_MIN
from events.selectors.events import is_host

# Calendars list events that ended at most this long ago, and at most this many of them.
CALENDAR_PAST = timedelta(days=90)
CALENDAR_LIMIT = 500
# A search term longer than any name is cut (the form and the serializer refuse longer ones).
SEARCH_MAX = 100


def may_check_in(membership, event: Event) -> bool:
    """The check_in capability, or being one of the event's hosts."""
    return has_capability(membership, "check_in") or is_host(membership, event)


def may_read_feedback(membership, event: Event) -> bool:
    """The manage_events capability, or being one of the event's hosts."""
    return has_capability(membership, "manage_events") or is_host(membership, event)


def attendee_list(*, community: Community, event: Event, search: str = "") -> QuerySet[Registration]:
    """The event's confirmed registrations by name, with their member and who checked them in; `search`
    matches the member's display name or username."""
    qs = (
        Registration.objects.for_community(community)
        .filter(event=event, status=RegistrationStatus.CONFIRMED)
        .select_related("membership__user", "checked_in_by__user")
        .order_by("membership__sort_name", "pk")
    )
    term = (search or "").strip()[:SEARCH_MAX]
    if term:
        qs = qs.filter(
            Q(membership__user__display_name__icontains=term) | Q(membership__user__username__icontains=term)
        )
    return qs


def no_show_list(*, community: Community, event: Event, now=None) -> QuerySet[Registration]:
    """Confirmed registrations never checked in, once the event has ended (before: none)."""
    now = now or timezone.now()
    if not event.is_past_at(now):
        return Registration.objects.none()
    return attendee_list(community=community, event=event).filter(checked_in_at__isnull=True)


def own_registration(*, community: Community, event: Event, membership) -> Registration | None:
    """The viewer's registration for the event (any status), or None: what the ticket page shows."""
    if membership is None:
        return None
    return (
        Registration.objects.for_community(community)
        .filter(event=event, membership=membership)
        .select_related("membership__user")
        .first()
    )


@dataclass(frozen=True)
class Ticket:
    """A member's ticket for an event, as the ticket page and the API show it: the registration (any
    status); for a confirmed one, the check-in address its QR code carries (with the ticket code) and the
    meeting link; for a waitlisted one, its place in the queue (1: the next to get a place)."""

    event: Event
    registration: Registration
    confirmed: bool
    check_in_path: str
    meeting_url: str
    waitlist_position: int | None


def check_in_path(event: Event, code: str) -> str:
    """The scan page's address with a ticket code: what a ticket's QR code carries (made absolute)."""
    url = reverse("events:check-in-scan", kwargs={"slug": event.community.slug, "event_id": event.pk})
    return f"{url}?{urlencode({'code': code})}"


def waitlist_place(*, community: Community, registration: Registration) -> int | None:
    """A waitlisted registration's place in the queue (1: next), counting only who is still waiting
    before it (positions keep their gaps when someone leaves); None when not waitlisted."""
    if registration.status != RegistrationStatus.WAITLISTED or registration.position is None:
        return None
    return (
        Registration.objects.for_community(community)
        .filter(
            event_id=registration.event_id,
            status=RegistrationStatus.WAITLISTED,
            position__lte=registration.position,
        )
        .count()
    )


def ticket_of(*, community: Community, event: Event, membership) -> Ticket | None:
    """The viewer's ticket for the event, or None when they have no registration for it (anyone else's
    registration is never reached: it is looked up by the viewer's membership)."""
    registration = own_registration(community=community, event=event, membership=membership)
    if registration is None:
        return None
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    return Ticket(
        event=event,
        registration=registration,
        confirmed=confirmed,
        check_in_path=check_in_path(event, registration.ticket_code) if confirmed else "",
        meeting_url=event.meeting_url if confirmed else "",
        waitlist_position=waitlist_place(community=community, registration=registration),
    )


def ticket_holder(*, community: Community, event: Event, code: str) -> Registration | None:
    """The event's registration with this ticket code (any status), or None: the scan page shows whose
    ticket it is before the operator checks them in."""
    code = (code or "").strip()
    if not code:
        return None
    return (
        Registration.objects.for_community(community)
        .filter(event=event, ticket_code=code)
        .select_related("membership__user")
        .first()
    )


def own_feedback(*, community: Community, event: Event, membership) -> EventFeedback | None:
    if membership is None:
        return None
    return EventFeedback.objects.for_community(community).filter(event=event, membership=membership).first()


def feedback_list(*, community: Community, event: Event) -> QuerySet[EventFeedback]:
    """Every attendee's feedback on the event, newest first, with its author."""
    return (
        EventFeedback.objects.for_community(community)
        .filter(event=event)
        .select_related("membership__user")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class FeedbackResults:
    count: int
    average: float | None
    # (rating, how many, percentage of all), from 5 down to 1.
    distribution: list[tuple[int, int, int]]
    attended: int

    @property
    def response_rate(self) -> int | None:
        """Percentage of the attendees who gave feedback (None when nobody attended)."""
        return round(100 * self.count / self.attended) if self.attended else None


def feedback_results(*, community: Community, event: Event) -> FeedbackResults:
    """Count, average and distribution of the ratings: one GROUP BY over the event's feedback."""
    counts = dict(
        EventFeedback.objects.for_community(community)
        .filter(event=event)
        .values_list("rating")
        .annotate(n=Count("pk"))
        .order_by()
    )
    total = sum(counts.values())
    average = round(sum(r * n for r, n in counts.items()) / total, 2) if total else None
    distribution = [
        (rating, counts.get(rating, 0), round(100 * counts.get(rating, 0) / total) if total else 0)
        for rating in range(RATING_MAX, RATING_MIN - 1, -1)
    ]
    return FeedbackResults(
        count=total, average=average, distribution=distribution, attended=event.attended_count
    )


# --- Calendars -------------------------------------------------------------------------------------------


def community_calendar_events(*, community: Community, now=None) -> QuerySet[Event]:
    """The community's public feed: published public events, from those that ended 90 days ago on."""
    now = now or timezone.now()
    return (
        Event.objects.for_community(community)
        .filter(
            status=EventStatus.PUBLISHED,
            visibility=EventVisibility.PUBLIC,
            ends_at__gte=now - CALENDAR_PAST,
        )
        .select_related("community")
        .order_by("starts_at", "pk")[:CALENDAR_LIMIT]
    )


def calendar_feed_for_key(*, key: str) -> CalendarFeed | None:
    """The feed whose key this is (compared by hash), with its account; None for an unknown key."""
    if not key:
        return None
    return (
        CalendarFeed.objects.select_related("user")
        .filter(key_hash=CalendarFeed.hash_key(key), user__is_active=True)
        .first()
    )


def member_calendar_registrations(*, user, now=None) -> QuerySet[Registration]:
    """The account's confirmed and waitlisted registrations to published events in the communities where
    it is an active member, from events that ended 90 days ago on.

    Named in communities.crossing: the one read of events across communities, the account's own rows."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            membership__user=user,
            membership__status=MembershipStatus.ACTIVE,
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
            event__status=EventStatus.PUBLISHED,
            event__ends_at__gte=now - CALENDAR_PAST,
            community__archived_at__isnull=True,
        )
        .select_related("event__community")
        .order_by("event__starts_at", "pk")[:CALENDAR_LIMIT]
    )


def calendar_feed_of(*, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()
