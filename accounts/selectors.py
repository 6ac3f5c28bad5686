"""Reads of a user's own account data."""

from django.db.models import Q, QuerySet

from accounts.errors import TokenNotFound
from accounts.models import ApiToken, User


def token_list(*, user: User) -> QuerySet[ApiToken]:
    """The user's tokens, newest first, revoked ones included (they show when access ended)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def account_for_login(login: str) -> User | None:
    """The one account a login names, by email address (when it holds an @, as allauth reads it) or by
    username, in any case; None when it names no account or several."""
    login = login.strip()
    if "@" in login:
        matches = User.objects.filter(Q(email__iexact=login) | Q(emailaddress__email__iexact=login))
    else:
        matches = User.objects.filter(username__iexact=login)
    found = list(matches.distinct().order_by("pk")[:2])
    return found[0] if len(found) == 1 else None


def token_get(*, user: User, token_id: int) -> ApiToken:
    """One of the user's own tokens, revoked or not; another user's token is not found."""
    token = token_list(user=user).filter(pk=token_id).first()
    if token is None:
        raise TokenNotFound()
    return token
