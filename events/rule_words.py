"""A series' recurrence rule in words, in the reader's language: "Every week on Tuesday, Thursday, 12
times, at 19:00 (Europe/Paris)". Covers what the series form and most hand-written rules use (FREQ,
INTERVAL, BYDAY with or without a position, BYMONTHDAY, COUNT, UNTIL); any other part returns None and
the page shows the rule as written instead. Pure: no database, no state."""

import zoneinfo
from datetime import datetime

from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext, pgettext

KNOWN = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}
DAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def _repeat(freq: str, interval: int) -> str | None:
    if interval == 1:
        return {
            "DAILY": gettext("Every day"),
            "WEEKLY": gettext("Every week"),
            "MONTHLY": gettext("Every month"),
            "YEARLY": gettext("Every year"),
        }.get(freq)
    text = {
        "DAILY": gettext("Every %(count)s days"),
        "WEEKLY": gettext("Every %(count)s weeks"),
        "MONTHLY": gettext("Every %(count)s months"),
        "YEARLY": gettext("Every %(count)s years"),
    }.get(freq)
    return text % {"count": interval} if text else None


def _ordinal(position: int) -> str | None:
    return {
        1: pgettext("nth weekday of the month", "first"),
        2: pgettext("nth weekday of the month", "second"),
        3: pgettext("nth weekday of the month", "third"),
        4: pgettext("nth weekday of the month", "fourth"),
        5: pgettext("nth weekday of the month", "fifth"),
        -1: pgettext("nth weekday of the month", "last"),
    }.get(position)


def _day(value: str) -> str | None:
    """ "TU" -> Tuesday; "1TU" -> first Tuesday; "-1FR" -> last Friday; None for anything else."""
    code, position = value[-2:], value[:-2]
    if code not in DAY_CODES:
        return None
    name = str(WEEKDAYS[DAY_CODES[code]])
    if not position:
        return name
    try:
        ordinal = _ordinal(int(position))
    except ValueError:
        return None
    if ordinal is None:
        return None
    return pgettext("first Tuesday", "the %(ordinal)s %(weekday)s") % {"ordinal": ordinal, "weekday": name}


def _listed(items: list[str]) -> str:
    return pgettext("list separator", ", ").join(items)


def _until(value: str, zone) -> str | None:
    for pattern in ("%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        return formats.date_format(moment.replace(tzinfo=zone), "DATE_FORMAT")
    return None


def rule_in_words(rule: str, *, starts_at: datetime | None, time_zone: str) -> str | None:
    """The rule as a sentence in the active language, or None when it uses a part not covered here."""
    try:
        parts = dict(part.split("=", 1) for part in (rule or "").upper().split(";") if part)
        interval = int(parts.get("INTERVAL", "1"))
        zone = zoneinfo.ZoneInfo(time_zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None
    if set(parts) - KNOWN or interval < 1:
        return None
    repeat = _repeat(parts.get("FREQ", ""), interval)
    if repeat is None:
        return None
    if "BYDAY" in parts:
        days = [_day(value.strip()) for value in parts["BYDAY"].split(",")]
        if None in days:
            return None
        repeat = gettext("%(repeat)s on %(days)s") % {"repeat": repeat, "days": _listed(days)}
    if "BYMONTHDAY" in parts:
        days = parts["BYMONTHDAY"].split(",")
        if not all(day.strip().lstrip("-").isdigit() for day in days):
            return None
        repeat = gettext("%(repeat)s on day %(days)s") % {"repeat": repeat, "days": _listed(days)}
    if "COUNT" in parts and parts["COUNT"].isdigit():
        count = int(parts["COUNT"])
        end = gettext("once") if count == 1 else gettext("%(count)s times") % {"count": count}
    elif "UNTIL" in parts and (last := _until(parts["UNTIL"], zone)):
        end = gettext("until %(date)s") % {"date": last}
    else:
        return None
    if starts_at is None:
        return gettext("%(repeat)s, %(end)s") % {"repeat": repeat, "end": end}
    time = formats.time_format(timezone.localtime(starts_at, zone), "TIME_FORMAT")
    return gettext("%(repeat)s, %(end)s, at %(time)s (%(time_zone)s)") % {
        "repeat": repeat,
        "end": end,
        "time": time,
        "time_zone": time_zone,
    }
