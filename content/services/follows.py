"""Following topics: follow and unfollow, the automatic follow of whoever starts a topic or replies, and
the followers' notices of new replies, with one digest instead of a notice per reply when the topic is
busy (docs/decisions/0025-polls-and-follows.md).

The notice window: each follow row counts the notices its member got for the topic since
`window_started_at`. Within BUSY_WINDOW, the first BUSY_NOTICES replies each bring a notice
("following.reply"); the replies after them wait in `pending`, and one digest ("following.digest": "12
new replies in <topic>") tells of them all when the window is over: sent by the beat task
(`follow_digests_due` / `follow_digest_send`), or at once by the next reply after the window. Every
notice is stored as a kind and rendered in the reader's language (decision 0019), in the inbox and by
email as the member's preferences for the "following" group say.

Idempotent: a reply is counted for a follower once (`last_reply_id`, replies having increasing ids),
and a digest resets `pending` in the transaction that sends it, under the follow row's lock.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, roles_with
from communities.roles import MembershipStatus
from content.errors import polls as errors
from content.models import Reply, SpaceMember, Topic, TopicFollow
from members.errors import NotAMember

BUSY_NOTICES = 3  # notices per follower and topic within BUSY_WINDOW before replies wait for a digest
BUSY_WINDOW = timedelta(hours=1)


def topic_url(topic: Topic) -> str:
    return reverse("content:topic-detail", kwargs={"slug": topic.community.slug, "topic_id": topic.pk})


def _follow(community: Community, topic: Topic, membership) -> tuple[TopicFollow, bool]:
    """The member's follow row of the topic, created when missing (a concurrent twin is no error)."""
    existing = TopicFollow.objects.for_community(community).filter(topic=topic, member=membership).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return TopicFollow.objects.create(community=community, topic=topic, member=membership), True
    except IntegrityError:
        return TopicFollow.objects.for_community(community).get(topic=topic, member=membership), False


@transaction.atomic
def topic_follow(*, actor, community: Community, topic: Topic) -> TopicFollow:
    """Follow a topic (the caller may read it: the view loaded it through its selector); following it
    again changes nothing."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    follow, created = _follow(community, topic, membership)
    if created:
        record(community=community, actor=actor, verb="topic.followed", target=topic)
    return follow


@transaction.atomic
def topic_unfollow(*, actor, community: Community, topic: Topic) -> None:
    """Stop following a topic (`not_following` when the caller does not follow it)."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    deleted, _rows = (
        TopicFollow.objects.for_community(community).filter(topic=topic, member=membership).delete()
    )
    if not deleted:
        raise errors.NotFollowing()


def follow_on_post(*, community: Community, membership, topic: Topic, reply: Reply | None = None) -> None:
    """Called by the discussion services in their transaction: whoever starts a topic or replies follows
    it; on a reply, the followers hear of it after commit (a task that takes ids)."""
    _follow(community, topic, membership)
    if reply is not None:
        from content.tasks.follows import notify_topic_followers

        reply_id = reply.pk
        transaction.on_commit(lambda: notify_topic_followers.delay(community.pk, reply_id))


def _readers(community: Community, topic: Topic) -> Q:
    """Follow rows whose member may still read the topic: active, and in a members-only space a member
    of the space or a moderator (content.selectors.discussions decides the same for pages)."""
    rule = Q(member__status=MembershipStatus.ACTIVE)
    if topic.space.members_only:
        in_space = SpaceMember.objects.for_community(community).filter(space_id=topic.space_id)
        rule &= Q(member__role__in=roles_with("moderate")) | Q(member_id__in=in_space.values("membership_id"))
    return rule


def _open_window(follow: TopicFollow, now) -> None:
    if follow.window_started_at is None or follow.window_started_at <= now - BUSY_WINDOW:
        follow.window_started_at, follow.window_notices = now, 0


def _send_digest(community: Community, follow: TopicFollow, topic: Topic, now) -> None:
    notify(
        community=community,
        recipient=follow.member.user,
        kind="following.digest",
        params={"topic": topic.title, "count": follow.pending},
        url=topic_url(topic),
    )
    follow.pending, follow.window_started_at, follow.window_notices = 0, now, 1


@transaction.atomic
def followers_notify(*, community: Community, reply_id: int, now=None) -> int:
    """Tell the followers of a reply's topic of it: a notice each while they are under BUSY_NOTICES in
    the window, else the reply waits for their digest. The reply's author and the members the reply
    service told already (the topic's author, the parent reply's author) are left out. Returns the
    number of notices sent."""
    now = now or timezone.now()
    reply = (
        Reply.objects.for_community(community)
        .filter(pk=reply_id, removed_at__isnull=True)
        .select_related("topic__space", "topic__community", "author__user", "parent")
        .first()
    )
    if reply is None or reply.topic.removed_at is not None:
        return 0
    topic = reply.topic
    told = {reply.author_id, topic.author_id, reply.parent.author_id if reply.parent else None}
    follows = list(
        TopicFollow.objects.for_community(community)
        .select_for_update(of=("self",))
        .filter(_readers(community, topic), topic=topic, last_reply_id__lt=reply.pk)
        .exclude(member_id__in=[pk for pk in told if pk is not None])
        .select_related("member__user")
        .order_by("pk")
    )
    sent = 0
    for follow in follows:
        follow.last_reply_id, follow.updated_at = reply.pk, now
        window_over = follow.window_started_at is not None and follow.window_started_at <= now - BUSY_WINDOW
        if window_over and follow.pending:  # replies waiting: one digest tells of them and this one
            follow.pending += 1
            _send_digest(community, follow, topic, now)
            sent += 1
            continue
        _open_window(follow, now)
        if follow.window_notices < BUSY_NOTICES:
            notify(
                community=community,
                recipient=follow.member.user,
                kind="following.reply",
                params={"name": reply.author.user.name, "topic": topic.title},
                url=f"{topic_url(topic)}#reply-{reply.pk}",
            )
            follow.window_notices += 1
            sent += 1
        else:
            follow.pending += 1
    TopicFollow.objects.bulk_update(
        follows, ["last_reply_id", "window_started_at", "window_notices", "pending", "updated_at"]
    )
    return sent


def follow_digests_due(*, now=None) -> list[tuple[int, int]]:
    """(community_id, follow_id) of follows with replies waiting whose window is over, every community.

    Named in communities.crossing: a single-table scan on a partial index."""
    now = now or timezone.now()
    return list(
        TopicFollow.objects.filter(pending__gt=0, window_started_at__lte=now - BUSY_WINDOW).values_list(
            "community_id", "pk"
        )[:5000]
    )


@transaction.atomic
def follow_digest_send(*, community: Community, follow_id: int, now=None) -> int:
    """Send one follower the digest of the replies waiting for them (1), or nothing when none wait or
    their window is still open (0): safe to rerun."""
    now = now or timezone.now()
    follow = (
        TopicFollow.objects.for_community(community)
        .select_for_update(of=("self",))
        .select_related("member__user", "topic__community")
        .filter(pk=follow_id, pending__gt=0, window_started_at__lte=now - BUSY_WINDOW)
        .first()
    )
    if follow is None:
        return 0
    topic = follow.topic
    if topic.removed_at is not None or follow.member.status != MembershipStatus.ACTIVE:
        follow.pending = 0
        follow.save(update_fields=["pending", "updated_at"])
        return 0
    _send_digest(community, follow, topic, now)
    follow.save(update_fields=["pending", "window_started_at", "window_notices", "updated_at"])
    return 1
