"""Reads of spaces and discussions: spaces, who may read and post where, topic lists, one topic with its
replies (one level of nesting), and the viewer's own reactions.

Visibility (decision 0023): every member who may `view` the community reads a space's name and
description; the topics of a members-only space are read by the members of the space and by holders
of `moderate` (who answer for every space). Removed rows and rows held by moderation are left out.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from communities.models import Community
from communities.permissions import has_capability
from content.errors import discussions as errors
from content.models import DiscussionSettings, Reaction, Reply, Space, SpaceMember, Topic
from content.models.discussions import UNPINNED, WhoMayPost
from members.models import Membership
from members.selectors.moderation import hidden_ids

ORDERINGS = {
    "active": ("-last_activity_at", "-id"),
    "new": ("-created_at", "-id"),
    "replies": ("-reply_count", "-last_activity_at", "-id"),
}
REPLIES_PER_PAGE = 30  # top-level replies on one page of a topic, each with its nested replies


@dataclass(frozen=True)
class TopicQuery:
    """One shape for the HTML filters and the API's: space, author, pinned, prompt, order."""

    space: int | None = None
    author: int | None = None
    pinned: bool | None = None
    prompt: bool | None = None
    order: str = "active"


def _active(membership: Membership | None) -> bool:
    return membership is not None and membership.pk is not None and has_capability(membership, "view")


def sees_every_space(membership: Membership | None) -> bool:
    """Moderators and operators read every space, members-only ones included (they answer for them)."""
    return has_capability(membership, "moderate")


def my_space_ids(*, community: Community, membership: Membership | None) -> set[int]:
    """The spaces `membership` is a member of (one query; none for a visitor)."""
    if not _active(membership):
        return set()
    return set(
        SpaceMember.objects.for_community(community)
        .filter(membership=membership)
        .values_list("space_id", flat=True)
    )


def readable_spaces(*, community: Community, membership: Membership | None) -> QuerySet[Space]:
    """The spaces whose topics `membership` may read: every space that is not members-only, and the
    members-only ones they belong to (all of them for moderators). Used as a subquery."""
    spaces = Space.objects.for_community(community)
    if sees_every_space(membership):
        return spaces
    if not _active(membership):
        return spaces.filter(members_only=False)
    mine = SpaceMember.objects.for_community(community).filter(membership=membership).values("space_id")
    return spaces.filter(Q(members_only=False) | Q(pk__in=mine))


def space_list(*, community: Community) -> QuerySet[Space]:
    """Every space of the community in its order (their names and descriptions are the members')."""
    return Space.objects.for_community(community).order_by("position", "name", "id")


def space_get(*, community: Community, slug: str) -> Space:
    space = Space.objects.for_community(community).filter(slug=slug).first()
    if space is None:
        raise errors.SpaceNotFound()
    return space


def space_member_list(*, community: Community, space: Space) -> QuerySet[SpaceMember]:
    return (
        SpaceMember.objects.for_community(community)
        .filter(space=space)
        .select_related("membership__user")
        .order_by("membership__user__display_name", "id")
    )


def space_member_get(*, community: Community, space: Space, membership_id) -> SpaceMember:
    row = space_member_list(community=community, space=space).filter(membership_id=membership_id).first()
    if row is None:
        raise errors.SpaceMemberNotFound()
    return row


def active_member_named(*, community: Community, membership_id=None, username: str = "") -> Membership:
    """An active member of `community`, by id (API) or username (the form): the one an operator adds to
    a space; anyone else is `space_invalid` on that field."""
    members = Membership.objects.for_community(community).filter(status="active").select_related("user")
    if username:
        member = members.filter(user__username__iexact=username.strip().lstrip("@")).first()
    else:
        member = members.filter(pk=membership_id).first() if membership_id else None
    if member is None:
        field = "username" if username else "membership_id"
        raise errors.SpaceInvalid(fields={field: [gettext("Choose an active member of this community.")]})
    return member


def may_read_space(membership: Membership | None, space: Space, member_of: set[int]) -> bool:
    return not space.members_only or sees_every_space(membership) or space.pk in member_of


def may_start_topic(membership: Membership | None, space: Space, member_of: set[int]) -> bool:
    """Who may start a topic in `space` (the rule content.services.discussions enforces)."""
    if not has_capability(membership, "participate"):
        return False
    if has_capability(membership, "manage_spaces"):
        return True
    if space.who_may_post == WhoMayPost.OPERATORS:
        return False
    if space.who_may_post == WhoMayPost.MEMBERS or space.members_only:
        return space.pk in member_of
    return True


def may_reply(membership: Membership | None, space: Space, member_of: set[int]) -> bool:
    """Replies are open to every reader who may take part, except where the space's own members alone
    post (`members` posting or a members-only space). An operators-only space takes replies from all."""
    if not has_capability(membership, "participate"):
        return False
    if has_capability(membership, "manage_spaces"):
        return True
    if space.who_may_post == WhoMayPost.MEMBERS or space.members_only:
        return space.pk in member_of
    return True


