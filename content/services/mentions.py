"""Mentions of members by @username in topics and replies: who is named, and their notice.

A mention notifies an active member of the community named by their username (at most MAX_MENTIONS a
post), in their language (kind "mention.discussion", group "mention"), when they may read the space:
naming someone outside a members-only space tells them nothing about it. Authors are not told of
their own mention, nor told twice of one post (a reply's notice already reached them).
"""

import re

from communities.models import Community
from communities.notifications import notify
from content.models import Space, Topic
from content.selectors.discussions import may_read_space, my_space_ids
from members.models import Membership

MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_.+-]{1,150})")
MAX_MENTIONS = 10


def mentioned_usernames(text: str) -> list[str]:
    """The usernames `text` mentions, in order, without repeats, trailing dots dropped ("@grace.")."""
    names = []
    for name in MENTION.findall(text or ""):
        name = name.rstrip(".")
        if name and name not in names:
            names.append(name)
    return names[:MAX_MENTIONS]


def mentioned_members(*, community: Community, text: str) -> list[Membership]:
    """The active members of `community` whose usernames `text` mentions (spelt as they are)."""
    names = mentioned_usernames(text)
    if not names:
        return []
    members = Membership.objects.for_community(community).filter(status="active", user__username__in=names)
    return list(members.select_related("user").order_by("pk"))


def notify_mentions(
    *, community: Community, actor, space: Space, topic: Topic, text: str, url: str, skip: set[int]
) -> None:
    """Tell each member `text` mentions (not in `skip`, membership ids) who may read `space`."""
    for member in mentioned_members(community=community, text=text):
        if member.pk in skip:
            continue
        if not may_read_space(member, space, my_space_ids(community=community, membership=member)):
            continue
        notify(
            community=community,
            recipient=member.user,
            kind="mention.discussion",
            params={"name": actor.name, "topic": topic.title},
            url=url,
        )
        skip.add(member.pk)
