"""Helpers of the events tests: an event made through the service, with sensible times."""

from datetime import timedelta

from django.utils import timezone

from events.services import events as event_services


def times(days: float = 3, hours: float = 2) -> dict:
    starts = timezone.now() + timedelta(days=days)
    return {"starts_at": starts, "ends_at": starts + timedelta(hours=hours)}


def make_event(community, owner, **fields):
    """A published event three days ahead (override anything)."""
    values = {"title": "Film night", **times(), **fields}
    return event_services.event_create(actor=owner, community=community, **values)
