"""The members' vote: one vote per member and competition, never for an entry they are in, open while
the operators let members vote and judging is open. A member may retract their vote while the vote is
open, and so vote for another entry (decision 0030).

Locks, in one order everywhere: the entry's row, then the vote's (withdrawing an entry takes the
competition's, then the entry's, then deletes its votes), so the stored `vote_count` stays exact.
"""

from django.db import transaction
from django.db.models import F

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from communities.races import sequential_on_race
from events.errors import competitions as errors
from events.models import Entry, Event, EventStatus, Vote
from events.selectors.competitions import competition_for, is_in_entry


def _ensure_voting(community: Community, event: Event, membership) -> None:
    if membership is None:
        raise errors.VotingClosed()
    competition = competition_for(community=community, event=event)
    if not competition.members_vote or competition.judging_closed or event.status != EventStatus.PUBLISHED:
        raise errors.VotingClosed()


@sequential_on_race  # two votes of one member at once: the rerun answers already_voted
@transaction.atomic
def vote_cast(*, actor, community: Community, event: Event, entry: Entry) -> Vote:
    """One vote per member and competition, never for an entry they are in nor a withdrawn one, while
    the vote is open."""
    membership = ensure_can(actor, "participate", community)
    _ensure_voting(community, event, membership)
    entry = Entry.objects.for_community(community).select_for_update().get(pk=entry.pk)
    if entry.is_withdrawn:
        raise errors.EntryWithdrawn()
    if is_in_entry(community=community, entry=entry, membership=membership):
        raise errors.OwnEntryVote()
    if Vote.objects.for_community(community).filter(event=event, voter=membership).exists():
        raise errors.AlreadyVoted()
    vote = Vote.objects.create(community=community, event=event, entry=entry, voter=membership)
    Entry.objects.for_community(community).filter(pk=entry.pk).update(vote_count=F("vote_count") + 1)
    record(community=community, actor=actor, verb="entry.voted", target=entry)
    return vote


@transaction.atomic
def vote_retract(*, actor, community: Community, event: Event) -> None:
    """Take back my vote while the vote is open (then I may vote again). Two retractions at once: one
    deletes the row and lowers the count, the other finds no vote (`no_vote`)."""
    membership = ensure_can(actor, "participate", community)
    _ensure_voting(community, event, membership)
    vote = Vote.objects.for_community(community).filter(event=event, voter=membership).first()
    if vote is None:
        raise errors.NoVote()
    Entry.objects.for_community(community).select_for_update().filter(pk=vote.entry_id).first()
    deleted, _ = Vote.objects.for_community(community).filter(pk=vote.pk).delete()
    if not deleted:
        raise errors.NoVote()
    Entry.objects.for_community(community).filter(pk=vote.entry_id, vote_count__gt=0).update(
        vote_count=F("vote_count") - 1
    )
    record(community=community, actor=actor, verb="entry.vote_retracted", target=vote.entry)
