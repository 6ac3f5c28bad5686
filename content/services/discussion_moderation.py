"""Moderation of discussions (`moderate`): lock, close, pin, move a topic to another space, split
replies into a new topic, slow mode and the timed read-only state of a topic, a space or the whole
community; the prompt of the week (`manage_spaces`).

Every action is one entry in the audit log (members.services.audit, with the topic's author as its
subject where there is one) and one activity event (`analytics.services.record`), in the transaction.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from content.errors import discussions as errors
from content.models import DiscussionSettings, Reaction, Reply, Space, Topic
from content.models.discussions import SLOW_MODE_MAX
from content.services.discussions import _body, _title
from content.services.search import search_index
from members.services.audit import audit_record

READ_ONLY_MAX_DAYS = 30


def _locked_topic(community: Community, topic: Topic) -> Topic:
    return (
        Topic.objects.select_for_update()
        .for_community(community)
        .select_related("author__user")
        .get(pk=topic.pk)
    )


def _log(community: Community, actor, action: str, target, subject=None, reason: str = "", **data) -> None:
    audit_record(
        community=community,
        actor=actor,
        action=action,
        subject=subject,
        reason=reason,
        target=str(target),
        target_id=target.pk,
        **data,
    )
    record(community=community, actor=actor, verb=action, target=target, data=data or None)


def _flag(
    community: Community, actor, topic: Topic, field: str, on: bool, verbs: tuple[str, str], reason: str
):
    ensure_can(actor, "moderate", community)
    topic = _locked_topic(community, topic)
    current = getattr(topic, field)
    if (current is not None) == on:
        return topic
    setattr(topic, field, timezone.now() if on else None)
    topic.save(update_fields=[field, "updated_at"])
    _log(community, actor, verbs[0] if on else verbs[1], topic, subject=topic.author, reason=reason)
    return topic


@transaction.atomic
def topic_lock(*, actor, community: Community, topic: Topic, locked: bool = True, reason: str = "") -> Topic:
    """No new replies while locked (a moderator unlocks)."""
    return _flag(community, actor, topic, "locked_at", locked, ("topic.locked", "topic.unlocked"), reason)


@transaction.atomic
def topic_close(*, actor, community: Community, topic: Topic, closed: bool = True, reason: str = "") -> Topic:
    """The discussion is over: no new replies (reopening takes them again)."""
    return _flag(community, actor, topic, "closed_at", closed, ("topic.closed", "topic.reopened"), reason)


@transaction.atomic
def topic_pin(*, actor, community: Community, topic: Topic, pinned: bool = True) -> Topic:
    """Pinned topics come first in their space, after the prompt of the week."""
    return _flag(community, actor, topic, "pinned_at", pinned, ("topic.pinned", "topic.unpinned"), "")


@transaction.atomic
def topic_prompt(*, actor, community: Community, topic: Topic, prompt: bool = True) -> Topic:
    """Mark the topic as the prompt of the week (operators): shown first in its space and on the home."""
    ensure_can(actor, "manage_spaces", community)
    topic = _locked_topic(community, topic)
    if topic.is_prompt != prompt:
        topic.is_prompt = prompt
        topic.save(update_fields=["is_prompt", "updated_at"])
        _log(
            community, actor, "topic.prompted" if prompt else "topic.unprompted", topic, subject=topic.author
        )
    return topic


def _reindex(community: Community, topic: Topic) -> None:
    """The topic and its visible replies again (their space restriction or address changed)."""
    topic = Topic.objects.for_community(community).select_related("space", "author__user").get(pk=topic.pk)
    search_index(topic)
    replies = Reply.objects.for_community(community).filter(topic=topic, removed_at__isnull=True)
    for reply in replies.select_related("author__user"):
        reply.topic = topic
        search_index(reply)


@transaction.atomic
def topic_move(*, actor, community: Community, topic: Topic, space: Space, reason: str = "") -> Topic:
    """Move a topic (with its replies) to another space of the community; counts follow it."""
    ensure_can(actor, "moderate", community)
    if space.community_id != community.pk:
        raise errors.SpaceOfAnotherCommunity(fields={"space": [str(errors.SpaceOfAnotherCommunity.message)]})
    topic = _locked_topic(community, topic)
    if topic.space_id == space.pk:
        return topic
    source = topic.space_id
    topic.space = space
    topic.save(update_fields=["space", "updated_at"])
    spaces = Space.objects.for_community(community)
    spaces.filter(pk=source).update(topic_count=Greatest(F("topic_count") - 1, 0))
    spaces.filter(pk=space.pk).update(topic_count=F("topic_count") + 1, last_activity_at=timezone.now())
    _reindex(community, topic)
    _log(
        community,
        actor,
        "topic.moved",
        topic,
        subject=topic.author,
        reason=reason,
        from_space=source,
        to_space=space.pk,
    )
    return topic


@transaction.atomic
def topic_split(
    *, actor, community: Community, topic: Topic, reply_ids, title: str, body: str, reason: str = ""
) -> Topic:
    """Move the selected replies of `topic` (and the replies nested under a selected one) into a new topic
    in the same space, started by the moderator with `title` and `body`. A selected nested reply whose
    parent stays behind becomes a top-level reply of the new topic."""
    moderator = ensure_can(actor, "moderate", community)
    title, body = _title(title), _body(body)
    topic = _locked_topic(community, topic)
    ids = {int(pk) for pk in reply_ids or []}
    visible = Reply.objects.for_community(community).filter(topic=topic, removed_at__isnull=True)
    chosen = list(visible.filter(pk__in=ids))
    if not chosen or len(chosen) != len(ids):
        message = gettext("Choose one or more replies of this topic.")
        raise errors.DiscussionInvalid(fields={"reply_ids": [message]})
    moving = {reply.pk for reply in chosen}
    moving |= set(visible.filter(parent_id__in=moving).values_list("pk", flat=True))
    now = timezone.now()
    new = Topic(
        community=community,
        space_id=topic.space_id,
        author=moderator,
        title=title,
        body=body,
        last_activity_at=now,
    )
    new.full_clean(exclude=["community", "space", "author"])
    new.save()
    rows = Reply.objects.for_community(community).filter(pk__in=moving)
    rows.exclude(parent_id__in=moving).update(parent=None)
    count = rows.update(topic=new)
    Reaction.objects.for_community(community).filter(reply_id__in=moving).update(topic=new)
    Topic.objects.for_community(community).filter(pk=new.pk).update(reply_count=count)
    Topic.objects.for_community(community).filter(pk=topic.pk).update(
        reply_count=Greatest(F("reply_count") - count, 0)
    )
    Space.objects.for_community(community).filter(pk=topic.space_id).update(topic_count=F("topic_count") + 1)
    _reindex(community, new)
    _log(
        community,
        actor,
        "topic.split",
        topic,
        subject=topic.author,
        reason=reason,
        new_topic=new.pk,
        replies=count,
    )
    return new


def _minutes(minutes) -> int:
    if not isinstance(minutes, int) or not 0 <= minutes <= SLOW_MODE_MAX:
        message = gettext("Between 0 and %(n)s minutes.") % {"n": SLOW_MODE_MAX}
        raise errors.DiscussionInvalid(fields={"minutes": [message]})
    return minutes


def _until(until: datetime | None) -> datetime | None:
    """None (off) or a time in the next READ_ONLY_MAX_DAYS days."""
    if until is None:
        return None
    now = timezone.now()
    if until <= now or (until - now).days >= READ_ONLY_MAX_DAYS:
        message = gettext("A time in the next %(n)s days.") % {"n": READ_ONLY_MAX_DAYS}
        raise errors.DiscussionInvalid(fields={"until": [message]})
    return until


@transaction.atomic
def topic_slow_mode(*, actor, community: Community, topic: Topic, minutes: int) -> Topic:
    ensure_can(actor, "moderate", community)
    topic = _locked_topic(community, topic)
    topic.slow_mode_minutes = _minutes(minutes)
    topic.save(update_fields=["slow_mode_minutes", "updated_at"])
    _log(community, actor, "topic.slow_mode", topic, subject=topic.author, minutes=minutes)
    return topic


@transaction.atomic
def space_slow_mode(*, actor, community: Community, space: Space, minutes: int) -> Space:
    ensure_can(actor, "moderate", community)
    space = Space.objects.select_for_update().for_community(community).get(pk=space.pk)
    space.slow_mode_minutes = _minutes(minutes)
    space.save(update_fields=["slow_mode_minutes", "updated_at"])
    _log(community, actor, "space.slow_mode", space, minutes=minutes)
    return space


@transaction.atomic
def topic_read_only(
    *, actor, community: Community, topic: Topic, until: datetime | None, reason: str = ""
) -> Topic:
    """Read-only until `until` (None ends it now): only moderators post; it ends by itself."""
    ensure_can(actor, "moderate", community)
    topic = _locked_topic(community, topic)
    topic.read_only_until = _until(until)
    topic.save(update_fields=["read_only_until", "updated_at"])
    _log(community, actor, "topic.read_only", topic, subject=topic.author, reason=reason, until=_iso(until))
    return topic


@transaction.atomic
def space_read_only(
    *, actor, community: Community, space: Space, until: datetime | None, reason: str = ""
) -> Space:
    ensure_can(actor, "moderate", community)
    space = Space.objects.select_for_update().for_community(community).get(pk=space.pk)
    space.read_only_until = _until(until)
    space.save(update_fields=["read_only_until", "updated_at"])
    _log(community, actor, "space.read_only", space, reason=reason, until=_iso(until))
    return space


@transaction.atomic
def community_read_only(
    *, actor, community: Community, until: datetime | None, reason: str = ""
) -> DiscussionSettings:
    """Every space of the community read-only until `until` (the settings row is made on first use)."""
    ensure_can(actor, "moderate", community)
    settings = DiscussionSettings.objects.select_for_update().for_community(community).first()
    if settings is None:
        settings = DiscussionSettings(community=community)
    settings.read_only_until = _until(until)
    settings.save()
    _log(community, actor, "discussions.read_only", settings, reason=reason, until=_iso(until))
    return settings


def _iso(until: datetime | None) -> str | None:
    return until.isoformat() if until is not None else None
