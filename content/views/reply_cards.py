"""The reply cards of a topic page, kept rendered by content (decision 0018, keys by content).

A card is the markup of one reply: its author and date, its quote, its Markdown rendered, its reaction
buttons and its Reply, Quote, Edit and Report links. Drawing a page of them through the template engine
(five reaction forms each) was most of a topic page's time, so each card is kept under a key made of
everything it shows: the reply's own columns (its text, edit time and reaction counters among them), its
author's name, the community's address (links), the language, the time zone, the release, and what about
the viewer can change it: their role and status (every capability the card may ask about), whether they
wrote the reply, the reactions they gave it, and whether they may react and answer here. An edited
reply, a new reaction or a renamed author is a new key: nothing is invalidated and nothing can be stale.
A page's cards are read in one `memo_many` (one cache round trip for those this process does not hold).
A card that newly shows something else (a related row, a fact about the viewer) must add it to the key.

Only replies the selectors return get a card, so a removed or held reply is never drawn, whatever the
cache still holds under its old key.

The reaction forms carry the request's CSRF token, which must never be kept: a card is stored with a
placeholder drawn at random when it is built (after the reply was written, so no reply can contain
it), and the placeholder is replaced by the request's own token when the card is shown.
"""

import secrets
from collections.abc import Iterable

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from communities import fragments
from communities.models import Community
from content.models import Reply, Topic
from content.models.discussions import Emoji
from members.models import Membership

TEMPLATE = "content/discussions/_reply.html"


def reply_cards(
    request,
    *,
    community: Community,
    topic: Topic,
    replies: Iterable[Reply],
    membership: Membership | None,
    mine: set[tuple[int | None, str]],
    may_react: bool,
    may_reply: bool,
) -> dict[int, SafeString]:
    """The card of each of `replies` (loaded with their authors' accounts), by reply id, as the viewer
    (`membership`, None for a visitor) sees it. `mine` is the viewer's reactions in the topic
    (content.selectors.discussions.my_reactions)."""
    links = may_reply and not topic.locked_at and not topic.closed_at
    standing = (membership.role, membership.status) if membership is not None else None
    me = membership.pk if membership is not None else None

    def key(reply: Reply) -> str:
        given = tuple(sorted(emoji for reply_id, emoji in mine if reply_id == reply.pk))
        wrote = me is not None and reply.author_id == me
        viewer = (standing, wrote, given, may_react, links)
        parts = (community.slug, fragments.row_values(reply), reply.author.user.name, viewer)
        return "reply-card:" + fragments.digest(fragments.release(), fragments.locale_parts(), parts)

    def build(reply: Reply) -> tuple[str, str]:
        placeholder = secrets.token_hex(16)
        context = {
            "reply": reply,
            "community": community,
            "topic": topic,
            "membership": membership,
            "emojis": Emoji.choices,
            "mine": mine,
            "may_react": may_react,
            "may_reply": links,
            "csrf_token": placeholder,
        }
        return placeholder, render_to_string(TEMPLATE, context)

    replies = list(replies)
    cards, token = {}, None
    for reply, (placeholder, html) in zip(
        replies, fragments.memo_many(replies, key=key, build=build), strict=True
    ):
        if placeholder in html:
            token = token or get_token(request)
            html = html.replace(placeholder, token)
        cards[reply.pk] = mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
    return cards
