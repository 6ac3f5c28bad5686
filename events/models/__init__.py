"""Events models, one module per sub-domain (events and series, registrations; attendance, competitions
and projects add their own modules)."""

from events.models.attendance import CalendarFeed, EventFeedback, EventNotice, NoticeKind
from events.models.competitions import (
    Award,
    Competition,
    Criterion,
    Entry,
    EntryImage,
    EntryMember,
    Judge,
    Score,
    Vote,
)
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
from events.models.projects import Collaboration, Project, ProjectMember, ProjectUpdate
from events.models.registrations import Registration, RegistrationQuestion, RegistrationStatus

__all__ = [
    "Award",
    "CalendarFeed",
    "Collaboration",
    "Competition",
    "Criterion",
    "Entry",
    "EntryImage",
    "EntryMember",
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
    "Judge",
    "NoticeKind",
    "Project",
    "ProjectMember",
    "ProjectUpdate",
    "Registration",
    "RegistrationQuestion",
    "RegistrationStatus",
    "Score",
    "Vote",
]
