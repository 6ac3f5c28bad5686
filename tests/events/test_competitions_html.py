"""Competition and project pages: the event page's sections, entering, scoring, the operators' page,
voting, projects; refusals as form errors or flashes, never a 500; the profile's awards."""

import pytest
from django.urls import reverse

from events.models import Entry, EventKind, ProjectUpdate, Score
from events.services.competitions import judging as judging_services
from tests import factories
from tests.events.competition_helpers import World, make_event, page, png, propose

pytestmark = pytest.mark.django_db


def test_the_event_page_shows_entries_and_the_enter_button(client):
    world = World()
    world.enter(world.alice, title="Glass harbour")
    client.force_login(world.bob.user)
    response = client.get(page("detail", world.event))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Glass harbour" in html and page("entry-submit", world.event) in html
    assert page("competition-manage", world.event) not in html


def test_entering_through_the_form(client):
    world = World(max_team_size=2)
    client.force_login(world.alice.user)
    assert client.get(page("entry-submit", world.event)).status_code == 200
    response = client.post(
        page("entry-submit", world.event),
        {
            "title": "Pier",
            "description": "Long exposure.",
            "images": [png()],
            "team_name": "Duo",
            "member_ids": [world.bob.pk],
        },
    )
    entry = Entry.objects.get()
    assert response.status_code == 302 and entry.member_count == 2
    again = client.post(page("entry-submit", world.event), {"title": "Again", "description": "x"})
    assert again.status_code == 200 and "already" in again.content.decode().lower()


def test_a_judge_scores_from_the_entry_page_and_a_bad_score_is_a_form_error(client):
    world = World()
    entry = world.enter(world.alice)
    client.force_login(world.judge_one.user)
    target = page("entry", world.event, entry_id=entry.pk)
    assert "value_" in client.get(target).content.decode()
    bad = client.post(target, {f"value_{world.craft.pk}": "11", f"value_{world.idea.pk}": "5"})
    assert bad.status_code == 200 and not Score.objects.exists()
    good = client.post(target, {f"value_{world.craft.pk}": "8", f"value_{world.idea.pk}": "5"})
    assert good.status_code == 302 and Score.objects.count() == 2


def test_a_judge_sees_no_form_on_their_own_entry_and_posting_is_refused(client):
    world = World()
    entry = world.enter(world.judge_one)
    client.force_login(world.judge_one.user)
    target = page("entry", world.event, entry_id=entry.pk)
    assert "value_" not in client.get(target).content.decode()
    response = client.post(target, {f"value_{world.craft.pk}": "8", f"value_{world.idea.pk}": "5"})
    assert response.status_code == 200 and not Score.objects.exists()


def test_the_operators_page_runs_judging_to_published_results_and_awards_on_profiles(client):
    world = World()
    entry = world.enter(world.alice, title="Winner")
    world.score(world.judge_one, entry, 9, 9)
    client.force_login(world.owner.user)
    manage = page("competition-manage", world.event)
    assert client.get(manage).status_code == 200
    assert (
        client.post(page("criterion-add", world.event), {"name": "Story", "weight": "2"}).status_code == 302
    )
    assert client.post(page("judging-close", world.event)).status_code == 302
    assert "Winner" in client.get(manage).content.decode()
    assert client.post(page("results-publish", world.event)).status_code == 302
    profile = reverse(
        "members:profile", kwargs={"slug": world.community.slug, "membership_id": world.alice.pk}
    )
    client.force_login(world.bob.user)
    html = client.get(profile).content.decode()
    assert "Awards" in html and world.event.title in html


def test_members_may_not_open_the_operators_page(client):
    world = World()
    client.force_login(world.alice.user)
    assert client.get(page("competition-manage", world.event)).status_code == 403
    client.logout()
    assert client.get(page("competition-manage", world.event)).status_code == 302  # to the login page


def test_voting_from_the_event_page(client):
    world = World(members_vote=True)
    entry = world.enter(world.alice)
    client.force_login(world.bob.user)
    assert (
        page("entry-vote", world.event, entry_id=entry.pk)
        in client.get(page("detail", world.event)).content.decode()
    )
    assert client.post(page("entry-vote", world.event, entry_id=entry.pk)).status_code == 302
    entry.refresh_from_db()
    assert entry.vote_count == 1
    again = client.post(page("entry-vote", world.event, entry_id=entry.pk), follow=True)
    assert again.status_code == 200 and entry.vote_count == 1


def test_projects_on_the_event_page_and_their_own(client):
    community = factories.CommunityFactory()
    event = make_event(community, EventKind.PROJECT)
    ana, ben = factories.member(community=community), factories.member(community=community)
    project = propose(community, event, ana, title="Tide tables")
    client.force_login(ben.user)
    html = client.get(page("detail", event)).content.decode()
    assert "Tide tables" in html and ana.user.name in html
    assert client.post(page("project-join", event, project_id=project.pk)).status_code == 302
    detail = page("project", event, project_id=project.pk)
    assert client.post(detail, {"body": "We started."}).status_code == 302
    assert ProjectUpdate.objects.get().body == "We started."
    assert "We started." in client.get(page("detail", event)).content.decode()
    empty = client.post(detail, {"body": ""})
    assert empty.status_code == 200 and ProjectUpdate.objects.count() == 1
    assert client.get(page("project-propose", event)).status_code == 200


def test_another_communitys_entry_is_a_404(client):
    world, other = World(), World()
    entry = other.enter(other.alice)
    client.force_login(world.alice.user)
    assert client.get(page("entry", world.event, entry_id=entry.pk)).status_code == 404


def test_entries_after_closing_judging_cannot_be_scored(client):
    world = World()
    entry = world.enter(world.alice)
    judging_services.judging_close(actor=world.owner.user, community=world.community, event=world.event)
    client.force_login(world.judge_one.user)
    target = page("entry", world.event, entry_id=entry.pk)
    assert "value_" not in client.get(target).content.decode()
