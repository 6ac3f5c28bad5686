"""Competitions and projects under concurrent requests: a team never outgrows its size, a member votes
once and takes a vote back once, a disqualification racing votes leaves no vote behind, a double-tapped
entry is one entry; every loser gets the sequential answer (never a 500).

POSTGRESQL ONLY (SQLite serialises writes): each thread has its own connection and commits for real.
"""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from events.models import Entry, EventKind, ProjectMember, Vote
from events.services import projects as project_services
from events.services.competitions import votes as vote_services
from tests import factories
from tests.events.competition_helpers import World, make_event, propose, url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite serialises writes"),
]
TAPS = 4


def fire(requests: list[tuple], method: str = "post") -> list[int]:
    barrier = threading.Barrier(len(requests))
    codes: list[int] = []

    def tap(user, target, body):
        client = APIClient()
        client.force_authenticate(user)
        try:
            barrier.wait()
            codes.append(getattr(client, method)(target, body, format="json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap, args=request) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


def test_members_joining_at_once_never_overfill_a_team():
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner")
    event = make_event(community, EventKind.PROJECT)
    project_services.collaboration_update(actor=owner.user, community=community, event=event, max_team_size=3)
    project = propose(community, event, factories.member(community=community))
    joiners = [factories.member(community=community) for _ in range(TAPS + 2)]
    codes = fire([(m.user, url("project-team", event, project_id=project.pk), {}) for m in joiners])
    assert sorted(codes) == [201, 201] + [409] * TAPS
    project.refresh_from_db()
    assert project.member_count == 3 == ProjectMember.objects.filter(project=project).count()


def test_a_double_tapped_vote_is_one_vote():
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    codes = fire([(world.bob.user, url("entry-vote", world.event, entry_id=entry.pk), {})] * TAPS)
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    entry.refresh_from_db()
    assert entry.vote_count == 1 == Vote.objects.count()


def test_a_double_tapped_retraction_takes_back_one_vote():
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    vote_services.vote_cast(actor=world.bob.user, community=world.community, event=world.event, entry=entry)
    codes = fire([(world.bob.user, url("vote-mine", world.event), None)] * TAPS, method="delete")
    assert sorted(codes) == [204] + [409] * (TAPS - 1)
    entry.refresh_from_db()
    assert entry.vote_count == 0 == Vote.objects.count()


def test_votes_racing_a_disqualification_leave_the_count_exact():
    """Members vote while the operators disqualify the entry: every vote is either refused or removed."""
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    voters = [factories.member(community=world.community) for _ in range(TAPS - 1)]
    requests = [(voter.user, url("entry-vote", world.event, entry_id=entry.pk), {}) for voter in voters]
    requests.append(
        (world.owner.user, url("entry-disqualify", world.event, entry_id=entry.pk), {"reason": "Late."})
    )
    codes = fire(requests)
    assert 500 not in codes and codes.count(200) == 1
    entry.refresh_from_db()
    assert entry.is_withdrawn and entry.vote_count == 0 == Vote.objects.count()


def test_a_double_tapped_entry_is_one_entry():
    world = World()
    body = {"title": "Once", "description": "Only once."}
    codes = fire([(world.alice.user, url("entry-list", world.event), body)] * TAPS)
    assert sorted(codes) == [201] + [409] * (TAPS - 1)
    assert Entry.objects.count() == 1
