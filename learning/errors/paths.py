"""Errors of learning paths, progress, reviews and plans (stable codes; tests assert them)."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, Forbidden, NotFound


class PathNotFound(NotFound):
    code = "path_not_found"
    message = _("No such learning path in this community.")


class StepNotFound(NotFound):
    code = "step_not_found"
    message = _("No such step in this path.")


class SubmissionNotFound(NotFound):
    code = "submission_not_found"
    message = _("No such submission.")


class GoalNotFound(NotFound):
    code = "goal_not_found"
    message = _("No such goal in your plan.")


class PathInvalid(DomainError):
    code = "path_invalid"
    message = _("Check the path's fields.")


class StepInvalid(DomainError):
    code = "step_invalid"
    message = _("Check the step's fields.")


class NotPathEditor(Forbidden):
    code = "not_path_editor"
    message = _("Only learning operators and this path's mentors may edit it.")


class NotReviewer(Forbidden):
    code = "not_reviewer"
    message = _("Only learning operators and this path's mentors review its submissions.")


class OwnWork(DomainError):
    code = "own_work"
    message = _("You cannot review your own work.")


class PrerequisiteCycle(DomainError):
    code = "prerequisite_cycle"
    message = _("These prerequisites would make a cycle: a step would wait for itself.")


class PathNotPublished(DomainError):
    code = "path_not_published"
    message = _("This path is not published yet.")


class PathEmpty(DomainError):
    code = "path_empty"
    message = _("Add a step before publishing the path.")


class AlreadyEnrolled(Conflict):
    code = "already_enrolled"
    message = _("You are already enrolled on this path.")


class NotEnrolled(DomainError):
    code = "not_enrolled"
    message = _("Enrol on the path first.")


class StepAlreadyCompleted(Conflict):
    code = "step_already_completed"
    message = _("You already completed this step.")


class PrerequisitesPending(DomainError):
    code = "prerequisites_pending"
    message = _("Complete this step's prerequisites first.")


class WrongCompletion(DomainError):
    code = "wrong_completion"
    message = _("This step is completed another way.")


class NotAttended(DomainError):
    code = "not_attended"
    message = _("Your attendance at the event is not recorded yet.")


class SubmissionPending(Conflict):
    code = "submission_pending"
    message = _("Your work for this step is waiting for review.")


class AlreadyReviewed(Conflict):
    code = "already_reviewed"
    message = _("This submission is already reviewed.")


class FeedbackRequired(DomainError):
    code = "feedback_required"
    message = _("Write your feedback: what works, and what to change.")


class QuizEmpty(DomainError):
    code = "quiz_empty"
    message = _("This quiz has no questions yet.")


class AttemptNotFound(NotFound):
    code = "attempt_not_found"
    message = _("No such quiz attempt of yours.")


class AttemptAnswered(Conflict):
    code = "attempt_answered"
    message = _("This attempt is already answered: start a new one.")


class AnswersInvalid(DomainError):
    code = "answers_invalid"
    message = _("Answer every question with one of its choices.")


class AlreadyMentor(Conflict):
    code = "already_mentor"
    message = _("This member already mentors this path.")
