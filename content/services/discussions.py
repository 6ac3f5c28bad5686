"""Writes of discussions: topics, replies (one level of nesting, quoting), reactions, and removal by
moderators (members.reportables).

Who may post where is asked of content.selectors.discussions (`may_start_topic`, `may_reply`); every
post also passes members.services.publishing.ensure_may_post (active, not muted, newcomers' limits),
the topic's lock and close, and the timed read-only and slow-mode states (content.services.
discussion_guards). Counters (`Space.topic_count`, `Topic.reply_count`, the reaction columns) change
here only, with F() updates.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability, membership_of
from content.errors import discussions as errors
from content.models import Reaction, Reply, Space, Topic
from content.models.discussions import BODY_MAX, QUOTE_MAX, TITLE_MAX, Emoji, WhoMayPost
from content.selectors import discussions as selectors
from content.services.discussion_guards import ensure_not_read_only, ensure_not_slowed
from content.services.follows import follow_on_post
from content.services.mentions import mentioned_members, notify_mentions
from content.services.search import plain_text, search_index, search_unindex, search_unindex_rows
from members.errors import NotAMember
from members.selectors.moderation import hidden_ids
from members.services.publishing import ensure_may_post


def topic_url(topic: Topic) -> str:
    return reverse("content:topic-detail", kwargs={"slug": topic.community.slug, "topic_id": topic.pk})


def reply_url(reply: Reply) -> str:
    return f"{topic_url(reply.topic)}#reply-{reply.pk}"


def _body(body: str) -> str:
    body = body or ""
    if not body.strip():
        raise errors.DiscussionInvalid(fields={"body": [gettext("Write something first.")]})
    if len(body) > BODY_MAX:
        message = gettext("At most %(n)s characters.") % {"n": BODY_MAX}
        raise errors.DiscussionInvalid(fields={"body": [message]})
    return body


def _title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title or len(title) > TITLE_MAX:
        message = gettext("Give the topic a title (at most %(n)s characters).") % {"n": TITLE_MAX}
        raise errors.DiscussionInvalid(fields={"title": [message]})
    return title


def _ensure_may_start(community: Community, membership, space: Space) -> None:
    member_of = selectors.my_space_ids(community=community, membership=membership)
    if not selectors.may_read_space(membership, space, member_of):
        raise errors.SpaceNotFound()
    if selectors.may_start_topic(membership, space, member_of):
        return
    if space.who_may_post == WhoMayPost.OPERATORS:
        raise errors.SpacePostingRestricted()
    raise errors.SpaceMembersOnly()


def _ensure_may_reply(community: Community, membership, space: Space) -> None:
    member_of = selectors.my_space_ids(community=community, membership=membership)
    if not selectors.may_read_space(membership, space, member_of):
        raise errors.TopicNotFound()
    if not selectors.may_reply(membership, space, member_of):
        raise errors.SpaceMembersOnly()


@transaction.atomic
def topic_create(
    *, actor, community: Community, space: Space, title: str, body: str, is_prompt: bool = False
) -> Topic:
    """Start a topic in `space` (who may: content.selectors.discussions.may_start_topic); the prompt of
    the week needs `manage_spaces`."""
    membership = ensure_may_post(actor=actor, community=community, text=body)
    if space.community_id != community.pk:
        raise errors.SpaceOfAnotherCommunity(fields={"space": [str(errors.SpaceOfAnotherCommunity.message)]})
    space = Space.objects.for_community(community).get(pk=space.pk)  # its rules as they are now
    _ensure_may_start(community, membership, space)
    if is_prompt:
        ensure_can(actor, "manage_spaces", community)
    title, body = _title(title), _body(body)
    ensure_not_read_only(community=community, membership=membership, space=space)
    ensure_not_slowed(community=community, membership=membership, space=space)
    now = timezone.now()
    topic = Topic(
        community=community,
        space=space,
        author=membership,
        title=title,
        body=body,
        is_prompt=is_prompt,
        last_activity_at=now,
    )
    topic.full_clean(exclude=["community", "space", "author"])
    topic.save()
    Space.objects.for_community(community).filter(pk=space.pk).update(
        topic_count=F("topic_count") + 1, last_activity_at=now
    )
    record(community=community, actor=actor, verb="topic.created", target=topic)
    search_index(topic)
    follow_on_post(community=community, membership=membership, topic=topic)
    notify_mentions(
        community=community, actor=actor, space=space, topic=topic, text=body, url=topic_url(topic),
        skip={membership.pk},
    )  # fmt: skip
    return topic


@transaction.atomic
def topic_update(*, actor, community: Community, topic: Topic, title: str | None = None, body=None) -> Topic:
    """The author (while they may post) or a moderator edits the title or the text."""
    if has_capability(membership_of(actor, community), "moderate"):
        ensure_can(actor, "moderate", community)
    else:
        membership = ensure_may_post(actor=actor, community=community, text=body or "")
        if topic.author_id != membership.pk:
            raise errors.NotTheAuthor()
    topic = Topic.objects.select_for_update().for_community(community).get(pk=topic.pk)
    if title is not None:
        topic.title = _title(title)
    if body is not None:
        topic.body = _body(body)
    topic.edited_at = timezone.now()
    topic.save(update_fields=["title", "body", "edited_at", "updated_at"])
    record(community=community, actor=actor, verb="topic.edited", target=topic)
    search_index(topic)
    return topic


def _top_level(community: Community, topic: Topic, reply_id, field: str) -> Reply | None:
    """The visible reply `reply_id` names in `topic`, or None; another topic's is `reply_of_another_topic`."""
    if reply_id is None:
        return None
    reply = selectors.reply_list(community=community, topic=topic).filter(pk=reply_id).first()
    if reply is None:
        raise errors.ReplyOfAnotherTopic(fields={field: [str(errors.ReplyOfAnotherTopic.message)]})
    return reply


