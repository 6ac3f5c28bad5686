"""The attendance API: check-in by registration id and by ticket code, the attendance list with search,
no-shows, feedback (mine, give, list, results); permissions by role, host, outsider and anonymous; bad
input; query counts of the lists."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from communities.roles import Role
from events.models import EventFeedback, Registration, RegistrationStatus
from tests import factories
from tests.events.attendance_helpers import host, make_event, past_event, register

pytestmark = pytest.mark.django_db


def api(name, event):
    return reverse(f"api:{name}", args=[event.community.slug, event.pk])


@pytest.fixture
def event(community):
    return make_event(community)


@pytest.fixture
def operator(community):
    return factories.member(community=community, role=Role.MODERATOR).user


def test_check_in_by_id_then_by_code_and_twice(api_client_for, community, event, operator):
    client = api_client_for(operator)
    first, second = register(event), register(event)
    response = client.post(api("event-check-in", event), {"registration_id": first.pk}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == first.pk and body["checked_in_at"] and body["checked_in_by"]["name"] == operator.name
    assert "ticket_code" not in body
    response = client.post(api("event-check-in", event), {"ticket_code": second.ticket_code}, format="json")
    assert response.status_code == 200 and response.json()["id"] == second.pk
    again = client.post(api("event-check-in", event), {"ticket_code": second.ticket_code}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "already_checked_in"
    event.refresh_from_db()
    assert event.attended_count == 2


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"registration_id": 1, "ticket_code": "abc"},
        {"registration_id": 0},
        {"registration_id": 2**63},
        {"ticket_code": "x" * 100},
        {"ticket_code": ""},
        {"registration_id": 1, "extra": 1},
    ],
)
def test_bad_bodies_are_400(api_client_for, event, operator, body):
    response = api_client_for(operator).post(api("event-check-in", event), body, format="json")
    assert response.status_code == 400


def test_not_registered_unconfirmed_and_other_communitys_registrations(
    api_client_for, community, event, operator
):
    client = api_client_for(operator)
    elsewhere = register(make_event(factories.CommunityFactory()))
    for body in (
        {"registration_id": elsewhere.pk},
        {"ticket_code": elsewhere.ticket_code},
        {"ticket_code": "nope"},
    ):
        response = client.post(api("event-check-in", event), body, format="json")
        assert response.status_code == 400 and response.json()["code"] == "ticket_not_found"
        assert set(response.json()["fields"]) <= {"registration_id", "ticket_code"}
    waitlisted = register(event, status=RegistrationStatus.WAITLISTED)
    response = client.post(api("event-check-in", event), {"registration_id": waitlisted.pk}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "registration_not_confirmed"
    other_event = make_event(factories.CommunityFactory())
    response = client.post(
        api("event-check-in", other_event).replace(other_event.community.slug, community.slug),
        {"registration_id": 1},
        format="json",
    )
    assert response.status_code == 404


def test_undo(api_client_for, event, operator):
    client = api_client_for(operator)
    registration = register(event)
    client.post(api("event-check-in", event), {"registration_id": registration.pk}, format="json")
    undone = client.post(
        api("event-check-in-undo", event), {"registration_id": registration.pk}, format="json"
    )
    assert undone.status_code == 200 and undone.json()["checked_in_at"] is None
    twice = client.post(
        api("event-check-in-undo", event), {"registration_id": registration.pk}, format="json"
    )
    assert twice.status_code == 409 and twice.json()["code"] == "not_checked_in"


def test_permissions_by_role_host_outsider_and_anonymous(api_client_for, community, event):
    registration = register(event)
    expectations = {Role.OWNER: 200, Role.ADMIN: 200, Role.MODERATOR: 200, Role.EXPERT: 403, Role.MEMBER: 403}
    for role, expected in expectations.items():
        client = api_client_for(factories.member(community=community, role=role).user)
        assert client.get(api("event-attendance-list", event)).status_code == expected, role
        assert client.get(api("event-no-shows", event)).status_code == expected, role
    hosting = api_client_for(host(event).user)
    assert hosting.get(api("event-attendance-list", event)).status_code == 200
    response = hosting.post(api("event-check-in", event), {"registration_id": registration.pk}, format="json")
    assert response.status_code == 200
    other_host = api_client_for(host(make_event(community)).user)
    assert other_host.get(api("event-attendance-list", event)).status_code == 403
    outsider = api_client_for(factories.member(community=factories.CommunityFactory(), role=Role.OWNER).user)
    assert outsider.get(api("event-attendance-list", event)).status_code in (403, 404)
    assert api_client_for(None).get(api("event-attendance-list", event)).status_code in (401, 403)
    member = api_client_for(factories.member(community=community).user)
    refused = member.post(api("event-check-in", event), {"registration_id": registration.pk}, format="json")
    assert refused.status_code == 403


def test_the_list_searches_paginates_and_costs_the_same(api_client_for, community, operator):
    event = past_event(community)
    client = api_client_for(operator)
    register(event, factories.member(community=community, user=factories.UserFactory(display_name="Ada")))
    register(event, status=RegistrationStatus.WAITLISTED)
    listed = client.get(api("event-attendance-list", event)).json()
    assert listed["count"] == 1
    assert client.get(api("event-attendance-list", event) + "?search=ad").json()["count"] == 1
    assert client.get(api("event-attendance-list", event) + "?search=zz").json()["count"] == 0
    assert client.get(api("event-attendance-list", event) + "?search=" + "x" * 101).status_code == 400

    def queries(name, query=""):
        client.get(api(name, event) + query)  # the day's visit and the community's cached row
        with CaptureQueriesContext(connection) as captured:
            assert client.get(api(name, event) + query).status_code == 200
        return len(captured)

    names = [("event-attendance-list", ""), ("event-attendance-list", "?search=a"), ("event-no-shows", ""),
             ("event-feedback-list", ""), ("event-feedback-results", "")]  # fmt: skip
    owner = factories.member(community=community, role=Role.OWNER).user
    client = api_client_for(owner)
    first = register(event, checked_in_at=timezone.now())
    EventFeedback.objects.create(community=community, event=event, membership=first.membership, rating=3)
    few = [queries(*name) for name in names]
    for n in range(5):
        attendee = register(
            event,
            factories.member(community=community, user=factories.UserFactory(display_name=f"Ann {n}")),
            checked_in_at=timezone.now(),
        )
        register(event)
        EventFeedback.objects.create(
            community=community, event=event, membership=attendee.membership, rating=4
        )
    assert [queries(*name) for name in names] == few


def test_no_shows_after_the_end(api_client_for, community, operator):
    event = past_event(community)
    register(event, checked_in_at=timezone.now())
    missing = register(event)
    body = api_client_for(operator).get(api("event-no-shows", event)).json()
    assert [row["id"] for row in body["results"]] == [missing.pk]
    upcoming = make_event(community)
    register(upcoming)
    assert api_client_for(operator).get(api("event-no-shows", upcoming)).json()["count"] == 0


def test_feedback_through_the_api(api_client_for, community):
    event = past_event(community)
    user = register(event, checked_in_at=event.starts_at).membership.user
    client = api_client_for(user)
    mine = client.get(api("event-feedback-mine", event)).json()
    assert mine == {"may_give": True, "feedback": None}
    given = client.put(api("event-feedback-mine", event), {"rating": 4, "comments": "Nice"}, format="json")
    assert given.status_code == 200 and given.json()["feedback"]["rating"] == 4
    edited = client.put(api("event-feedback-mine", event), {"rating": 2}, format="json")
    assert edited.json()["feedback"]["rating"] == 2 and EventFeedback.objects.count() == 1
    for bad in ({}, {"rating": 0}, {"rating": 6}, {"rating": "five"}, {"rating": 3, "comments": "x" * 5001}):
        assert client.put(api("event-feedback-mine", event), bad, format="json").status_code == 400

    no_show = api_client_for(register(event).membership.user)
    assert no_show.get(api("event-feedback-mine", event)).json()["may_give"] is False
    refused = no_show.put(api("event-feedback-mine", event), {"rating": 5}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "feedback_attendees_only"
    running = make_event(community, starts_in=-timedelta(hours=1), hours=3)
    early = api_client_for(register(running, checked_in_at=timezone.now()).membership.user)
    refused = early.put(api("event-feedback-mine", running), {"rating": 5}, format="json")
    assert refused.status_code == 409 and refused.json()["code"] == "feedback_not_open"

    owner = api_client_for(factories.member(community=community, role=Role.OWNER).user)
    results = owner.get(api("event-feedback-results", event)).json()
    assert results["count"] == 1 and results["average"] == 2.0 and results["attended"] == 1
    assert [row["rating"] for row in results["distribution"]] == [5, 4, 3, 2, 1]
    listed = owner.get(api("event-feedback-list", event)).json()
    assert listed["results"][0]["member"]["name"] == user.name
    for role in (Role.MODERATOR, Role.MEMBER):
        reader = api_client_for(factories.member(community=community, role=role).user)
        assert reader.get(api("event-feedback-results", event)).status_code == 403
        assert reader.get(api("event-feedback-list", event)).status_code == 403
    assert api_client_for(host(event).user).get(api("event-feedback-results", event)).status_code == 200
    assert Registration.objects.filter(event=event).count() == 2
