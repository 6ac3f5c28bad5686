"""The community home's feed: what is new or waiting, a few rows of each kind, for one viewer.

Each section is one query of a fixed size (FEED_ROWS), so the feed costs the same for ten rows or a
million; the rendered feed is kept in the cache under the community's content version (content.versioning).
Sections a viewer may not read (members-only kinds for a visitor) are left out; posts are public. Active
topics are those the viewer may read (content.selectors.discussions.readable_spaces), the prompt of
the week first.
"""

from dataclasses import dataclass, field

from communities.models import Community
from communities.permissions import has_capability
from content.selectors.critiques import review_queue
from content.selectors.discussions import sees_every_space, topic_list
from content.selectors.posts import post_feed
from content.selectors.questions import QuestionQuery, question_list
from content.selectors.sessions import upcoming_sessions

FEED_ROWS = 5


@dataclass
class Feed:
    new_posts: list = field(default_factory=list)
    active_topics: list = field(default_factory=list)
    upcoming_sessions: list = field(default_factory=list)
    unanswered_questions: list = field(default_factory=list)
    works_waiting: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(vars(self).values())


def community_feed(*, community: Community, membership) -> Feed:
    new_posts = list(post_feed(community=community)[:FEED_ROWS])  # posts are public
    if not has_capability(membership, "view"):
        return Feed(new_posts=new_posts)
    return Feed(
        new_posts=new_posts,
        active_topics=list(
            topic_list(community=community, membership=membership).order_by(
                "-is_prompt", "-last_activity_at", "-id"
            )[:FEED_ROWS]
        ),
        upcoming_sessions=list(upcoming_sessions(community=community, limit=FEED_ROWS)),
        unanswered_questions=list(
            question_list(community=community, query=QuestionQuery(unanswered=True))[:FEED_ROWS]
        ),
        works_waiting=list(review_queue(community=community).select_related("author__user")[:FEED_ROWS]),
    )


def feed_scope(*, membership) -> tuple:
    """What about the viewer changes the feed: whether they may read the members' content, and which
    members-only spaces' topics they read: all of them for moderators, else those of their own space
    memberships, so a member's feed is their own (asking which spaces would cost a query per page)."""
    if not has_capability(membership, "view"):
        return (False,)
    if sees_every_space(membership):
        return (True, "every space")
    return (True, "member", membership.pk)
