"""`Authorization: Token <key>` with a personal API token."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts.middleware import apply_preferences
from accounts.models import ApiToken
from communities.rows import JoinedLookup

LAST_USED_RESOLUTION = timedelta(minutes=5)


# Every token call reads its token with its account: the SQL is composed once (communities.rows).
_ACTIVE_TOKEN_WITH_USER = JoinedLookup(
    ApiToken, "user", where="child.key_hash = %s AND child.revoked_at IS NULL"
)


class ApiTokenAuthentication(authentication.TokenAuthentication):
    """A personal token; the account's saved language and time zone apply, as for a signed-in session."""

    keyword = "Token"

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            apply_preferences(request._request, result[0])
        return result

    def authenticate_credentials(self, key):
        token = _ACTIVE_TOKEN_WITH_USER.first(ApiToken.hash_key(key))
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token
