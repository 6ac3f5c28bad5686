"""Personal API tokens and profile settings."""

import secrets

from django.db import transaction
from django.utils import timezone

from accounts import errors
from accounts.models import ApiToken, User

MAX_ACTIVE_TOKENS = 20


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its key; the key is not stored and cannot be shown again."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    if user.api_tokens.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise errors.TooManyTokens()
    key = secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name, prefix=key[: ApiToken.PREFIX_LENGTH], key_hash=ApiToken.hash_key(key)
    )
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> ApiToken:
    token = user.api_tokens.select_for_update().filter(pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        raise errors.TokenNotFound()
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token
