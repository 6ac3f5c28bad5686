"""Errors of polls and of following topics."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class PollNotFound(NotFound):
    code = "poll_not_found"
    message = _("This topic has no poll.")


class PollInvalid(DomainError):
    """A field of a poll or a vote broke a rule; `fields` names it."""

    code = "poll_invalid"
    message = _("Check the poll's fields.")


class PollExists(Conflict):
    code = "poll_exists"
    message = _("This topic already has a poll.")


class PollNotAllowed(DomainError):
    """A 400, not a 403: the caller may take part (the route's capability), only not manage this poll."""

    code = "poll_not_allowed"
    message = _("Only the topic's author or a moderator may add or close its poll.")


class PollClosed(Conflict):
    code = "poll_closed"
    message = _("This poll is closed.")


class PollAlreadyVoted(Conflict):
    code = "poll_already_voted"
    message = _("You already voted in this poll.")


class PollOptionOfAnotherPoll(DomainError):
    code = "poll_option_of_another_poll"
    message = _("Choose options of this poll.")


class PollTooManyChoices(DomainError):
    code = "poll_too_many_choices"
    message = _("This poll takes one choice.")


class NotFollowing(Conflict):
    code = "not_following"
    message = _("You do not follow this topic.")
