"""Reads of a user's own account data."""

from django.db.models import QuerySet

from accounts.models import ApiToken, User


def token_list(*, user: User) -> QuerySet[ApiToken]:
    """The user's tokens, newest first, revoked ones included (they show when access ended)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")
