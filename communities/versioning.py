"""Versions of what the cache keeps (decision 0018): the API community list's pages, each community's
rules as its home page shows them, and each user's unread-notification count.

The list shows every public community and the caller's own, with the caller's role and status in each,
so one version covers the platform and every key also names the caller. It is replaced by every write
that changes a community row or a membership (role, status, the stored member count): `post_save` /
`post_delete` here, and `communities_changed` from the writes that skip model signals (the activity
score refresh, the member-count reconciliation).

A community's rules version is replaced by every save or deletion of one of its rules or rules versions.

The unread count is replaced by every save or deletion of one of the user's notifications, and by
`communities.inbox.notification_mark_all_read` (a bulk update).
"""

from django.db.models.signals import post_delete, post_save

from communities import fragments
from communities.models import Community, Notification, Rule, RulesVersion

SCOPE = "communities"
PLATFORM = 0  # one version for the whole platform


def communities_changed() -> None:
    fragments.bump(SCOPE, [PLATFORM])


def communities_version() -> str | None:
    return fragments.list_version(SCOPE, PLATFORM)


def _changed(sender, **kwargs):
    communities_changed()


# --- A community's rules: the community home -------------------------------------------------------------

RULES = "rules"


def rules_version(community) -> str | None:
    return fragments.list_version(RULES, community.pk)


def _rules_changed(sender, instance, **kwargs):
    fragments.bump(RULES, [instance.community_id])


# --- A user's inbox: the unread count in every page's header -------------------------------------------

INBOX = "inbox"


def inbox_changed(user_id: int) -> None:
    fragments.bump(INBOX, [user_id])


def inbox_version(user) -> str | None:
    return fragments.list_version(INBOX, user.pk)


def _notification_changed(sender, instance, **kwargs):
    inbox_changed(instance.recipient_id)


def connect() -> None:
    """Connect the receivers (CommunitiesConfig.ready). Memberships are named by their label:
    communities does not import members."""
    uid = "communities-version-{}-{}".format
    for model in (Community, "members.Membership"):
        name = getattr(model, "__name__", model)
        post_save.connect(_changed, sender=model, dispatch_uid=uid("save", name))
        post_delete.connect(_changed, sender=model, dispatch_uid=uid("delete", name))
    for signal, action in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(_notification_changed, sender=Notification, dispatch_uid=uid(action, "notification"))
        for model in (Rule, RulesVersion):
            signal.connect(_rules_changed, sender=model, dispatch_uid=uid(action, model.__name__))
