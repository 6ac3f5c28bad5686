from django.utils.translation import gettext_lazy as _

from communities.errors import DomainError, NotFound


class TokenNotFound(NotFound):
    code = "token_not_found"
    message = _("No such token.")


class TooManyTokens(DomainError):
    code = "too_many_tokens"
    message = _("You have reached the maximum number of active tokens; revoke one first.")
