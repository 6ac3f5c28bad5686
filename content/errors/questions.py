"""Errors of Q&A."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class QuestionNotFound(NotFound):
    code = "question_not_found"
    message = _("No such question in this community.")


class AnswerNotFound(NotFound):
    code = "answer_not_found"
    message = _("No such answer to this question.")


class QuestionInvalid(DomainError):
    """A field of a question broke a rule; `fields` names it (title, tags, skill_level)."""

    code = "question_invalid"
    message = _("Check the question's fields.")


class AnswerOfAnotherQuestion(DomainError):
    code = "answer_of_another_question"
    message = _("Only an answer to this question can be accepted.")


class AcceptNotAllowed(Forbidden):
    code = "accept_not_allowed"
    message = _("Only the asker, an expert or an operator may accept an answer.")


class AnswerAlreadyVoted(Conflict):
    code = "answer_already_voted"
    message = _("You already voted for this answer.")


class AnswerNotVoted(Conflict):
    code = "answer_not_voted"
    message = _("You have not voted for this answer.")


class OwnAnswerVote(Forbidden):
    code = "own_answer_vote"
    message = _("You cannot vote for your own answer.")


class QuestionNotEditable(DomainError):
    """A 400, not a 403: the caller may write (the route's capability), only not this question now."""

    code = "question_not_editable"
    message = _("Only the asker may edit a question, and only until an answer is accepted.")


class AnswerNotEditable(DomainError):
    """A 400, not a 403: the caller may write (the route's capability), only not this answer now."""

    code = "answer_not_editable"
    message = _("Only its author may edit an answer, and only until it is accepted.")
