"""The content version of a community: the key of its home feed in the cache (decision 0018).

Every save or deletion of a content row (posts, questions, answers, sessions, works, critiques...) gives
the community a new version, inside the transaction and again after its commit (communities.fragments),
so the feed never shows what changed. Connected in ContentConfig.ready() for every model of the app.

The discussions version is the key of the API's topic and reply lists: every save or deletion of a
space, a space's member, a topic, a reply or a reaction replaces it (reactions too: the lists show their
counts, which the services raise with `update()` beside the reaction's own row). Every write of those
tables that skips signals (the counters, a split moving replies) comes with a saved or deleted row of
those models in the same transaction; holds and their release recount the topic or space with a save.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from communities import fragments
from members.versioning import members_version

SCOPE = "content"


DISCUSSIONS = "discussions"
DISCUSSION_MODELS = (
    "content.Space",
    "content.SpaceMember",
    "content.Topic",
    "content.Reply",
    "content.Reaction",
)


def content_version(community) -> str | None:
    return fragments.list_version(SCOPE, community.pk)


def discussions_versions(community) -> tuple[str, str] | None:
    """What the API's topic and reply lists are kept under: the community's discussions version and its
    member-list version (members.versioning: the authors' names and roles); None when versioned caching
    is off. Read them before any row the lists show."""
    discussions = fragments.list_version(DISCUSSIONS, community.pk)
    if discussions is None:
        return None
    return discussions, members_version(community)


# Columns the feed never shows: a save that changes only these (an answer's or a session question's
# votes) keeps the version.
NOT_SHOWN_COLUMNS = frozenset({"vote_count", "updated_at"})


def _changed(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= NOT_SHOWN_COLUMNS:
        return
    fragments.bump(SCOPE, [instance.community_id])


# Rows the feed never shows, so that their writes keep every member's cached feed: the search index
# (written with the content it mirrors), private conversations, and the clicks of reading (reactions,
# votes, ballots, follows) and their bookkeeping (credits, reminders, uploads before a post uses them).
NOT_IN_FEED = frozenset(
    {
        "content.SearchEntry",
        "content.Conversation",
        "content.ConversationParticipant",
        "content.Message",
        "content.MessagingPreference",
        "content.MessagingSettings",
        "content.Reaction",
        "content.AnswerVote",
        "content.SessionQuestionVote",
        "content.PollBallot",
        "content.PollChoice",
        "content.TopicFollow",
        "content.CreditAccount",
        "content.CreditTransaction",
        "content.SessionReminder",
        "content.PostImage",
    }
)


def _discussions_changed(sender, instance, **kwargs):
    fragments.bump(DISCUSSIONS, [instance.community_id])


def connect() -> None:
    for label in DISCUSSION_MODELS:
        for signal, action in ((post_save, "save"), (post_delete, "delete")):
            uid = f"discussions-version-{action}-{label}"
            signal.connect(_discussions_changed, sender=apps.get_model(label), dispatch_uid=uid)
    for model in apps.get_app_config("content").get_models():
        if model._meta.label in NOT_IN_FEED:
            continue
        for signal, action in ((post_save, "save"), (post_delete, "delete")):
            uid = f"content-version-{action}-{model._meta.label}"
            signal.connect(_changed, sender=model, dispatch_uid=uid)
