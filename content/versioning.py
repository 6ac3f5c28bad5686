"""The content version of a community: the key of its home feed in the cache (decision 0018).

Every save or deletion of a content row (posts, questions, answers, sessions, works, critiques...) gives
the community a new version, inside the transaction and again after its commit (communities.fragments),
so the feed never shows what changed. Connected in ContentConfig.ready() for every model of the app.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from communities import fragments

SCOPE = "content"


def content_version(community) -> str | None:
    return fragments.list_version(SCOPE, community.pk)


def _changed(sender, instance, **kwargs):
    fragments.bump(SCOPE, [instance.community_id])


# Rows the feed never shows: the search index (written with the content it mirrors) and private
# conversations (a message must not throw away every member's cached feed).
NOT_IN_FEED = frozenset(
    {
        "content.SearchEntry",
        "content.Conversation",
        "content.ConversationParticipant",
        "content.Message",
        "content.MessagingPreference",
        "content.MessagingSettings",
    }
)


def connect() -> None:
    for model in apps.get_app_config("content").get_models():
        if model._meta.label in NOT_IN_FEED:
            continue
        for signal, action in ((post_save, "save"), (post_delete, "delete")):
            uid = f"content-version-{action}-{model._meta.label}"
            signal.connect(_changed, sender=model, dispatch_uid=uid)
