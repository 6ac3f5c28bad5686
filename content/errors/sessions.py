"""Errors of expert sessions and guest experts."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class SessionNotFound(NotFound):
    code = "session_not_found"
    message = _("No such expert session in this community.")


class SessionQuestionNotFound(NotFound):
    code = "session_question_not_found"
    message = _("No such question in this session.")


class SessionInvalid(DomainError):
    """A field of a session broke a rule; `fields` names it (ends_at, expert_id...)."""

    code = "session_invalid"
    message = _("Check the session's fields.")


class SessionFinished(Conflict):
    code = "session_finished"
    message = _("This session has ended: it takes no more questions or votes. Its page stays as an archive.")


class SessionNotStarted(Conflict):
    code = "session_not_started"
    message = _("This session has not started yet: the expert answers from its start.")


class NotSessionExpert(Forbidden):
    code = "not_session_expert"
    message = _("Only the session's expert (or an operator) answers its questions.")


class SessionQuestionAlreadyVoted(Conflict):
    code = "session_question_already_voted"
    message = _("You already voted for this question.")


class SessionQuestionNotVoted(Conflict):
    code = "session_question_not_voted"
    message = _("You have not voted for this question.")


class OwnSessionQuestionVote(Forbidden):
    code = "own_session_question_vote"
    message = _("You cannot vote for your own question.")


class GuestAccountNotFound(DomainError):
    code = "guest_account_not_found"
    message = _(
        "No account has this username or email. Ask them to sign up first, or send them an invitation "
        "with the expert role."
    )


class GuestAlreadyMember(Conflict):
    code = "guest_already_member"
    message = _("This person is already an active member here: change their role to expert instead.")


class GuestBanned(Conflict):
    code = "guest_banned"
    message = _("This person is banned from the community: lift the ban first.")
