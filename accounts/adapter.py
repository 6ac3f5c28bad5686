"""allauth adapter: account emails name the site from settings and are sent by a Celery task; failed
logins count per account."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from accounts.selectors import account_for_login
from accounts.tasks import send_email


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's mail templates read of `current_site`, from settings (SITE_NAME, SITE_URL)."""

    name: str
    domain: str


def site_identity() -> SiteIdentity:
    return SiteIdentity(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render in the request (its language) with the site named from settings, send from the worker."""
        context = {"email": email, **context, "current_site": site_identity()}
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_email.delay_on_commit(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            html=html,
        )

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The key of the failed-login lockout (ACCOUNT_RATE_LIMITS["login_failed"], per key): one per
        account, so failures by username and by email address add up instead of counting apart.

        allauth keys on the login as typed; it calls this both when it counts a failure and when a password
        reset clears the count, so both follow. A login that names no account keeps allauth's key.
        """
        login = credentials.get("email", credentials.get("username", ""))
        user = account_for_login(login) if login else None
        if user is None:
            return super()._get_login_attempts_cache_key(request, **credentials)
        return f"account:{user.pk}"
