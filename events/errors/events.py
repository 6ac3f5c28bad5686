"""Errors of events, series and hosts."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class EventNotFound(NotFound):
    code = "event_not_found"
    message = _("No such event in this community.")


class EventSeriesNotFound(NotFound):
    code = "event_series_not_found"
    message = _("No such event series in this community.")


class EventInvalid(DomainError):
    """A field of an event broke a rule; `fields` names it (ends_at, capacity, rrule...)."""

    code = "event_invalid"
    message = _("Check the event's fields.")


class NotEventManager(Forbidden):
    code = "not_event_manager"
    message = _("Only the community's event operators and this event's hosts may do this.")


class EventCancelled(Conflict):
    code = "event_cancelled"
    message = _("This event is cancelled.")


class EventFinished(Conflict):
    code = "event_finished"
    message = _("This event is over.")


class SlugTaken(Conflict):
    code = "event_slug_taken"
    message = _("Another event already has this address.")
