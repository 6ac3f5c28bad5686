"""The two timed brakes on posting in discussions, for when a discussion flares up (decision 0023).

- **Read-only** until a time, on a topic, a space or the whole community: while any of them runs, only
  holders of `moderate` post there. It ends by itself: the time is compared with now, no job clears it.
- **Slow mode**: one post (topic or reply) per member per N minutes, counted in the topic (the topic's
  minutes) or in the whole space (the space's minutes); the larger wait applies. Moderators are exempt.
"""

from datetime import timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext

from communities.models import Community
from communities.permissions import has_capability
from content.errors import discussions as errors
from content.models import Reply, Space, Topic
from content.selectors.discussions import read_only_until


def ensure_not_read_only(
    *, community: Community, membership, space: Space, topic: Topic | None = None
) -> None:
    if has_capability(membership, "moderate"):
        return
    until = read_only_until(community=community, space=space, topic=topic)
    if until is not None:
        when = formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")
        raise errors.DiscussionReadOnly(
            gettext("Discussions here are read-only until %(when)s.") % {"when": when}
        )


def _posted_since(community: Community, membership, since, **where) -> bool:
    topics = Topic.objects.for_community(community).filter(author=membership, created_at__gte=since)
    replies = Reply.objects.for_community(community).filter(author=membership, created_at__gte=since)
    if "topic" in where:
        return replies.filter(topic=where["topic"]).exists()
    return (
        topics.filter(space=where["space"]).exists()
        or replies.filter(topic__space=where["space"], topic__community=community).exists()
    )


def ensure_not_slowed(*, community: Community, membership, space: Space, topic: Topic | None = None) -> None:
    """`slow_mode` (409) when the member posted in the topic or the space within its slow-mode minutes."""
    if has_capability(membership, "moderate"):
        return
    now = timezone.now()
    checks = []
    if space.slow_mode_minutes:
        checks.append((space.slow_mode_minutes, {"space": space}))
    if topic is not None and topic.slow_mode_minutes:
        checks.append((topic.slow_mode_minutes, {"topic": topic}))
    for minutes, where in checks:
        if _posted_since(community, membership, now - timedelta(minutes=minutes), **where):
            raise errors.SlowMode(
                gettext("Slow mode is on: one post every %(n)s minutes per member.") % {"n": minutes}
            )
