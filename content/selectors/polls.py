"""Reads of polls and follows: a topic's poll with its options, the viewer's choices, whether they
follow a topic, and the topics they follow."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from communities.models import Community
from content.errors.polls import PollNotFound
from content.models import Poll, PollBallot, PollChoice, PollOption, Topic, TopicFollow
from content.selectors.discussions import topic_list
from members.models import Membership


def _member(membership: Membership | None) -> bool:
    return membership is not None and membership.pk is not None


def poll_for_topic(*, community: Community, topic: Topic) -> Poll | None:
    """The topic's poll with its options in order (two queries), or None."""
    options = PollOption.objects.for_community(community).order_by("position", "id")
    return (
        Poll.objects.for_community(community)
        .filter(topic=topic)
        .prefetch_related(Prefetch("options", queryset=options))
        .first()
    )


def poll_get(*, community: Community, topic: Topic) -> Poll:
    """The poll of a topic named in a URL (the topic already loaded by its own selector): PollNotFound
    when it has none."""
    poll = poll_for_topic(community=community, topic=topic)
    if poll is None:
        raise PollNotFound()
    return poll


def my_choices(*, community: Community, poll: Poll, membership: Membership | None) -> set[int] | None:
    """The options `membership` chose in `poll`, or None when they did not vote (one query)."""
    if not _member(membership):
        return None
    ballot = PollBallot.objects.for_community(community).filter(poll=poll, voter=membership).first()
    if ballot is None:
        return None
    return set(
        PollChoice.objects.for_community(community).filter(ballot=ballot).values_list("option_id", flat=True)
    )


@dataclass
class PollView:
    """What a page or an answer shows of a poll to one viewer: results only when they may see them."""

    poll: Poll
    options: list = field(default_factory=list)
    chosen: set[int] | None = None

    @property
    def voted(self) -> bool:
        return self.chosen is not None

    @property
    def closed(self) -> bool:
        return self.poll.is_closed

    @property
    def show_results(self) -> bool:
        return self.poll.results_visible(voted=self.voted)


def poll_view(*, community: Community, topic: Topic, membership: Membership | None) -> PollView | None:
    """The topic's poll as `membership` sees it (three queries at most), or None without a poll."""
    poll = poll_for_topic(community=community, topic=topic)
    if poll is None:
        return None
    chosen = my_choices(community=community, poll=poll, membership=membership)
    return PollView(poll=poll, options=list(poll.options.all()), chosen=chosen)


def is_following(*, community: Community, topic: Topic, membership: Membership | None) -> bool:
    if not _member(membership):
        return False
    return TopicFollow.objects.for_community(community).filter(topic=topic, member=membership).exists()


def followed_topics(*, community: Community, membership: Membership) -> QuerySet[Topic]:
    """The topics `membership` follows and may still read, most recently active first."""
    followed = TopicFollow.objects.for_community(community).filter(member=membership).values("topic_id")
    return topic_list(community=community, membership=membership).filter(pk__in=followed)
