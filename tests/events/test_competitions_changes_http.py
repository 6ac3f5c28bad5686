"""Reopening judging, withdrawing and disqualifying entries and retracting a vote (decision 0030) over
the API and the pages: who may, the codes of refusals, bad input as 400 with its field or a form error,
withdrawn entries hidden from all but the operators and their members, a pinned cost for the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from communities.models import Notification
from events.models import Entry, Vote
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from tests import factories
from tests.events.competition_helpers import World, page, url

pytestmark = pytest.mark.django_db


def disqualify(world, entry, reason="Off topic."):
    entry_services.entry_disqualify(
        actor=world.owner.user, community=world.community, entry=entry, reason=reason
    )


# --- API ------------------------------------------------------------------------------------------------


def test_reopening_judging_over_the_api(api_client_for):
    world = World()
    owner = api_client_for(world.owner.user)
    target = url("competition-reopen-judging", world.event)
    refused = owner.post(target)
    assert refused.status_code == 409 and refused.json()["code"] == "judging_not_closed"
    owner.post(url("competition-close-judging", world.event))
    for user in (world.alice.user, world.judge_one.user):
        assert api_client_for(user).post(target).status_code == 403
    assert api_client_for().post(target).status_code in (401, 403)
    response = owner.post(target)
    assert response.status_code == 200 and response.json()["judging_closed"] is False
    owner.post(url("competition-close-judging", world.event))
    owner.post(url("competition-publish", world.event))
    final = owner.post(target)
    assert final.status_code == 409 and final.json()["code"] == "results_published"


def test_an_entrant_withdraws_over_the_api_and_the_entry_leaves_the_list(api_client_for):
    world = World()
    entry = world.enter(world.alice)
    assert (
        api_client_for(world.bob.user)
        .post(url("entry-withdraw", world.event, entry_id=entry.pk))
        .json()["code"]
        == "not_in_entry"
    )
    response = api_client_for(world.alice.user).post(url("entry-withdraw", world.event, entry_id=entry.pk))
    assert response.status_code == 200, response.json()
    assert response.json()["withdrawn_at"] and response.json()["disqualified"] is False
    assert api_client_for(world.bob.user).get(url("entry-list", world.event)).json()["results"] == []
    assert (
        api_client_for(world.bob.user).get(url("entry-detail", world.event, entry_id=entry.pk)).status_code
        == 404
    )
    assert (
        api_client_for(world.alice.user).get(url("entry-detail", world.event, entry_id=entry.pk)).status_code
        == 200
    )
    again = api_client_for(world.alice.user).post(url("entry-withdraw", world.event, entry_id=entry.pk))
    assert again.status_code == 409 and again.json()["code"] == "entry_withdrawn"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "reason"),
        ({"reason": ""}, "reason"),
        ({"reason": "x" * 501}, "reason"),
        ({"reason": "ok", "x": 1}, "x"),
    ],
)
def test_a_bad_disqualification_is_a_400_with_the_field(api_client_for, body, field):
    world = World()
    entry = world.enter(world.alice)
    response = api_client_for(world.owner.user).post(
        url("entry-disqualify", world.event, entry_id=entry.pk), body, format="json"
    )
    assert response.status_code == 400 and field in response.json()["fields"]
    assert not Entry.objects.get(pk=entry.pk).is_withdrawn


def test_operators_disqualify_and_list_withdrawn_entries_others_may_not(api_client_for):
    world = World()
    entry = world.enter(world.alice)
    target = url("entry-disqualify", world.event, entry_id=entry.pk)
    assert api_client_for(world.bob.user).post(target, {"reason": "No."}, format="json").status_code == 403
    assert api_client_for(world.bob.user).get(url("entry-withdrawn-list", world.event)).status_code == 403
    response = api_client_for(world.owner.user).post(target, {"reason": "Copied work."}, format="json")
    assert response.status_code == 200
    assert response.json()["disqualified"] is True and response.json()["withdrawal_reason"] == "Copied work."
    assert Notification.objects.filter(
        kind="competition.entry_disqualified", recipient=world.alice.user
    ).exists()
    listed = api_client_for(world.owner.user).get(url("entry-withdrawn-list", world.event)).json()["results"]
    assert [item["id"] for item in listed] == [entry.pk]


def test_the_withdrawn_list_costs_the_same_whatever_its_size(api_client_for):
    world = World()
    client = api_client_for(world.owner.user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("entry-withdrawn-list", world.event)).status_code == 200
        return len(queries)

    disqualify(world, world.enter(world.alice))
    count()  # the first visit of the day is recorded once
    few = count()
    for _ in range(4):
        disqualify(world, world.enter(factories.member(community=world.community)))
    assert count() == few


def test_a_vote_is_retracted_over_the_api_and_cast_again(api_client_for):
    world = World(members_vote=True)
    first, second = world.enter(world.alice), world.enter(world.bob)
    client = api_client_for(world.carol.user)
    nothing = client.delete(url("vote-mine", world.event))
    assert nothing.status_code == 409 and nothing.json()["code"] == "no_vote"
    assert client.post(url("entry-vote", world.event, entry_id=first.pk)).status_code == 201
    assert client.delete(url("vote-mine", world.event)).status_code == 204
    assert client.get(url("vote-mine", world.event)).json()["entry"] is None
    assert client.post(url("entry-vote", world.event, entry_id=second.pk)).status_code == 201
    assert Entry.objects.get(pk=first.pk).vote_count == 0 and Entry.objects.get(pk=second.pk).vote_count == 1
    assert api_client_for().delete(url("vote-mine", world.event)).status_code in (401, 403)


def test_a_withdrawn_entry_cannot_be_voted_for_over_the_api(api_client_for):
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    disqualify(world, entry)
    assert (
        api_client_for(world.bob.user).post(url("entry-vote", world.event, entry_id=entry.pk)).status_code
        == 404
    )
    assert not Vote.objects.exists()


# --- Pages ----------------------------------------------------------------------------------------------


def test_the_operators_reopen_judging_from_their_page(client):
    world = World()
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    client.force_login(world.owner.user)
    manage = page("competition-manage", world.event)
    assert page("judging-reopen", world.event) in client.get(manage).content.decode()
    assert client.post(page("judging-reopen", world.event)).status_code == 302
    html = client.get(manage).content.decode()
    assert page("judging-close", world.event) in html and page("judging-reopen", world.event) not in html
    again = client.post(page("judging-reopen", world.event), follow=True)
    assert again.status_code == 200 and "nothing to reopen" in again.content.decode()
    client.force_login(world.alice.user)
    assert client.post(page("judging-reopen", world.event)).status_code == 403


def test_an_entrant_withdraws_from_the_entry_page(client):
    world = World()
    entry = world.enter(world.alice)
    target = page("entry", world.event, entry_id=entry.pk)
    client.force_login(world.bob.user)
    assert page("entry-withdraw", world.event, entry_id=entry.pk) not in client.get(target).content.decode()
    client.force_login(world.alice.user)
    assert page("entry-withdraw", world.event, entry_id=entry.pk) in client.get(target).content.decode()
    assert client.post(page("entry-withdraw", world.event, entry_id=entry.pk)).status_code == 302
    assert "withdrawn by its members" in client.get(target).content.decode()
    assert "withdrawn from the competition" in client.get(page("detail", world.event)).content.decode()
    client.force_login(world.bob.user)
    assert client.get(target).status_code == 404
    assert entry.title not in client.get(page("detail", world.event)).content.decode()


def test_operators_disqualify_from_a_form_and_see_the_record(client):
    world = World()
    entry = world.enter(world.alice, title="Borrowed")
    client.force_login(world.owner.user)
    form = page("entry-disqualify", world.event, entry_id=entry.pk)
    assert form in client.get(page("entry", world.event, entry_id=entry.pk)).content.decode()
    empty = client.post(form, {"reason": ""})
    assert empty.status_code == 200 and empty.context["form"].errors["reason"]
    assert client.post(form, {"reason": "Not the author's work."}).status_code == 302
    html = client.get(page("competition-manage", world.event)).content.decode()
    assert "Borrowed" in html and "Not the author&#x27;s work." in html
    twice = client.post(form, {"reason": "Again."})
    assert twice.status_code == 200 and twice.context["form"].non_field_errors()
    client.force_login(world.bob.user)
    assert client.get(form).status_code == 403


def test_a_member_takes_back_their_vote_from_the_event_page(client):
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    client.force_login(world.bob.user)
    retract = page("competition-vote-retract", world.event)
    assert retract not in client.get(page("detail", world.event)).content.decode()
    client.post(page("entry-vote", world.event, entry_id=entry.pk))
    assert retract in client.get(page("detail", world.event)).content.decode()
    assert client.post(retract).status_code == 302
    assert Entry.objects.get(pk=entry.pk).vote_count == 0 and not Vote.objects.exists()
    nothing = client.post(retract, follow=True)
    assert nothing.status_code == 200 and "You have not voted" in nothing.content.decode()
