"""The kinds of notification content sends, rendered in the reader's language (see `communities.notices`).

Registered from `ContentConfig.ready()`; each sub-domain adds its kinds in its own function.
"""

from django.utils.translation import gettext_lazy as _

from communities.notices import register


def register_post_kinds() -> None:
    """To a post's author: the review's decision and a feature (精华). Group "post"."""
    register("post.approved", title=_("Your post “%(title)s” was approved and published in %(community)s"))
    register("post.returned", title=_("Your post “%(title)s” was sent back for changes in %(community)s"))
    register("post.rejected", title=_("Your post “%(title)s” was not accepted in %(community)s"))
    register("post.featured", title=_("Your post “%(title)s” is now featured in %(community)s"))


def register_question_kinds() -> None:
    register("qa.answered", title=_("%(name)s answered your question “%(question)s” in %(community)s"))
    register("qa.accepted", title=_("Your answer to “%(question)s” was accepted in %(community)s"))


def register_session_kinds() -> None:
    register(
        "session.reminder",
        title=_("Expert session “%(session)s” in %(community)s starts soon"),
        body=_("Send your questions and upvote the ones you want answered before it starts."),
    )
    register("session.answered", title=_("Your question in the session “%(session)s” was answered"))


def register_critique_kinds() -> None:
    register("critique.received", title=_("%(critic)s critiqued your work “%(work)s” in %(community)s"))
    register(
        "critique.helpful",
        title=_("%(author)s found your critique of “%(work)s” helpful"),
        body=_("Helpful critiques count toward your reputation as a critic in %(community)s."),
    )
    register(
        "critique.credits_granted",
        title=_("%(amount)s review credits from the operators of %(community)s"),
        body=_("Your balance is now %(balance)s credits."),
    )


def register_discussion_kinds() -> None:
    """To a topic's author on a reply, to a reply's author on a reply nested under it (group
    "discussion"), and to a member mentioned by @username (group "mention")."""
    register("discussion.replied", title=_("%(name)s replied to your topic “%(topic)s” in %(community)s"))
    register(
        "discussion.nested_reply", title=_("%(name)s answered your reply in “%(topic)s” in %(community)s")
    )
    register("mention.discussion", title=_("%(name)s mentioned you in “%(topic)s” in %(community)s"))


def register_following_kinds() -> None:
    """To the followers of a topic: a new reply, or one digest of the replies of a busy hour (group
    "following"; decision 0025)."""
    register(
        "following.reply", title=_("%(name)s replied in “%(topic)s”, a topic you follow in %(community)s")
    )
    register(
        "following.digest",
        title=_("Replies in “%(topic)s” since your last notice: %(count)s"),
        body=_("The topic you follow in %(community)s is busy: one notice for all of them."),
    )


def register_conversation_kinds() -> None:
    """To the other people in a conversation, one unread notice per conversation (a later message updates
    it): who wrote last and how many messages wait. Never the message itself. Group "message"."""
    register(
        "message.received",
        title=_("%(name)s sent you a private message in %(community)s"),
        body=_("Unread messages in this conversation: %(count)s."),
    )
