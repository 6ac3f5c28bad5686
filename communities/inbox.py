"""The notification inbox: reads and writes on a user's notifications and preferences.

The inbox is the one read that crosses communities, always filtered by the recipient.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities import fragments
from communities.errors import DomainError, NotFound
from communities.models import Community, Notification, NotificationPreference
from communities.permissions import ensure_can
from communities.versioning import inbox_changed, inbox_version

# The groups a member sets preferences for; a notification's kind belongs to the group named by its
# first dotted part (application.approved -> application). Later features add their group here.
NOTIFICATION_GROUPS = [
    ("welcome", _("Welcome messages")),
    ("application", _("Decisions on my applications")),
    ("moderation", _("Moderation of my membership")),
    ("trust", _("Changes of my trust level")),
    ("mention", _("Mentions of me")),
    ("critique", _("Critiques of my works, helpful marks and review credits")),
    ("post", _("Reviews and features of my posts")),
    ("vetting", _("New applications to review (owners and admins)")),
    ("qa", _("Answers to my questions, and my answers accepted")),
    ("session", _("Reminders of expert sessions")),
    ("following", _("New replies in topics I follow")),
    ("discussion", _("Replies to my topics and to my replies")),
    ("message", _("New private messages")),
    ("event", _("My event registrations: places freed, approvals, cancellations")),
    ("competition", _("Competitions: judging I am asked to do, and my results")),
    ("resource", _("Broken links in the resource library (curators)")),
]
GROUP_KEYS = [key for key, _label in NOTIFICATION_GROUPS]


class UnknownNotificationKind(DomainError):
    code = "unknown_notification_kind"
    message = _("Choose one of the listed kinds of notification.")


class NotificationNotFound(NotFound):
    code = "notification_not_found"
    message = _("This notification does not exist.")


def notification_list(*, user, unread: bool = False) -> QuerySet[Notification]:
    """The user's notifications from all their communities, newest first."""
    qs = (
        Notification.objects.filter(recipient=user).select_related("community").order_by("-created_at", "-id")
    )
    return qs.filter(read_at__isnull=True) if unread else qs


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def unread_count_kept(*, user) -> int:
    """`unread_count`, kept in the cache under the user's inbox version, which every change to their
    notifications replaces (communities/versioning.py, decision 0018): the header of every page."""
    version = inbox_version(user)
    if version is None:
        return unread_count(user=user)
    return fragments.memo(f"unread:{user.pk}:{version}", lambda: unread_count(user=user))


def unread_notifications(request) -> dict:
    """Context processor: the header's unread count, one COUNT query at most per request, done lazily,
    and none while the count is in the cache."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count():
        if not hasattr(request, "_unread_notifications"):
            request._unread_notifications = unread_count_kept(user=user)
        return request._unread_notifications

    return {"unread_notifications": count}


@transaction.atomic
def notification_mark_read(*, actor, notification_id: int) -> Notification:
    """Mark one of the actor's notifications read; someone else's is a 404."""
    notification = Notification.objects.filter(recipient=actor, pk=notification_id).first()
    if notification is None:
        raise NotificationNotFound()
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification


@transaction.atomic
def notification_mark_all_read(*, actor) -> int:
    """Mark all the actor's unread notifications read; returns how many changed."""
    inbox_changed(actor.pk)  # an update without model signals
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now(), updated_at=timezone.now()
    )


def preference_list(*, community: Community, user) -> list[NotificationPreference]:
    """One preference per group (stored or default), in the order of NOTIFICATION_GROUPS."""
    stored = {
        row.kind: row
        for row in NotificationPreference.objects.filter(community=community, user=user, kind__in=GROUP_KEYS)
    }
    return [
        stored.get(key) or NotificationPreference(community=community, user=user, kind=key)
        for key in GROUP_KEYS
    ]


@transaction.atomic
def preference_set(
    *, actor, community: Community, kind: str, in_app: bool, email: bool
) -> NotificationPreference:
    """Set how the actor (an active member) receives one group of notifications in `community`."""
    ensure_can(actor, "participate", community)
    if kind not in GROUP_KEYS:
        raise UnknownNotificationKind(fields={"kind": [str(UnknownNotificationKind.message)]})
    preference, _created = NotificationPreference.objects.update_or_create(
        community=community, user=actor, kind=kind, defaults={"in_app": in_app, "email": email}
    )
    return preference
