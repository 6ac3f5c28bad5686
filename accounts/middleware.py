"""Apply a signed-in user's saved language and time zone to the request."""

import zoneinfo

from django.utils import timezone, translation


def apply_preferences(request, user) -> None:
    """The user's saved language (over the browser's) and time zone, for the rest of the request.

    The middleware applies them for session users; API token authentication, which DRF runs inside the
    view, applies them for token users (`accounts.authentication`).
    """
    if user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = translation.get_language()
    timezone.activate(zoneinfo.ZoneInfo(user.timezone))


class UserPreferencesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            apply_preferences(request, user)
        else:
            timezone.deactivate()
        return self.get_response(request)
