"""Events models, one module per sub-domain (events and series, registrations; attendance, competitions
and projects add their own modules)."""

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
    "Event",
    "EventFormat",
    "EventHost",
    "EventKind",
    "EventSeries",
    "EventSettings",
    "EventStatus",
    "EventVisibility",
    "Registration",
    "RegistrationQuestion",
    "RegistrationStatus",
]
