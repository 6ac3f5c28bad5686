"""Errors of tickets and check-in, feedback and calendar feeds."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class NotCheckInOperator(Forbidden):
    code = "not_check_in_operator"
    message = _("Only the community's check-in operators and this event's hosts may check members in.")


class NotFeedbackReader(Forbidden):
    code = "not_feedback_reader"
    message = _("Only the community's event operators and this event's hosts read its feedback.")


class TicketNotFound(DomainError):
    """A ticket code (or registration id) sent in a body that names no registration of this event."""

    code = "ticket_not_found"
    message = _("No registration for this event has this ticket.")


class NotConfirmed(Conflict):
    code = "registration_not_confirmed"
    message = _("Only a confirmed registration can be checked in: this one is not confirmed.")


class AlreadyCheckedIn(Conflict):
    code = "already_checked_in"
    message = _("Already checked in.")


class NotCheckedIn(Conflict):
    code = "not_checked_in"
    message = _("This member is not checked in.")


class CheckInClosed(Conflict):
    code = "check_in_closed"
    message = _(
        "Check-in for this event is not open: it opens a day before the start and closes a week after "
        "the end."
    )


class FeedbackNotOpen(Conflict):
    code = "feedback_not_open"
    message = _("Feedback opens when the event ends and closes 30 days later.")


class FeedbackAttendeesOnly(Forbidden):
    code = "feedback_attendees_only"
    message = _("Only members who were checked in at this event may give feedback.")


class FeedbackInvalid(DomainError):
    code = "feedback_invalid"
    message = _("Check the rating and the comments.")


class CalendarFeedNotFound(NotFound):
    code = "calendar_feed_not_found"
    message = _("No such calendar.")
