"""The rows of a topic list, kept rendered by content (decision 0018, keys by content).

A row is the markup of one topic in a space's list or in the spaces page's recent topics: its title and
link, its reply count, its badges (prompt of the week, pinned, locked, closed), its author's name, its
space (on the spaces page) and the date of its last activity. Drawing 20 of them through the template
engine was most of a topic list's time, so each row is kept under a key made of everything it shows:
the topic's columns as loaded (`ROW_FIELDS` alone: the count, the activity date and the flags among
them), its space's and its author's, the community's address (links), whether the space is shown, the
language, the time zone and the release. No row shows anything about the viewer. A new reply, an edit,
a pin or a renamed author is a new key: nothing is invalidated and nothing can be stale. A page's rows
are read in one `memo_many` (one cache round trip for those this process does not hold).

Only topics the selectors return get a row, so a removed or held topic is never drawn, whatever the
cache still holds under its old key.

A row that newly shows a column must add it to `ROW_FIELDS`: a deferred column would be read by the
template without being in the key (tests/content/test_topic_rows.py renders a row with no query).
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from communities import fragments
from communities.models import Community
from content.models import Topic

TEMPLATE = "content/discussions/_topic_row.html"
# The columns a row shows, with its space's and author's: loaded alone, they are the whole of its key.
ROW_FIELDS = (
    "title",
    "reply_count",
    "is_prompt",
    "pinned_at",
    "locked_at",
    "closed_at",
    "last_activity_at",
    "space__slug",
    "space__name",
    "author__user__username",
    "author__user__display_name",
)


def row_columns(topics: QuerySet[Topic]) -> QuerySet[Topic]:
    """`topics` (content.selectors.discussions.topic_list, which joins the space and the author's
    account) loading only what a row shows."""
    return topics.only(*ROW_FIELDS)


def topic_rows(
    *, community: Community, topics: Iterable[Topic], show_space: bool = False
) -> list[SafeString]:
    """The row of each of `topics` (loaded through `row_columns`), in their order."""
    template = get_template(TEMPLATE)
    scope = (fragments.release(), fragments.locale_parts(), community.slug, show_space)

    def key(topic: Topic) -> str:
        user = topic.author.user
        parts = (fragments.row_values(topic), fragments.row_values(topic.space), fragments.row_values(user))
        return "topic-row:" + fragments.digest(scope, parts)

    def build(topic: Topic) -> str:
        return template.render({"topic": topic, "community": community, "show_space": show_space})

    rows = fragments.memo_many(topics, key=key, build=build)
    return [mark_safe(row) for row in rows]  # noqa: S308 - rendered by the template engine, escaped there
