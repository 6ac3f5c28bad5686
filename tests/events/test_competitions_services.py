"""Competitions through their services: entries, the deadline, teams, blind weighted judging, conflicts
of interest, closing, publishing with awards and notices, the members' vote."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from communities.models import Notification
from communities.notices import render
from events.errors import competitions as errors
from events.models import Award, Entry, EntryMember, Score, Vote
from events.selectors import competitions as selectors
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import results as result_services
from events.services.competitions import rules as rule_services
from events.services.competitions import votes as vote_services
from tests import factories
from tests.events.competition_helpers import World, make_event, png

pytestmark = pytest.mark.django_db


def test_an_entry_is_recorded_with_its_members_and_images():
    world = World(max_team_size=3)
    entry = world.enter(
        world.alice,
        team_name="Night owls",
        member_ids=[world.bob.pk],
        images=[png()],
        link="https://example.com",
    )
    assert entry.member_count == 2 and entry.is_team
    assert set(EntryMember.objects.filter(entry=entry).values_list("membership_id", flat=True)) == {
        world.alice.pk,
        world.bob.pk,
    }
    assert entry.images.count() == 1
    assert ActivityEvent.objects.filter(verb="entry.submitted", actor=world.alice.user).exists()
    assert selectors.my_entry(community=world.community, event=world.event, membership=world.bob) == entry


def test_entries_after_the_deadline_are_refused():
    world = World(entries_close_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(errors.EntriesClosed):
        world.enter(world.alice)
    assert not Entry.objects.exists()


def test_a_member_enters_once_and_teams_stay_within_the_size():
    world = World(max_team_size=2)
    world.enter(world.alice)
    with pytest.raises(errors.AlreadyEntered):
        world.enter(world.alice, title="Again")
    with pytest.raises(errors.TeamInvalid):  # alice is already in an entry
        world.enter(world.bob, team_name="Duo", member_ids=[world.alice.pk])
    with pytest.raises(errors.TeamInvalid):  # three is more than two
        world.enter(world.bob, team_name="Trio", member_ids=[world.carol.pk, world.judge_one.pk])
    with pytest.raises(errors.TeamInvalid):  # a team needs a name
        world.enter(world.bob, member_ids=[world.carol.pk])
    with pytest.raises(errors.TeamInvalid) as refused:  # the error names the field the members came in
        world.enter(world.bob, team_name="Trio", member_ids=[world.carol.pk, world.judge_one.pk])
    assert list(refused.value.fields) == ["member_ids"]


def test_another_communitys_member_cannot_be_in_a_team():
    world = World(max_team_size=3)
    stranger = factories.member()
    with pytest.raises(errors.TeamInvalid):
        world.enter(world.alice, team_name="Mixed", member_ids=[stranger.pk])


def test_individual_competitions_refuse_teams():
    world = World()
    with pytest.raises(errors.TeamInvalid):
        world.enter(world.alice, team_name="Duo", member_ids=[world.bob.pk])


def test_judges_score_every_criterion_and_may_revise():
    world = World()
    entry = world.enter(world.alice)
    world.score(world.judge_one, entry, 8, 6)
    world.score(world.judge_one, entry, 9, 6)
    values = dict(Score.objects.filter(entry=entry).values_list("criterion__name", "value"))
    assert values == {"Craft": 9, "Idea": 6}


@pytest.mark.parametrize(
    "scores",
    [
        {"craft": 11, "idea": 5},
        {"craft": -1, "idea": 5},
        {"craft": 5},  # a criterion missing
        {"craft": "7", "idea": 5},
        {"craft": True, "idea": 5},
    ],
)
def test_scores_out_of_range_or_incomplete_are_refused(scores):
    world = World()
    entry = world.enter(world.alice)
    given = {getattr(world, name).pk: {"value": value} for name, value in scores.items()}
    with pytest.raises(errors.ScoresInvalid):
        judging_services.scores_submit(
            actor=world.judge_one.user,
            community=world.community,
            event=world.event,
            entry=entry,
            scores=given,
        )
    assert not Score.objects.exists()


def test_a_judge_cannot_score_their_own_or_their_teams_entry():
    world = World(max_team_size=2)
    own = world.enter(world.judge_one)
    team = world.enter(world.alice, team_name="With a judge", member_ids=[world.judge_two.pk])
    with pytest.raises(errors.ConflictOfInterest):
        world.score(world.judge_one, own, 5, 5)
    with pytest.raises(errors.ConflictOfInterest):
        world.score(world.judge_two, team, 5, 5)
    assert not Score.objects.exists()


def test_only_judges_score():
    world = World()
    entry = world.enter(world.alice)
    with pytest.raises(errors.NotAJudge):
        world.score(world.bob, entry, 5, 5)
    with pytest.raises(errors.NotAJudge):
        world.score(world.owner, entry, 5, 5)  # operators appoint judges; they are not one themselves


def test_a_judge_reads_only_their_own_scores():
    world = World()
    entry = world.enter(world.alice)
    world.score(world.judge_one, entry, 8, 6)
    world.score(world.judge_two, entry, 2, 2)
    own = selectors.score_list(community=world.community, event=world.event, judge=world.judges[0])
    assert [score.value for score in own] == [8, 6]


def test_closing_judging_ranks_by_weighted_average_and_ties_share_a_place():
    world = World()
    first = world.enter(world.alice, title="First")
    tie_a = world.enter(world.bob, title="Tie A")
    tie_b = world.enter(world.carol, title="Tie B")
    unscored = world.enter(factories.member(community=world.community), title="Unscored")
    world.score(world.judge_one, first, 10, 2)  # (30 + 2) / 4 = 8
    world.score(world.judge_two, first, 6, 10)  # (18 + 10) / 4 = 7 -> all four rows: 60 / 8 = 7.5
    world.score(world.judge_one, tie_a, 5, 5)
    world.score(world.judge_one, tie_b, 5, 5)
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    for entry in (first, tie_a, tie_b, unscored):
        entry.refresh_from_db()
    assert first.judge_score == Decimal("7.500") and first.rank == 1
    assert tie_a.rank == tie_b.rank == 2
    assert unscored.rank is None and unscored.judge_score is None
    with pytest.raises(errors.JudgingClosed):
        world.score(world.judge_one, unscored, 5, 5)


def test_results_are_hidden_until_published_then_awards_and_notices():
    world = World(max_team_size=2)
    winner = world.enter(world.alice, title="Winner", team_name="Pair", member_ids=[world.bob.pk])
    second = world.enter(world.carol, title="Second")
    world.score(world.judge_one, winner, 9, 9)
    world.score(world.judge_one, second, 4, 4)
    competition = selectors.competition_for(community=world.community, event=world.event)
    assert not selectors.may_see_results(competition=competition, membership=world.owner)
    with pytest.raises(errors.JudgingOpen):
        result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    competition = selectors.competition_for(community=world.community, event=world.event)
    assert selectors.may_see_results(competition=competition, membership=world.owner)
    assert not selectors.may_see_results(competition=competition, membership=world.alice)
    result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    awards = {(a.membership_id, a.rank) for a in Award.objects.all()}
    assert awards == {(world.alice.pk, 1), (world.bob.pk, 1), (world.carol.pk, 2)}
    notices = Notification.objects.filter(kind="competition.won")
    assert {n.recipient_id for n in notices} == {world.alice.user_id, world.bob.user_id, world.carol.user_id}
    assert notices.get(recipient=world.alice.user).params["place"] == 1
    with pytest.raises(errors.ResultsPublished):
        result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    listed = selectors.award_list(community=world.community, membership=world.alice, viewer=None)
    assert list(listed) == []  # a members-only event's award is not shown to an anonymous visitor
    assert (
        len(selectors.award_list(community=world.community, membership=world.alice, viewer=world.carol)) == 1
    )


def test_the_winners_notice_is_stored_as_a_kind_and_rendered_in_the_readers_language():
    world = World()
    entry = world.enter(world.alice, title="Lantern")
    world.score(world.judge_one, entry, 9, 9)
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    result_services.results_publish(actor=world.owner.user, community=world.community, event=world.event)
    notice = Notification.objects.get(kind="competition.won")
    assert notice.params == {"event": world.event.title, "place": 1, "entry": "Lantern"}
    with translation.override("en"):
        english, _body, _note = render(kind=notice.kind, params=notice.params, community_name="Guild")
    with translation.override("zh-hans"):
        chinese, _body, _note = render(kind=notice.kind, params=notice.params, community_name="Guild")
    assert "Lantern" in english and "Lantern" in chinese and english != chinese


def test_members_vote_once_never_for_their_own_entry():
    world = World(members_vote=True)
    own = world.enter(world.alice)
    other = world.enter(world.bob)
    with pytest.raises(errors.OwnEntryVote):
        vote_services.vote_cast(
            actor=world.alice.user, community=world.community, event=world.event, entry=own
        )
    vote_services.vote_cast(actor=world.alice.user, community=world.community, event=world.event, entry=other)
    with pytest.raises(errors.AlreadyVoted):
        vote_services.vote_cast(
            actor=world.alice.user, community=world.community, event=world.event, entry=other
        )
    other.refresh_from_db()
    assert other.vote_count == 1 and Vote.objects.count() == 1


def test_no_vote_unless_the_operators_open_one():
    world = World()
    entry = world.enter(world.alice)
    with pytest.raises(errors.VotingClosed):
        vote_services.vote_cast(
            actor=world.bob.user, community=world.community, event=world.event, entry=entry
        )


def test_members_cannot_manage_competitions():
    world = World()
    with pytest.raises(Forbidden):
        rule_services.criterion_create(
            actor=world.alice.user, community=world.community, event=world.event, name="X"
        )
    with pytest.raises(Forbidden):
        rule_services.judge_add(
            actor=world.alice.user, community=world.community, event=world.event, membership_id=world.bob.pk
        )
    with pytest.raises(Forbidden):
        judging_services.judging_close(actor=world.alice.user, community=world.community, event=world.event)


def test_a_judge_must_be_an_active_member_of_this_community():
    world = World()
    stranger = factories.member()
    left = factories.member(community=world.community, status="left")
    for membership_id in (stranger.pk, left.pk, world.judge_one.pk):
        with pytest.raises(errors.JudgeInvalid):
            rule_services.judge_add(
                actor=world.owner.user,
                community=world.community,
                event=world.event,
                membership_id=membership_id,
            )


def test_removing_a_judge_removes_their_scores():
    world = World()
    entry = world.enter(world.alice)
    world.score(world.judge_one, entry, 5, 5)
    rule_services.judge_remove(
        actor=world.owner.user, community=world.community, event=world.event, judge=world.judges[0]
    )
    assert not Score.objects.exists()


def test_entries_need_a_published_event():
    world = World()
    draft = make_event(world.community, status="draft", slug="draft-competition")
    with pytest.raises(errors.EntriesClosed):
        entry_services.entry_submit(
            actor=world.alice.user, community=world.community, event=draft, title="T", description="D"
        )


def test_entry_members_edit_until_the_deadline():
    world = World()
    entry = world.enter(world.alice)
    entry_services.entry_edit(actor=world.alice.user, community=world.community, entry=entry, title="Better")
    with pytest.raises(errors.NotInEntry):
        entry_services.entry_edit(
            actor=world.bob.user, community=world.community, entry=entry, title="Mine now"
        )
    entry.refresh_from_db()
    assert entry.title == "Better" and entry.edited_at is not None


def test_entries_are_frozen_once_judging_closes():
    """Closing judging ranks the entries as they are: none is added or edited afterwards, even before
    the entries' deadline."""
    world = World()
    entry = world.enter(world.alice)
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    with pytest.raises(errors.EntriesClosed):
        world.enter(world.bob, title="Too late")
    with pytest.raises(errors.EntriesClosed):
        entry_services.entry_edit(
            actor=world.alice.user, community=world.community, entry=entry, title="Renamed"
        )
    entry.refresh_from_db()
    assert Entry.objects.count() == 1 and entry.edited_at is None
