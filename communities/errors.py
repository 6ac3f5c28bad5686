"""Domain errors: raised by services, rendered once (API exception handler, HTML form mixin)."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refused operation with a stable `code`, an HTTP `status` and optional per-field messages."""

    code = "invalid"
    message = _("The request is not valid.")
    status = 400

    def __init__(self, message=None, *, code: str | None = None, fields: dict | None = None):
        self.message = message if message is not None else self.message
        self.code = code or self.code
        self.fields = fields or {}
        super().__init__(str(self.message))


class NotFound(DomainError):
    code = "not_found"
    message = _("Not found.")
    status = 404


class Forbidden(DomainError):
    code = "permission_denied"
    message = _("You do not have permission to do this.")
    status = 403


class Conflict(DomainError):
    code = "conflict"
    message = _("This conflicts with the current state.")
    status = 409


class CommunityNotFound(NotFound):
    code = "community_not_found"
    message = _("No such community.")


class RuleNotFound(NotFound):
    code = "rule_not_found"
    message = _("No such rule in this community.")


class CommunityArchived(Conflict):
    code = "community_archived"
    message = _("This community is archived and read-only.")


class RulesAcceptanceRequired(Forbidden):
    code = "rules_acceptance_required"
    message = _("The rules of this community changed: accept the new version to keep taking part.")


class CommunityCreationRestricted(Forbidden):
    code = "community_creation_restricted"
    message = _("Only staff may create communities on this site.")


class ConfirmationMismatch(DomainError):
    code = "confirmation_mismatch"
    message = _("Type the community's slug exactly to confirm.")


class SlugTaken(Conflict):
    code = "slug_taken"
    message = _("This address is already taken.")
