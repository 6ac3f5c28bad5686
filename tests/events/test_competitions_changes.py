"""Competitions after the first draft of decision 0028 (decision 0030), through their services:
reopening judging before the results are published, withdrawing and disqualifying entries (soft state,
out of the lists, the leaderboard and the vote, members told in their language), retracting a vote."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification
from communities.notices import render
from events.errors import competitions as errors
from events.models import Entry, Score, Vote
from events.selectors import competitions as selectors
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import results as result_services
from events.services.competitions import votes as vote_services
from tests.events.competition_helpers import World

pytestmark = pytest.mark.django_db


def close(world):
    return judging_services.judging_close(
        actor=world.owner.user, community=world.community, event=world.event
    )


def reopen(world, actor=None):
    return judging_services.judging_reopen(
        actor=(actor or world.owner).user, community=world.community, event=world.event
    )


def disqualify(world, entry, reason="Plagiarised.", actor=None):
    return entry_services.entry_disqualify(
        actor=(actor or world.owner).user, community=world.community, entry=entry, reason=reason
    )


def withdraw(world, entry, membership):
    return entry_services.entry_withdraw(actor=membership.user, community=world.community, entry=entry)


def vote(world, membership, entry):
    return vote_services.vote_cast(
        actor=membership.user, community=world.community, event=world.event, entry=entry
    )


def retract(world, membership):
    return vote_services.vote_retract(actor=membership.user, community=world.community, event=world.event)


def ranks(world) -> dict[str, int | None]:
    return dict(Entry.objects.filter(event=world.event).values_list("title", "rank"))


# --- Reopening judging ---------------------------------------------------------------------------------


def test_reopened_judging_lets_a_judge_correct_a_score_and_closing_again_ranks_afresh():
    world = World()
    first, second = world.enter(world.alice, title="A"), world.enter(world.bob, title="B")
    world.score(world.judge_one, first, 2, 2)  # the mistake: meant for B
    world.score(world.judge_one, second, 9, 9)
    close(world)
    assert ranks(world) == {"A": 2, "B": 1}
    competition = reopen(world)
    assert not competition.judging_closed
    assert ranks(world) == {"A": None, "B": None}  # blind again: nothing stored to leak
    world.score(world.judge_one, first, 10, 10)
    close(world)
    assert ranks(world) == {"A": 1, "B": 2}
    assert ActivityEvent.objects.filter(verb="competition.judging_reopened").count() == 1


def test_the_judges_are_told_in_their_language_when_judging_reopens():
    world = World()
    close(world)
    reopen(world)
    notices = Notification.objects.filter(kind="competition.judging_reopened")
    assert {n.recipient_id for n in notices} == {world.judge_one.user_id, world.judge_two.user_id}
    notice = notices.first()
    with translation.override("zh-hans"):
        title, body, _note = render(kind=notice.kind, params=notice.params, community_name="G")
    assert world.event.title in title and "Judging of" not in title
    assert body


def test_reopening_is_refused_while_open_after_publishing_and_to_members():
    world = World()
    with pytest.raises(errors.JudgingNotClosed):
        reopen(world)
    close(world)
    with pytest.raises(Forbidden):
        reopen(world, actor=world.alice)
    result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    with pytest.raises(errors.ResultsPublished):
        reopen(world)
    assert selectors.competition_for(community=world.community, event=world.event).judging_closed


def test_criteria_and_judges_can_change_again_once_reopened():
    world = World()
    close(world)
    reopen(world)
    from events.services.competitions import rules as rule_services

    rule_services.criterion_delete(
        actor=world.owner.user, community=world.community, event=world.event, criterion=world.idea
    )
    assert list(selectors.criterion_list(community=world.community, event=world.event)) == [world.craft]


# --- Withdrawing and disqualifying ------------------------------------------------------------------------


def test_an_entrant_withdraws_before_the_deadline_and_the_entry_keeps_its_record():
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    vote(world, world.bob, entry)
    withdraw(world, entry, world.alice)
    entry.refresh_from_db()
    assert entry.is_withdrawn and not entry.disqualified and entry.vote_count == 0
    assert not Vote.objects.exists()  # bob may vote again for another entry
    assert list(selectors.entry_list(community=world.community, event=world.event)) == []
    assert list(selectors.withdrawn_entry_list(community=world.community, event=world.event)) == [entry]
    assert selectors.my_entry(community=world.community, event=world.event, membership=world.alice) == entry
    with pytest.raises(errors.AlreadyEntered):  # withdrawing is final for this competition
        world.enter(world.alice, title="Again")
    with pytest.raises(errors.EntryWithdrawn):
        withdraw(world, entry, world.alice)
    with pytest.raises(errors.EntryWithdrawn):
        entry_services.entry_edit(actor=world.alice.user, community=world.community, entry=entry, title="X")
    assert ActivityEvent.objects.filter(verb="entry.withdrawn", actor=world.alice.user).exists()


def test_a_team_member_withdraws_and_the_others_are_told():
    world = World(max_team_size=3)
    entry = world.enter(world.alice, team_name="Owls", member_ids=[world.bob.pk, world.carol.pk])
    withdraw(world, entry, world.bob)
    told = Notification.objects.filter(kind="competition.entry_withdrawn")
    assert {n.recipient_id for n in told} == {world.alice.user_id, world.carol.user_id}
    assert told.first().params["member"] == world.bob.user.name


def test_only_the_entrys_members_withdraw_it_and_only_before_the_deadline():
    world = World()
    entry = world.enter(world.alice)
    with pytest.raises(errors.NotInEntry):
        withdraw(world, entry, world.bob)
    world.event.ends_at = timezone.now() - timedelta(minutes=1)
    world.event.save(update_fields=["ends_at"])
    with pytest.raises(errors.EntriesClosed):
        withdraw(world, entry, world.alice)
    entry.refresh_from_db()
    assert not entry.is_withdrawn


def test_an_entrant_cannot_withdraw_once_the_results_are_published_even_before_the_deadline():
    world = World()
    entry = world.enter(world.alice)
    world.score(world.judge_one, entry, 8, 8)
    close(world)
    result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    with pytest.raises(errors.ResultsPublished):
        withdraw(world, entry, world.alice)
    entry.refresh_from_db()
    assert not entry.is_withdrawn and entry.rank == 1


def test_operators_disqualify_with_a_reason_the_members_read_in_their_language():
    world = World(max_team_size=2)
    entry = world.enter(world.alice, team_name="Duo", member_ids=[world.bob.pk])
    disqualify(world, entry, reason="Submitted after the rules' word limit.")
    entry.refresh_from_db()
    assert entry.disqualified and entry.withdrawal_reason == "Submitted after the rules' word limit."
    notices = Notification.objects.filter(kind="competition.entry_disqualified")
    assert {n.recipient_id for n in notices} == {world.alice.user_id, world.bob.user_id}
    notice = notices.first()
    assert notice.note == "Submitted after the rules' word limit."  # the operators' words, as written
    with translation.override("en"):
        english, _b, _n = render(kind=notice.kind, params=notice.params, community_name="G")
    with translation.override("zh-hans"):
        chinese, _b, _n = render(kind=notice.kind, params=notice.params, community_name="G")
    assert "disqualified" in english and chinese != english and entry.title in chinese
    assert ActivityEvent.objects.filter(verb="entry.disqualified", actor=world.owner.user).exists()


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_a_disqualification_needs_a_reason(reason):
    world = World()
    entry = world.enter(world.alice)
    with pytest.raises(errors.WithdrawalInvalid) as caught:
        disqualify(world, entry, reason=reason)
    assert "reason" in caught.value.fields
    entry.refresh_from_db()
    assert not entry.is_withdrawn


def test_members_may_not_disqualify():
    world = World()
    entry = world.enter(world.alice)
    with pytest.raises(Forbidden):
        disqualify(world, entry, actor=world.bob)


def test_a_disqualification_after_closing_closes_up_the_places_and_the_winners_move_up():
    world = World()
    a, b, c = (world.enter(m, title=t) for m, t in ((world.alice, "A"), (world.bob, "B"), (world.carol, "C")))
    for entry, mark in ((a, 9), (b, 7), (c, 5)):
        world.score(world.judge_one, entry, mark, mark)
    close(world)
    disqualify(world, a)
    assert ranks(world) == {"A": None, "B": 1, "C": 2}
    board = selectors.leaderboard(
        community=world.community,
        event=world.event,
        competition=selectors.competition_for(community=world.community, event=world.event),
        membership=world.owner,
    )
    assert [entry.title for entry in board] == ["B", "C"]
    result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    assert Entry.objects.get(pk=b.pk).judge_score == Decimal("7.000")
    with pytest.raises(errors.ResultsPublished):
        disqualify(world, b)


def test_a_withdrawn_entry_cannot_be_scored_nor_voted_for_and_is_hidden_from_others():
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    disqualify(world, entry)
    with pytest.raises(errors.EntryWithdrawn):
        world.score(world.judge_one, entry, 5, 5)
    with pytest.raises(errors.EntryWithdrawn):
        vote(world, world.bob, entry)
    assert not Score.objects.exists() and not Vote.objects.exists()
    for viewer in (world.bob, None):
        with pytest.raises(errors.EntryNotFound):
            selectors.entry_get(
                community=world.community, event=world.event, entry_id=entry.pk, membership=viewer
            )
    for viewer in (world.alice, world.owner):
        assert (
            selectors.entry_get(
                community=world.community, event=world.event, entry_id=entry.pk, membership=viewer
            )
            == entry
        )


def test_the_judges_checklist_leaves_withdrawn_entries_out():
    world = World()
    kept, gone = world.enter(world.alice), world.enter(world.bob)
    world.score(world.judge_one, kept, 5, 5)
    world.score(world.judge_one, gone, 5, 5)
    disqualify(world, gone)
    scored = selectors.scored_entry_ids(community=world.community, event=world.event, judge=world.judges[0])
    assert scored == {kept.pk}


# --- Retracting a vote ------------------------------------------------------------------------------------


def test_a_member_retracts_and_votes_for_another_entry():
    world = World(members_vote=True)
    first, second = world.enter(world.alice), world.enter(world.bob)
    vote(world, world.carol, first)
    retract(world, world.carol)
    vote(world, world.carol, second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.vote_count, second.vote_count) == (0, 1)
    assert Vote.objects.get().entry_id == second.pk
    assert ActivityEvent.objects.filter(verb="entry.vote_retracted", actor=world.carol.user).exists()


def test_retracting_without_a_vote_or_once_voting_closed_is_refused():
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    with pytest.raises(errors.NoVote):
        retract(world, world.bob)
    vote(world, world.bob, entry)
    close(world)
    with pytest.raises(errors.VotingClosed):
        retract(world, world.bob)
    reopen(world)  # the vote is open again while judging is
    retract(world, world.bob)
    entry.refresh_from_db()
    assert entry.vote_count == 0


def test_still_never_a_vote_for_oneself_after_retracting():
    world = World(members_vote=True)
    own, other = world.enter(world.alice), world.enter(world.bob)
    vote(world, world.alice, other)
    retract(world, world.alice)
    with pytest.raises(errors.OwnEntryVote):
        vote(world, world.alice, own)
