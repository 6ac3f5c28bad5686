"""The notification service every app uses: an inbox row and, when the member wants it, an email."""

from django.db import transaction
from django.utils import timezone

from communities.models import Community, Notification, NotificationPreference
from communities.tasks import send_notification_email


def preference_for(*, community: Community, user, kind: str) -> NotificationPreference:
    """The member's stored preference for `kind`, or the default (inbox and email) unsaved."""
    stored = NotificationPreference.objects.filter(community=community, user=user, kind=kind).first()
    return stored or NotificationPreference(community=community, user=user, kind=kind)


def notify(
    *, community: Community, recipient, kind: str, title: str, body: str = "", url: str = ""
) -> Notification | None:
    """Deliver one notification as the recipient's preferences say; the email leaves after commit.

    Returns the inbox row, or None when the recipient turned off both channels for this kind.
    """
    preference = preference_for(community=community, user=recipient, kind=kind)
    if not (preference.in_app or preference.email):
        return None
    notification = Notification(
        community=community, recipient=recipient, kind=kind, title=title[:200], body=body, url=url
    )
    if not preference.in_app:
        # Email only: keep the row for the email task, already marked read so the inbox stays quiet.
        notification.read_at = timezone.now()
    notification.save()
    if preference.email and recipient.email:
        transaction.on_commit(lambda: send_notification_email.delay(notification.pk))
    return notification
