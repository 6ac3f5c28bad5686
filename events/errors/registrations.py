"""Errors of registrations and registration questions."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class RegistrationNotFound(NotFound):
    code = "registration_not_found"
    message = _("No such registration for this event.")


class RegistrationQuestionNotFound(NotFound):
    code = "registration_question_not_found"
    message = _("No such question for this event.")


class RegistrationClosed(DomainError):
    code = "registration_closed"
    message = _("Registration for this event is not open.")


class EventFull(Conflict):
    code = "event_full"
    message = _("This event is full and has no waitlist.")


class AlreadyRegistered(Conflict):
    code = "already_registered"
    message = _("You are already registered for this event.")


class NotRegistered(Conflict):
    code = "not_registered"
    message = _("You are not registered for this event.")


class OpenRegistrationsCapReached(Conflict):
    code = "open_registrations_cap"
    message = _(
        "You already hold as many open registrations as this community allows: cancel one to register here."
    )


class AnswersInvalid(DomainError):
    code = "registration_answers_invalid"
    message = _("Answer the event's questions.")


class RegistrationStateInvalid(Conflict):
    """The registration is not in a state the action applies to (approving a confirmed one...)."""

    code = "registration_state_invalid"
    message = _("This registration cannot change that way now.")


class RegistrationCheckedIn(Conflict):
    """The member is checked in: the attendance stays true (and `attended_count` with it) unless an
    operator takes the check-in back first."""

    code = "registration_checked_in"
    message = _("This member is checked in: undo the check-in before cancelling the registration.")


class CapacityBelowConfirmed(DomainError):
    code = "capacity_below_confirmed"
    message = _("More members are already confirmed than this capacity allows.")


class QuestionOrderInvalid(DomainError):
    code = "question_order_invalid"
    message = _("List every question of this event exactly once.")
