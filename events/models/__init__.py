"""Events models, one module per sub-domain (events and series, registrations; attendance, competitions
and projects add their own modules)."""

from events.models.attendance import CalendarFeed, EventFeedback, EventNotice, NoticeKind
from events.models.events import (
    Event,
    EventFormat,
    EventHost,
    EventKind,
    EventSeries,
    EventSettings,
    EventStatus,
    EventVisibility,
)
from events.models.registrations import Registration, RegistrationQuestion, RegistrationStatus

__all__ = [
    "CalendarFeed",
    "Event",
    "EventFeedback",
    "EventFormat",
    "EventHost",
    "EventKind",
    "EventNotice",
    "EventSeries",
    "EventSettings",
    "EventStatus",
    "EventVisibility",
    "NoticeKind",
    "Registration",
    "RegistrationQuestion",
    "RegistrationStatus",
]
