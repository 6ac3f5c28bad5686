"""Errors of the critique exchange."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class WorkNotFound(NotFound):
    code = "work_not_found"
    message = _("No such work in this community.")


class CritiqueNotFound(NotFound):
    code = "critique_not_found"
    message = _("No such critique of this work.")


class CriterionNotFound(NotFound):
    code = "criterion_not_found"
    message = _("No such rubric criterion in this community.")


class CreditAccountNotFound(NotFound):
    code = "credit_account_not_found"
    message = _("This member has no review credits yet.")


class InsufficientCredits(Conflict):
    code = "insufficient_credits"
    message = _("You do not have enough review credits: critique other members' works to earn them.")


class OwnWork(DomainError):
    code = "own_work"
    message = _("You cannot critique your own work.")


class AlreadyCritiqued(Conflict):
    code = "already_critiqued"
    message = _("You have already critiqued this work.")


class NoRubric(Conflict):
    code = "no_rubric"
    message = _("This community has no rubric yet: the operators define its criteria first.")


class ScoresInvalid(DomainError):
    code = "scores_invalid"
    message = _("Score every criterion of the rubric once, from 1 to 5.")


class WorkEmpty(DomainError):
    code = "work_empty"
    message = _("Add at least one image or link to the work.")


class TooManyImages(DomainError):
    code = "too_many_images"
    message = _("A work holds at most 6 images.")


class LinksInvalid(DomainError):
    code = "links_invalid"
    message = _("Give at most 5 web addresses starting with http:// or https://.")


class NotTheAuthor(DomainError):
    code = "not_the_author"
    message = _("Only the work's author can mark its critiques helpful.")


class AlreadyHelpful(Conflict):
    code = "already_helpful"
    message = _("This critique is already marked helpful.")


class GrantInvalid(DomainError):
    code = "grant_invalid"
    message = _("Grant between 1 and 1000 credits, with a reason.")


class NotAMemberHere(DomainError):
    code = "member_invalid"
    message = _("Choose an active member of this community.")


class WorkNotEditable(DomainError):
    """A 400, not a 403: the caller may write (the route's capability), only not this work now."""

    code = "work_not_editable"
    message = _("Only its author may edit a work, and only until its first critique.")
