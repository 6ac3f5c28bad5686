"""The notification service every app uses: an inbox row and, when the member wants it, an email."""

from django.db import transaction
from django.utils import timezone

from communities.models import Community, Notification, NotificationPreference
from communities.notices import kind_get
from communities.tasks import send_notification_email


def preference_for(*, community: Community, user, kind: str) -> NotificationPreference:
    """The member's stored preference for `kind` or, failing that, for its group (the part before the
    first dot: "application" for "application.approved"); else the default (inbox and email) unsaved.
    """
    group = kind.split(".", 1)[0]
    stored = {
        row.kind: row
        for row in NotificationPreference.objects.filter(
            community=community, user=user, kind__in={kind, group}
        )
    }
    return (
        stored.get(kind)
        or stored.get(group)
        or NotificationPreference(community=community, user=user, kind=kind)
    )


def notify(
    *, community: Community, recipient, kind: str, params: dict | None = None, note: str = "", url: str = ""
) -> Notification | None:
    """Deliver one notification as the recipient's preferences say; the email leaves after commit.

    `kind` names a kind registered in `communities.notices` (an unknown one raises UnknownNoticeKind) and
    `params` its parameters (JSON values); `note` is text a person wrote, shown as written. Nothing is
    phrased here: the inbox, the API and the email render the notice in their reader's language.
    Returns the inbox row, or None when the recipient turned off both channels for this kind.
    """
    kind_get(kind)
    preference = preference_for(community=community, user=recipient, kind=kind)
    if not (preference.in_app or preference.email):
        return None
    notification = Notification(
        community=community, recipient=recipient, kind=kind, params=params or {}, note=note, url=url
    )
    if not preference.in_app:
        # Email only: keep the row for the email task, already marked read so the inbox stays quiet.
        notification.read_at = timezone.now()
    notification.save()
    if preference.email and recipient.email:
        transaction.on_commit(lambda: send_notification_email.delay(notification.pk))
    return notification
