"""Notices around an event, sent by the beat tasks (events.tasks.attendance): a reminder to confirmed
registrants before the start, and an invitation to give feedback to attendees after the end.

Each is sent once per member, event and kind: the task locks the event row, skips members with an
`EventNotice` row of that kind (the unique constraint backs it), notifies the others and writes their
row in the same transaction. Rerunning a task, or running it twice at once, sends nothing twice; members
who become due later (a late registration, a late check-in) are picked up by the next run.

The notification goes to the inbox and by email as the member's preferences for the "event" group say,
rendered in the member's own language (decision 0019): only the kind and parameters are stored.
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from communities.models import Community
from communities.notifications import notify
from communities.roles import MembershipStatus
from events.models import Event, EventNotice, EventStatus, NoticeKind, Registration, RegistrationStatus
from events.services.feedback import FEEDBACK_OPEN_FOR

# How long before its start an event's reminder goes out (the beat task runs every 15 minutes).
REMINDER_LEAD = timedelta(hours=24)
# Attendees are invited to give feedback during this long after the end (late check-ins included).
FEEDBACK_INVITE_FOR = timedelta(days=2)


def event_page_url(event: Event, name: str) -> str:
    return reverse(f"events:{name}", kwargs={"slug": event.community.slug, "event_id": event.pk})


def events_due_for_reminders(*, now=None) -> list[tuple[int, int]]:
    """(community_id, event_id) of every published event starting within REMINDER_LEAD.

    Named in communities.crossing: a single-table scan of events by time, every community."""
    now = now or timezone.now()
    return list(
        Event.objects.filter(
            status=EventStatus.PUBLISHED,
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_LEAD,
            community__archived_at__isnull=True,
        )
        .order_by("starts_at", "pk")
        .values_list("community_id", "pk")
    )


def events_due_for_feedback(*, now=None) -> list[tuple[int, int]]:
    """(community_id, event_id) of every published event that ended within FEEDBACK_INVITE_FOR and had
    attendees.

    Named in communities.crossing: a single-table scan of events by time, every community."""
    now = now or timezone.now()
    return list(
        Event.objects.filter(
            status=EventStatus.PUBLISHED,
            ends_at__lte=now,
            ends_at__gt=now - FEEDBACK_INVITE_FOR,
            attended_count__gt=0,
            community__archived_at__isnull=True,
        )
        .order_by("ends_at", "pk")
        .values_list("community_id", "pk")
    )


def _send(*, community: Community, event: Event, kind: str, registrations, notice: str, url: str) -> int:
    sent = EventNotice.objects.for_community(community).filter(event=event, kind=kind).values("membership_id")
    count = 0
    for registration in (
        registrations.filter(membership__status=MembershipStatus.ACTIVE)
        .exclude(membership_id__in=sent)
        .select_related("membership__user")
        .order_by("pk")
    ):
        notify(
            community=community,
            recipient=registration.membership.user,
            kind=notice,
            params={"event": event.title, "starts_at": event.starts_at.isoformat()},
            url=url,
        )
        EventNotice.objects.create(
            community=community, event=event, membership=registration.membership, kind=kind
        )
        count += 1
    return count


def _lock(community: Community, event_id: int) -> Event | None:
    return (
        Event.objects.select_for_update()
        .filter(community=community, pk=event_id)
        .select_related("community")
        .first()
    )


@transaction.atomic
def event_remind(*, community: Community, event_id: int, now=None) -> int:
    """Remind every confirmed registrant (an active member) not yet reminded of the event; returns how
    many were. Nothing once the event has started, or when it is not published."""
    now = now or timezone.now()
    event = _lock(community, event_id)
    if event is None or event.status != EventStatus.PUBLISHED or event.starts_at <= now:
        return 0
    registrations = Registration.objects.for_community(community).filter(
        event=event, status=RegistrationStatus.CONFIRMED
    )
    return _send(
        community=community,
        event=event,
        kind=NoticeKind.REMINDER,
        registrations=registrations,
        notice="event.reminder",
        url=event_page_url(event, "ticket"),
    )


@transaction.atomic
def event_invite_feedback(*, community: Community, event_id: int, now=None) -> int:
    """Invite every attendee (checked in, an active member) not yet invited to give feedback; returns
    how many were. Nothing before the end or once feedback has closed."""
    now = now or timezone.now()
    event = _lock(community, event_id)
    if (
        event is None
        or event.status != EventStatus.PUBLISHED
        or not event.ends_at <= now <= event.ends_at + FEEDBACK_OPEN_FOR
    ):
        return 0
    registrations = Registration.objects.for_community(community).filter(
        event=event, checked_in_at__isnull=False
    )
    return _send(
        community=community,
        event=event,
        kind=NoticeKind.FEEDBACK,
        registrations=registrations,
        notice="event.feedback",
        url=event_page_url(event, "feedback"),
    )
