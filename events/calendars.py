"""iCalendar (RFC 5545) files of events, written with the icalendar library: one event's `.ics`, a
community's public feed and a member's private feed.

Pure functions: the views pass the rows (read by events.selectors.attendance) and a function that turns
an event into its absolute address. Times are written in UTC; each calendar application shows them in
its reader's zone. A UID is stable per event, so a subscribed calendar updates an event in place.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import Event, EventStatus

DESCRIPTION_MAX = 1_000
PRODUCT_ID = "-//Guildhall//Events//EN"


@dataclass(frozen=True)
class Entry:
    """One event as a calendar shows it: `waitlisted` adds a prefix, `meeting_url` (a confirmed member's
    own calendar only) becomes the location of an online event."""

    event: Event
    waitlisted: bool = False
    meeting_url: str = ""


def _location(entry: Entry) -> str:
    event = entry.event
    if event.is_online:
        return entry.meeting_url or _("Online")
    return ", ".join(part for part in (event.venue, event.address) if part)


def _summary(entry: Entry) -> str:
    title = entry.event.title
    if entry.event.status == EventStatus.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": title}
    if entry.waitlisted:
        return _("Waitlist: %(title)s") % {"title": title}
    return title


def _description(event: Event, url: str) -> str:
    text = event.description.strip()
    if len(text) > DESCRIPTION_MAX:
        text = text[: DESCRIPTION_MAX - 1].rstrip() + "…"
    return f"{text}\n\n{url}" if text else url


def uid(event: Event, domain: str) -> str:
    return f"event-{event.community_id}-{event.pk}@{domain}"


def calendar_bytes(
    entries: Iterable[Entry], *, name: str, url_of: Callable[[Event], str], domain: str, now=None
) -> bytes:
    """The calendar named `name` with one VEVENT per entry, as bytes (text/calendar, UTF-8)."""
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        event = entry.event
        url = url_of(event)
        item = CalendarEvent()
        item.add("uid", uid(event, domain))
        item.add("dtstamp", now)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("last-modified", event.updated_at)
        item.add("summary", _summary(entry))
        item.add("description", _description(event, url))
        location = _location(entry)
        if location:
            item.add("location", location)
        item.add("url", url)
        item.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
        calendar.add_component(item)
    return calendar.to_ical()
