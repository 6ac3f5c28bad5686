"""Personal API tokens and profile settings."""

import secrets

from django.db import transaction
from django.utils import timezone

from accounts import errors
from accounts.models import ApiToken, User
from members.services.directory import sort_names_refresh

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


PROFILE_FIELDS = frozenset({"display_name", "avatar", "language", "timezone"})


@transaction.atomic
def profile_update(*, user: User, changes: dict) -> User:
    """Apply `changes` (a subset of PROFILE_FIELDS) after model validation; nothing is saved on error.

    `avatar=False` clears the avatar. A replaced or cleared avatar file is deleted after the commit.
    """
    unknown = set(changes) - PROFILE_FIELDS
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    old_avatar = user.avatar.name if user.avatar else ""
    for name, value in changes.items():
        setattr(user, name, "" if name == "avatar" and value is False else value)
    user.full_clean(exclude=[f.name for f in User._meta.fields if f.name not in changes])
    user.save(update_fields=list(changes))
    if "display_name" in changes:  # the member directories sort by it where no profile name is shown
        sort_names_refresh(memberships=user.memberships.all())
    new_avatar = user.avatar.name if user.avatar else ""
    if old_avatar and old_avatar != new_avatar:
        storage = user.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return user


@transaction.atomic
def language_set(*, user: User, language: str) -> User:
    """Remember the interface language on the account ("" follows the browser)."""
    return profile_update(user=user, changes={"language": language})
