"""Recurring events: a rule (RFC 5545 RRULE, python-dateutil) expands into occurrences, each an Event
with its own registrations. A rule must end: COUNT or UNTIL, at most SERIES_MAX_OCCURRENCES occurrences
within SERIES_MAX_DAYS. The rule is expanded in the event's local time zone, so a weekly 19:00 stays
19:00 across a change of daylight saving time.

Editing one occurrence is `event_update(scope="this")`; "this and the following" is
`event_update(scope="following")` (events.services.events).
"""

import zoneinfo
from datetime import timedelta

from dateutil import rrule as dateutil_rrule
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from events.errors import events as errors
from events.models import EventSeries, EventStatus
from events.models.events import RRULE_MAX, SERIES_MAX_DAYS, SERIES_MAX_OCCURRENCES
from events.services.events import _cover, _hosts_of, _set_hosts, build_event, clean_event, unique_slug

ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


def _invalid(message: str) -> errors.EventInvalid:
    return errors.EventInvalid(fields={"rrule": [message]})


def _parts(text: str) -> dict[str, str]:
    parts = {}
    for part in text.split(";"):
        if "=" not in part:
            raise _invalid(gettext("Write the rule as NAME=VALUE pairs separated by semicolons."))
        name, value = part.split("=", 1)
        parts[name.strip().upper()] = value.strip()
    return parts


def occurrences(rule_text: str, *, starts_at, time_zone: str) -> tuple[str, list]:
    """The normalised rule and the start of every occurrence (aware, UTC), first one included.

    Refused (EventInvalid on `rrule`): a rule that does not parse, never ends (no COUNT nor UNTIL),
    repeats more often than daily, gives more than SERIES_MAX_OCCURRENCES occurrences or runs past
    SERIES_MAX_DAYS after the first start.
    """
    text = (rule_text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or len(text) > RRULE_MAX or "\n" in text:
        raise _invalid(gettext("Write one rule, for example FREQ=WEEKLY;COUNT=10."))
    parts = _parts(text)
    if parts.get("FREQ", "").upper() not in ALLOWED_FREQUENCIES:
        raise _invalid(gettext("Repeat daily, weekly, monthly or yearly."))
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise _invalid(
            gettext("The rule must end: give COUNT (a number of occurrences) or UNTIL (a last date).")
        )
    if "COUNT" in parts:
        try:
            count = int(parts["COUNT"])
        except ValueError:
            raise _invalid(gettext("COUNT is a number of occurrences.")) from None
        if not 1 <= count <= SERIES_MAX_OCCURRENCES:
            raise _invalid(
                gettext("A series has 1 to %(max)s occurrences.") % {"max": SERIES_MAX_OCCURRENCES}
            )
    if "UNTIL" in parts:  # read as a local date and time, like the start
        parts["UNTIL"] = parts["UNTIL"].rstrip("Zz")
    text = ";".join(f"{name}={value}" for name, value in parts.items())
    zone = zoneinfo.ZoneInfo(time_zone)
    local_start = timezone.localtime(starts_at, zone).replace(tzinfo=None)
    try:
        parsed = dateutil_rrule.rrulestr(text, dtstart=local_start)
    except (ValueError, TypeError, OverflowError, KeyError):
        raise _invalid(gettext("This rule cannot be read. Example: FREQ=WEEKLY;BYDAY=TU;COUNT=10.")) from None
    limit = local_start + timedelta(days=SERIES_MAX_DAYS)
    starts = []
    try:
        for value in parsed:
            if value > limit:
                raise _invalid(gettext("A series spans at most two years."))
            starts.append(value)
            if len(starts) > SERIES_MAX_OCCURRENCES:
                raise _invalid(
                    gettext("A series has 1 to %(max)s occurrences.") % {"max": SERIES_MAX_OCCURRENCES}
                )
    except (ValueError, OverflowError):
        raise _invalid(gettext("This rule cannot be read. Example: FREQ=WEEKLY;BYDAY=TU;COUNT=10.")) from None
    if not starts:
        raise _invalid(gettext("This rule gives no occurrence."))
    aware = [value.replace(tzinfo=zone).astimezone(zoneinfo.ZoneInfo("UTC")) for value in starts]
    return text.upper(), aware


@transaction.atomic
def event_series_create(
    *, actor, community: Community, rrule: str, host_ids=(), cover=None, publish: bool = True, **fields
) -> EventSeries:
    """Create a recurring event (event operators): the series and all its occurrences at once, each an
    event with the same fields, its own date and its own registrations. The registration window, when
    set, keeps its distance from each occurrence's start."""
    membership = ensure_can(actor, "manage_events", community)
    template = build_event(community=community, fields=fields)
    clean_event(template)
    hosts = _hosts_of(community, host_ids)
    rule, starts = occurrences(rrule, starts_at=template.starts_at, time_zone=template.time_zone)
    series = EventSeries(
        community=community,
        title=template.title,
        rrule=rule,
        time_zone=template.time_zone,
        created_by=membership,
    )
    series.full_clean(exclude=["community", "created_by"])
    series.occurrence_count = len(starts)
    series.save()
    duration = template.ends_at - template.starts_at
    opens = template.registration_opens_at - template.starts_at if template.registration_opens_at else None
    closes = template.registration_closes_at - template.starts_at if template.registration_closes_at else None
    cover_file = _cover(cover) if cover else None
    stored_cover = ""
    now = timezone.now()
    for start in starts:
        event = build_event(community=community, fields=fields)
        event.starts_at, event.ends_at = start, start + duration
        event.registration_opens_at = start + opens if opens is not None else None
        event.registration_closes_at = start + closes if closes is not None else None
        event.series, event.created_by = series, membership
        event.slug = unique_slug(
            community,
            event.title,
            suffix=f"-{timezone.localtime(start, zoneinfo.ZoneInfo(series.time_zone)):%Y%m%d}",
        )
        event.cover = stored_cover or cover_file or ""
        if publish:
            event.status, event.published_at = EventStatus.PUBLISHED, now
        event.save()
        stored_cover = stored_cover or (event.cover.name if event.cover else "")
        _set_hosts(community, event, hosts)
    record(
        community=community,
        actor=actor,
        verb="event_series.created",
        target=series,
        data={"occurrences": len(starts)},
    )
    return series