def _visible(queryset: QuerySet, model, community: Community) -> QuerySet:
    return queryset.filter(removed_at__isnull=True).exclude(pk__in=hidden_ids(model, community))


def topic_list(
    *, community: Community, membership: Membership | None, query: TopicQuery | None = None
) -> QuerySet[Topic]:
    """The visible topics `membership` may read, with their space and author, filtered and ordered; the
    prompt of the week and pinned topics first."""
    query = query or TopicQuery()
    qs = _visible(Topic.objects.for_community(community), Topic, community)
    qs = qs.filter(space_id__in=readable_spaces(community=community, membership=membership).values("pk"))
    qs = qs.select_related("space", "author__user")
    if query.space:
        qs = qs.filter(space_id=query.space)
    if query.author:
        qs = qs.filter(author_id=query.author)
    if query.pinned is not None:
        qs = qs.filter(pinned_at__isnull=not query.pinned)
    if query.prompt is not None:
        qs = qs.filter(is_prompt=query.prompt)
    return qs


def topics_in_order(queryset: QuerySet[Topic], order: str = "active") -> QuerySet[Topic]:
    """The prompt of the week first, then pinned topics (latest pin first), then `order`; in the
    default order a page of a space's list reads the index `content_topic_space_order`."""
    return queryset.order_by("-is_prompt", UNPINNED, "-pinned_at", *ORDERINGS.get(order, ORDERINGS["active"]))


def topic_get(*, community: Community, membership: Membership | None, topic_id) -> Topic:
    """The one way to load a topic named in a URL: missing, removed, held and unreadable are NotFound."""
    topic = topic_list(community=community, membership=membership).filter(pk=topic_id).first()
    if topic is None:
        raise errors.TopicNotFound()
    return topic


def reply_list(*, community: Community, topic: Topic) -> QuerySet[Reply]:
    """A topic's visible replies, oldest first, with their authors: neither removed nor held, nor nested
    under a reply that is (its nested replies go with it, as `topic_recount` counts them)."""
    replies = Reply.objects.for_community(community).filter(topic=topic)
    gone = replies.filter(Q(removed_at__isnull=False) | Q(pk__in=hidden_ids(Reply, community))).values("pk")
    qs = _visible(replies, Reply, community).exclude(parent_id__in=gone)
    return qs.select_related("author__user").order_by("created_at", "id")


def reply_get(*, community: Community, topic: Topic, reply_id) -> Reply:
    reply = reply_list(community=community, topic=topic).filter(pk=reply_id).first()
    if reply is None:
        raise errors.ReplyNotFound()
    return reply


@dataclass
class Thread:
    """A top-level reply and its nested replies."""

    reply: Reply
    children: list = field(default_factory=list)


def reply_threads(*, community: Community, topic: Topic, parents) -> list[Thread]:
    """`parents` (top-level replies, a page of them) each with its visible nested replies, in one
    query whatever their number."""
    threads = [Thread(reply=parent) for parent in parents]
    by_id = {thread.reply.pk: thread for thread in threads}
    if by_id:
        for child in reply_list(community=community, topic=topic).filter(parent_id__in=list(by_id)):
            by_id[child.parent_id].children.append(child)
    return threads


def top_level_replies(*, community: Community, topic: Topic) -> QuerySet[Reply]:
    return reply_list(community=community, topic=topic).filter(parent__isnull=True)


def my_reactions(
    *, community: Community, membership: Membership | None, topic: Topic
) -> set[tuple[int | None, str]]:
    """(reply id or None for the topic, emoji) of every reaction `membership` gave in the topic."""
    if not _active(membership):
        return set()
    return set(
        Reaction.objects.for_community(community)
        .filter(topic=topic, member=membership)
        .values_list("reply_id", "emoji")
    )


def discussion_settings_for(*, community: Community) -> DiscussionSettings:
    """The community's discussion settings, or the defaults unsaved (a read never writes)."""
    return DiscussionSettings.objects.for_community(community).first() or DiscussionSettings(
        community=community
    )


def read_only_until(*, community: Community, space: Space, topic: Topic | None = None):
    """The latest end of a running read-only state over `topic`, its space or the community, or None."""
    now = timezone.now()
    ends = [space.read_only_until, topic.read_only_until if topic else None]
    ends.append(discussion_settings_for(community=community).read_only_until)
    running = [end for end in ends if end is not None and end > now]
    return max(running) if running else None


MENTION_SUGGESTIONS = 8


def mention_candidates(*, community: Community, prefix: str) -> QuerySet[Membership]:
    """Active members of `community` whose username or display name starts with `prefix` (for the @
    autocomplete), by username; none for an empty prefix."""
    prefix = (prefix or "").strip().lstrip("@")[:150]
    if not prefix:
        return Membership.objects.none()
    return (
        Membership.objects.for_community(community)
        .filter(status="active")
        .filter(Q(user__username__istartswith=prefix) | Q(user__display_name__istartswith=prefix))
        .select_related("user")
        .order_by("user__username")[:MENTION_SUGGESTIONS]
    )