def quote_excerpt(text: str) -> str:
    """The first QUOTE_MAX characters of a reply's text as a reader sees it (Markdown rendered to its
    words: no `**` or link targets in the quote), cut at a word where it can."""
    text = plain_text(text or "")
    if len(text) <= QUOTE_MAX:
        return text
    cut = text[: QUOTE_MAX - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


@transaction.atomic
def reply_create(
    *,
    actor,
    community: Community,
    topic: Topic,
    body: str,
    parent_id: int | None = None,
    quoted_id: int | None = None,
) -> Reply:
    """Reply to `topic`, or to one of its replies (`parent_id`: a reply to a nested reply attaches to its
    top-level parent), optionally quoting a reply of the topic (`quoted_id`).

    The topic row is locked while the lock, close, read-only and slow-mode rules are checked and the
    count kept. The topic's author hears of the reply; on a nested reply, the parent's author too.
    """
    membership = ensure_may_post(actor=actor, community=community, text=body)
    body = _body(body)
    topic = Topic.objects.select_for_update().for_community(community).get(pk=topic.pk)
    space = Space.objects.for_community(community).get(pk=topic.space_id)
    _ensure_may_reply(community, membership, space)
    if topic.locked_at is not None:
        raise errors.TopicLocked()
    if topic.closed_at is not None:
        raise errors.TopicClosed()
    ensure_not_read_only(community=community, membership=membership, space=space, topic=topic)
    ensure_not_slowed(community=community, membership=membership, space=space, topic=topic)
    parent = _top_level(community, topic, parent_id, "parent_id")
    if parent is not None and parent.parent_id is not None:
        parent = (
            Reply.objects.for_community(community).select_related("author__user").get(pk=parent.parent_id)
        )
    quoted = _top_level(community, topic, quoted_id, "quoted_id")
    reply = Reply(
        community=community,
        topic=topic,
        author=membership,
        parent=parent,
        quoted=quoted,
        quote=quote_excerpt(quoted.body) if quoted is not None else "",
        body=body,
    )
    reply.full_clean(exclude=["community", "topic", "author", "parent", "quoted"])
    reply.save()
    now = timezone.now()
    Topic.objects.for_community(community).filter(pk=topic.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    Space.objects.for_community(community).filter(pk=space.pk).update(last_activity_at=now)
    record(community=community, actor=actor, verb="reply.created", target=reply)
    search_index(reply)
    told = _notify_reply(community, actor, membership, topic, parent, reply)
    notify_mentions(
        community=community, actor=actor, space=space, topic=topic, text=body, url=reply_url(reply), skip=told
    )
    follow_on_post(community=community, membership=membership, topic=topic, reply=reply)
    return reply


@transaction.atomic
def reply_update(*, actor, community: Community, reply: Reply, body: str) -> Reply:
    """The author (while they may post, and while the topic is open and not read-only) or a moderator
    edits a reply's text. Members newly mentioned by the edit hear of it; those the text already named
    were told when it was posted."""
    moderator = has_capability(membership_of(actor, community), "moderate")
    if moderator:
        membership = ensure_can(actor, "moderate", community)
    else:
        membership = ensure_may_post(actor=actor, community=community, text=body)
        if reply.author_id != membership.pk:
            raise errors.NotTheAuthor()
    body = _body(body)
    topic = Topic.objects.select_for_update().for_community(community).get(pk=reply.topic_id)
    space = Space.objects.for_community(community).get(pk=topic.space_id)
    if not moderator:
        if topic.locked_at is not None:
            raise errors.TopicLocked()
        if topic.closed_at is not None:
            raise errors.TopicClosed()
        ensure_not_read_only(community=community, membership=membership, space=space, topic=topic)
    reply = Reply.objects.select_for_update().for_community(community).get(pk=reply.pk)
    named_before = {member.pk for member in mentioned_members(community=community, text=reply.body)}
    reply.body, reply.edited_at = body, timezone.now()
    reply.full_clean(exclude=["community", "topic", "author", "parent", "quoted"])
    reply.save(update_fields=["body", "edited_at", "updated_at"])
    record(community=community, actor=actor, verb="reply.edited", target=reply)
    search_index(reply)
    notify_mentions(
        community=community, actor=actor, space=space, topic=topic, text=body, url=reply_url(reply),
        skip=named_before | {membership.pk, reply.author_id},
    )  # fmt: skip
    return reply


def _notify_reply(community, actor, membership, topic: Topic, parent: Reply | None, reply: Reply) -> set[int]:
    """Notify the topic's and the parent's authors; the membership ids told (the writer included)."""
    url = reply_url(reply)
    told = {membership.pk}
    if parent is not None and parent.author_id not in told:
        notify(
            community=community,
            recipient=parent.author.user,
            kind="discussion.nested_reply",
            params={"name": actor.name, "topic": topic.title},
            url=url,
        )
        told.add(parent.author_id)
    if topic.author_id not in told:
        notify(
            community=community,
            recipient=topic.author.user,
            kind="discussion.replied",
            params={"name": actor.name, "topic": topic.title},
            url=url,
        )
        told.add(topic.author_id)
    return told


def _counter(model, community: Community, pk: int, emoji: str, step: int) -> None:
    column = f"react_{emoji}"
    rows = model.objects.for_community(community).filter(pk=pk)
    if step < 0:
        rows = rows.filter(**{f"{column}__gt": 0})
    rows.update(**{column: F(column) + step})


@transaction.atomic
def reaction_toggle(
    *, actor, community: Community, topic: Topic, emoji: str, reply: Reply | None = None
) -> bool:
    """Add the member's `emoji` to the topic (or to `reply`), or take it back when it is there; True when
    it is there afterwards. The (target, member, emoji) unique constraints keep one of each: a race
    that inserts twice ends with one row and one count."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    if emoji not in Emoji.values:
        raise errors.DiscussionInvalid(fields={"emoji": [gettext("Choose one of the reactions.")]})
    if reply is not None and reply.topic_id != topic.pk:
        raise errors.ReplyOfAnotherTopic()
    model, target = (Reply, reply) if reply is not None else (Topic, topic)
    existing = Reaction.objects.for_community(community).filter(
        topic=topic, reply=reply, member=membership, emoji=emoji
    )
    if existing.delete()[0]:
        _counter(model, community, target.pk, emoji, -1)
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(
                community=community, topic=topic, reply=reply, member=membership, emoji=emoji
            )
    except IntegrityError:
        return True  # a concurrent click of the same member got there first
    _counter(model, community, target.pk, emoji, +1)
    record(community=community, actor=actor, verb="reaction.added", target=target, data={"emoji": emoji})
    return True


def topic_recount(*, community: Community, topic_id: int) -> None:
    """Set the topic's `reply_count` to its visible replies (neither removed nor held by moderation, nor
    nested under such a reply), under the topic's row lock; moderation calls it on removal, hold and
    release, so the count is right whichever order those come in."""
    topic = Topic.objects.select_for_update().for_community(community).get(pk=topic_id)
    replies = Reply.objects.for_community(community).filter(topic_id=topic_id)
    gone = replies.filter(Q(removed_at__isnull=False) | Q(pk__in=hidden_ids(Reply, community))).values("pk")
    topic.reply_count = replies.exclude(pk__in=gone).exclude(parent_id__in=gone).count()
    topic.save(update_fields=["reply_count", "updated_at"])


def space_recount(*, community: Community, space_id: int) -> None:
    """Set the space's `topic_count` to its visible topics, under the space's row lock."""
    space = Space.objects.select_for_update().for_community(community).get(pk=space_id)
    topics = Topic.objects.for_community(community).filter(space_id=space_id, removed_at__isnull=True)
    space.topic_count = topics.exclude(pk__in=hidden_ids(Topic, community)).count()
    space.save(update_fields=["topic_count", "updated_at"])


def topic_hold_changed(topic: Topic) -> None:
    """A topic was hidden by reports, or a dismissal brought it back (members.reportables)."""
    space_recount(community=topic.community, space_id=topic.space_id)


def reply_hold_changed(reply: Reply) -> None:
    topic_recount(community=reply.community, topic_id=reply.topic_id)


def topic_remove_for_moderation(topic: Topic, actor) -> None:
    """Take a topic down (members.reportables `remove`): it and its replies leave every list and search."""
    topic.removed_at = timezone.now()
    topic.save(update_fields=["removed_at", "updated_at"])
    space_recount(community=topic.community, space_id=topic.space_id)
    search_unindex(topic)
    replies = Reply.objects.for_community(topic.community).filter(topic=topic)
    search_unindex_rows(community=topic.community, queryset=replies)


def reply_remove_for_moderation(reply: Reply, actor) -> None:
    """Take a reply down: it (and the replies nested under it) leave the topic, its count drops."""
    community = reply.community
    reply.removed_at = timezone.now()
    reply.save(update_fields=["removed_at", "updated_at"])
    nested = Reply.objects.for_community(community).filter(parent=reply)
    topic_recount(community=community, topic_id=reply.topic_id)
    search_unindex(reply)
    search_unindex_rows(community=community, queryset=nested)
