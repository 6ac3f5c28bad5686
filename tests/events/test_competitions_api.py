"""Competitions and projects over the API: permissions by role, judge, entrant, outsider and anonymous;
bad input as 400/409 with codes; blind scores; pinned query counts on the lists."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import EventKind, Score
from events.services.competitions import judging as judging_services
from tests import factories
from tests.events.competition_helpers import World, make_event, png, propose, url

pytestmark = pytest.mark.django_db


def scores_body(world, craft=7, idea=5):
    return {
        "scores": [{"criterion": world.craft.pk, "value": craft}, {"criterion": world.idea.pk, "value": idea}]
    }


def test_a_member_enters_through_the_api_with_images(api_client_for):
    world = World()
    client = api_client_for(world.alice.user)
    response = client.post(
        url("entry-list", world.event),
        {"title": "Dawn", "description": "Shot at dawn.", "images": [png()]},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "Dawn" and len(body["images"]) == 1
    assert body["rank"] is None and body["judge_score"] is None
    assert body["members"][0]["membership_id"] == world.alice.pk


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "", "description": "x"}, "title"),
        ({"title": "T", "description": "x", "link": "not a link"}, "link"),
        ({"title": "T", "description": "x", "rank": 1}, "rank"),
        ({"title": "T", "description": "x", "member_ids": [0]}, "member_ids"),
    ],
)
def test_bad_entries_are_400_with_the_field(api_client_for, body, field):
    world = World()
    response = api_client_for(world.alice.user).post(url("entry-list", world.event), body, format="json")
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_entries_after_the_deadline_are_refused(api_client_for):
    world = World(entries_close_at=timezone.now() - timedelta(hours=1))
    response = api_client_for(world.alice.user).post(
        url("entry-list", world.event), {"title": "Late", "description": "x"}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "entries_closed"


def test_scores_a_judge_sees_only_their_own(api_client_for):
    world = World()
    entry = world.enter(world.alice)
    one, two = api_client_for(world.judge_one.user), api_client_for(world.judge_two.user)
    assert (
        one.put(
            url("entry-scores", world.event, entry_id=entry.pk), scores_body(world), format="json"
        ).status_code
        == 200
    )
    assert (
        two.put(
            url("entry-scores", world.event, entry_id=entry.pk), scores_body(world, 1, 1), format="json"
        ).status_code
        == 200
    )
    mine = one.get(url("score-mine", world.event)).json()["results"]
    assert sorted(item["value"] for item in mine) == [5, 7]
    assert Score.objects.count() == 4
    # members, entrants and operators who are not judges read no scores at all
    for user in (world.alice.user, world.bob.user, world.owner.user):
        response = api_client_for(user).get(url("score-mine", world.event))
        assert response.status_code == 200 and response.json()["results"] == []
        refused = api_client_for(user).put(
            url("entry-scores", world.event, entry_id=entry.pk), scores_body(world), format="json"
        )
        assert refused.status_code == 400 and refused.json()["code"] == "not_a_judge"
    assert api_client_for().get(url("score-mine", world.event)).status_code in (401, 403)


@pytest.mark.parametrize(("craft", "idea"), [(11, 5), (-1, 5), (5, None)])
def test_scores_out_of_range_are_400(api_client_for, craft, idea):
    world = World()
    entry = world.enter(world.alice)
    body = {"scores": [{"criterion": world.craft.pk, "value": craft}]}
    if idea is not None:
        body["scores"].append({"criterion": world.idea.pk, "value": idea})
    response = api_client_for(world.judge_one.user).put(
        url("entry-scores", world.event, entry_id=entry.pk), body, format="json"
    )
    assert response.status_code == 400
    assert not Score.objects.exists()


def test_scoring_ones_own_entry_is_a_400(api_client_for):
    world = World()
    entry = world.enter(world.judge_one)
    response = api_client_for(world.judge_one.user).put(
        url("entry-scores", world.event, entry_id=entry.pk), scores_body(world), format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "conflict_of_interest"


def test_another_communitys_ids_are_404_or_400(api_client_for):
    world, other = World(), World()
    entry = other.enter(other.alice)
    client = api_client_for(world.judge_one.user)
    assert (
        client.put(
            url("entry-scores", world.event, entry_id=entry.pk), scores_body(world), format="json"
        ).status_code
        == 404
    )
    assert client.get(url("entry-list", other.event)).status_code == 404  # not a member there
    body = {"scores": [{"criterion": other.craft.pk, "value": 5}, {"criterion": world.idea.pk, "value": 5}]}
    own = world.enter(world.alice)
    response = client.put(url("entry-scores", world.event, entry_id=own.pk), body, format="json")
    assert response.status_code == 400 and response.json()["code"] == "scores_invalid"
    judge = api_client_for(world.owner.user).post(
        url("judge-list", world.event), {"membership": other.bob.pk}, format="json"
    )
    assert judge.status_code == 400 and judge.json()["code"] == "judge_invalid"


def test_operators_manage_members_and_anonymous_may_not(api_client_for):
    world = World()
    body = {"name": "Originality", "weight": 2}
    for user in (world.alice.user, world.judge_one.user):
        assert (
            api_client_for(user)
            .post(url("competition-criterion-list", world.event), body, format="json")
            .status_code
            == 403
        )
    assert api_client_for().post(
        url("competition-criterion-list", world.event), body, format="json"
    ).status_code in (401, 403)
    response = api_client_for(world.owner.user).post(
        url("competition-criterion-list", world.event), body, format="json"
    )
    assert response.status_code == 201 and response.json()["weight"] == 2
    assert (
        api_client_for(world.owner.user)
        .post(url("competition-criterion-list", world.event), {"name": "Heavy", "weight": 101}, format="json")
        .status_code
        == 400
    )


def test_the_leaderboard_is_empty_until_published(api_client_for):
    world = World(members_vote=True)
    first, second = world.enter(world.alice, title="A"), world.enter(world.bob, title="B")
    world.score(world.judge_one, first, 9, 9)
    world.score(world.judge_one, second, 3, 3)
    owner = api_client_for(world.owner.user)
    assert owner.post(url("competition-publish", world.event)).json()["code"] == "judging_open"
    assert owner.post(url("competition-close-judging", world.event)).status_code == 200
    member = api_client_for(world.carol.user)
    assert member.get(url("competition-leaderboard", world.event)).json()["results"] == []
    preview = owner.get(url("competition-leaderboard", world.event)).json()["results"]
    assert [item["title"] for item in preview] == ["A", "B"]
    assert owner.post(url("competition-publish", world.event)).status_code == 200
    board = member.get(url("competition-leaderboard", world.event)).json()["results"]
    assert [(item["title"], item["rank"], item["judge_score"]) for item in board] == [
        ("A", 1, "9.000"),
        ("B", 2, "3.000"),
    ]


def test_votes_one_per_member_never_for_oneself(api_client_for):
    world = World(members_vote=True)
    own, other = world.enter(world.alice), world.enter(world.bob)
    client = api_client_for(world.alice.user)
    assert client.post(url("entry-vote", world.event, entry_id=own.pk)).json()["code"] == "own_entry_vote"
    assert client.get(url("vote-mine", world.event)).json()["entry"] is None
    assert client.post(url("entry-vote", world.event, entry_id=other.pk)).status_code == 201
    again = client.post(url("entry-vote", world.event, entry_id=other.pk))
    assert again.status_code == 409 and again.json()["code"] == "already_voted"
    assert client.get(url("vote-mine", world.event)).json()["entry"] == other.pk
    assert api_client_for().post(url("entry-vote", world.event, entry_id=other.pk)).status_code in (401, 403)


def test_a_meetup_is_not_a_competition(api_client_for):
    world = World()
    meetup = make_event(world.community, EventKind.MEETUP, slug="meetup")
    response = api_client_for(world.alice.user).get(url("entry-list", meetup))
    assert response.status_code == 404 and response.json()["code"] == "competition_not_found"
    response = api_client_for(world.alice.user).get(url("project-list", meetup))
    assert response.status_code == 404 and response.json()["code"] == "collaboration_not_found"


def test_the_entry_list_costs_the_same_whatever_its_size(api_client_for):
    world = World(max_team_size=2)
    client = api_client_for(world.carol.user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("entry-list", world.event)).status_code == 200
        return len(queries)

    world.enter(world.alice, team_name="Pair", member_ids=[world.bob.pk], images=[png()])
    count()  # the first visit of the day is recorded once (communities.visits)
    few = count()
    for _ in range(4):
        world.enter(factories.member(community=world.community), images=[png()])
    assert count() == few


def test_the_project_list_costs_the_same_whatever_its_size(api_client_for):
    world = World()
    event = make_event(world.community, EventKind.PROJECT, slug="hack")
    client = api_client_for(world.carol.user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("project-list", event)).status_code == 200
        return len(queries)

    propose(world.community, event, world.alice)
    count()  # the first visit of the day is recorded once (communities.visits)
    few = count()
    for _ in range(4):
        propose(world.community, event, factories.member(community=world.community))
    assert count() == few


def test_projects_over_the_api(api_client_for):
    world = World()
    event = make_event(world.community, EventKind.PROJECT, slug="hack")
    owner = api_client_for(world.owner.user)
    assert (
        owner.put(url("collaboration-detail", event), {"max_team_size": 2}, format="json").status_code == 200
    )
    assert (
        owner.put(url("collaboration-detail", event), {"max_team_size": 0}, format="json").status_code == 400
    )
    alice = api_client_for(world.alice.user)
    created = alice.post(url("project-list", event), {"title": "Map", "description": "A map"}, format="json")
    assert created.status_code == 201
    project_id = created.json()["id"]
    assert (
        api_client_for(world.bob.user).post(url("project-team", event, project_id=project_id)).status_code
        == 201
    )
    full = api_client_for(world.carol.user).post(url("project-team", event, project_id=project_id))
    assert full.status_code == 409 and full.json()["code"] == "team_full"
    update = alice.post(
        url("project-update-list", event, project_id=project_id), {"body": "Day one"}, format="json"
    )
    assert update.status_code == 201
    outsider = api_client_for(world.carol.user).post(
        url("project-update-list", event, project_id=project_id), {"body": "Hi"}, format="json"
    )
    assert outsider.status_code == 400 and outsider.json()["code"] == "not_in_team"
    team = alice.get(url("project-team", event, project_id=project_id)).json()
    assert [m["membership_id"] for m in team] == [world.alice.pk, world.bob.pk]
    showcase = alice.post(
        url("project-showcase", event, project_id=project_id),
        {"description": "Shipped", "link": "https://example.com/map"},
        format="json",
    )
    assert showcase.status_code == 200 and showcase.json()["showcased"] is True
    updates = api_client_for().get(url("project-update-list", event, project_id=project_id))
    assert updates.status_code == 404  # a members-only event: hidden from anonymous visitors


def test_judges_are_appointed_and_told(api_client_for):
    world = World()
    response = api_client_for(world.owner.user).post(
        url("judge-list", world.event), {"membership": world.carol.pk}, format="json"
    )
    assert response.status_code == 201 and response.json()["membership_id"] == world.carol.pk
    again = api_client_for(world.owner.user).post(
        url("judge-list", world.event), {"membership": world.carol.pk}, format="json"
    )
    assert again.status_code == 400
    from communities.models import Notification

    assert Notification.objects.filter(recipient=world.carol.user, kind="competition.judge").exists()
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    closed = api_client_for(world.owner.user).post(
        url("judge-list", world.event), {"membership": world.bob.pk}, format="json"
    )
    assert closed.status_code == 409 and closed.json()["code"] == "judging_closed"


def test_visitors_of_a_public_competition_read_entries_without_members_names(api_client_for):
    world = World()
    world.event.visibility = "public"
    world.event.save()
    world.enter(world.alice, title="Open air")
    anonymous = api_client_for().get(url("entry-list", world.event)).json()["results"]
    assert anonymous[0]["title"] == "Open air"
    assert anonymous[0]["members"] == [] and anonymous[0]["submitted_by"] is None
    member = api_client_for(world.bob.user).get(url("entry-list", world.event)).json()["results"]
    assert member[0]["submitted_by"] == world.alice.user.username


def test_another_communitys_event_is_a_404_before_the_body_is_read(api_client_for):
    world, other = World(), World()
    target = reverse(
        "api:competition-criterion-list",
        kwargs={"community_slug": world.community.slug, "event_id": other.event.pk},
    )
    response = api_client_for(world.owner.user).post(target, {}, format="json")
    assert response.status_code == 404 and response.json()["code"] == "competition_not_found"
