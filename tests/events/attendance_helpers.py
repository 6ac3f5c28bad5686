"""Rows for the attendance tests, written directly (the registration services have their own tests):
an event at a given time and registrations in a given status, with the event's counters kept."""

import itertools
from datetime import timedelta

from django.db.models import F
from django.test import Client
from django.utils import timezone

from events.models import Event, EventHost, Registration, RegistrationStatus
from tests import factories

_numbers = itertools.count(1)


def make_event(community, *, starts_in=timedelta(hours=2), hours=2, **fields) -> Event:
    """A published members-only meetup starting `starts_in` from now (negative: in the past)."""
    number = next(_numbers)
    starts_at = timezone.now() + starts_in
    values = {
        "title": f"Meetup {number}",
        "slug": f"meetup-{number}",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=hours),
        "status": "published",
        "published_at": timezone.now(),
        "visibility": "members",
        "time_zone": community.timezone,
        **fields,
    }
    return Event.objects.create(community=community, **values)


def past_event(community, **fields) -> Event:
    """An event that ended an hour ago."""
    return make_event(community, starts_in=-timedelta(hours=3), hours=2, **fields)


def register(event, membership=None, *, status=RegistrationStatus.CONFIRMED, **fields) -> Registration:
    membership = membership or factories.member(community=event.community)
    registration = Registration.objects.create(
        community=event.community, event=event, membership=membership, status=status, **fields
    )
    counter = {
        RegistrationStatus.CONFIRMED: "confirmed_count",
        RegistrationStatus.WAITLISTED: "waitlist_count",
        RegistrationStatus.PENDING: "pending_count",
    }.get(status)
    if counter:
        Event.objects.filter(community=event.community, pk=event.pk).update(**{counter: F(counter) + 1})
    if fields.get("checked_in_at"):
        Event.objects.filter(community=event.community, pk=event.pk).update(
            attended_count=F("attended_count") + 1
        )
    event.refresh_from_db()
    return registration


def host(event, membership=None):
    membership = membership or factories.member(community=event.community)
    EventHost.objects.create(community=event.community, event=event, membership=membership)
    return membership


def browser(user=None):
    """A browser client signed in as `user` (anonymous when None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
