"""The members' vote: one vote per member and competition, never for an entry they are in, open while
the operators let members vote and judging is open."""

from django.db import transaction
from django.db.models import F

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from communities.races import sequential_on_race
from events.errors import competitions as errors
from events.models import Entry, Event, EventStatus, Vote
from events.selectors.competitions import competition_for, is_in_entry


@sequential_on_race  # two votes of one member at once: the rerun answers already_voted
@transaction.atomic
def vote_cast(*, actor, community: Community, event: Event, entry: Entry) -> Vote:
    """One vote per member and competition, never for an entry they are in, while judging is open."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise errors.VotingClosed()
    competition = competition_for(community=community, event=event)
    if not competition.members_vote or competition.judging_closed or event.status != EventStatus.PUBLISHED:
        raise errors.VotingClosed()
    if is_in_entry(community=community, entry=entry, membership=membership):
        raise errors.OwnEntryVote()
    if Vote.objects.for_community(community).filter(event=event, voter=membership).exists():
        raise errors.AlreadyVoted()
    vote = Vote.objects.create(community=community, event=event, entry=entry, voter=membership)
    Entry.objects.for_community(community).filter(pk=entry.pk).update(vote_count=F("vote_count") + 1)
    record(community=community, actor=actor, verb="entry.voted", target=entry)
    return vote
