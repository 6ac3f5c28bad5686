"""An event's hosts manage their own event through the API as they do on the site: a plain member who
hosts the event edits, publishes and cancels it, manages its questions and registrations (list, CSV,
approve, decline) and checks members in; a member who does not host it is refused (403), another
community's event is a 404 and a host who left the community is refused."""

import pytest
from django.urls import reverse

from communities.roles import MembershipStatus
from events.models import Event, Registration
from events.services import registrations as registration_services
from tests import factories
from tests.api.helpers import assert_error
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


@pytest.fixture
def hosted(community, owner):
    """An event needing approval, hosted by a plain member, with one pending registration."""
    host = factories.member(community=community)
    event = make_event(community, owner, capacity=5, requires_approval=True, host_ids=[host.pk])
    member = factories.member(community=community)
    registration = registration_services.registration_create(
        actor=member.user, community=community, event=event
    )
    return host, event, registration


def test_a_host_edits_their_event_and_approves_a_registration(api_client_for, community, hosted):
    host, event, registration = hosted
    client = api_client_for(host.user)
    edited = client.patch(
        api("event-detail", community, event_id=event.pk), {"title": "Night walk"}, format="json"
    )
    assert edited.status_code == 200, edited.content
    assert edited.json()["title"] == "Night walk" and Event.objects.get(pk=event.pk).title == "Night walk"
    listed = client.get(api("event-registration-list", community, event_id=event.pk))
    assert [row["id"] for row in listed.json()["results"]] == [registration.pk]
    approved = client.post(
        api("event-registration-approve", community, event_id=event.pk, registration_id=registration.pk)
    )
    assert approved.status_code == 200 and approved.json()["status"] == "confirmed"
    export = client.get(
        api("event-registration-export", community, event_id=event.pk), HTTP_ACCEPT="text/csv"
    )
    assert export.status_code == 200
    declined = client.post(
        api("event-registration-decline", community, event_id=event.pk, registration_id=registration.pk),
        {"note": "Sorry"},
        format="json",
    )
    assert declined.json()["status"] == "declined"
    question = client.post(
        api("event-question-list", community, event_id=event.pk), {"label": "Your lens?"}, format="json"
    )
    assert question.status_code == 201
    assert client.post(api("event-cancel", community, event_id=event.pk)).json()["status"] == "cancelled"


def test_a_host_publishes_the_draft_they_host(api_client_for, community, owner):
    host = factories.member(community=community)
    draft = make_event(community, owner, publish=False, host_ids=[host.pk])
    response = api_client_for(host.user).post(api("event-publish", community, event_id=draft.pk))
    assert response.status_code == 200 and response.json()["status"] == "published"


def test_a_member_who_does_not_host_the_event_is_refused(api_client_for, community, owner, hosted):
    host, event, registration = hosted
    other_event = make_event(community, owner)
    member = factories.member(community=community).user
    for user, event_id in ((member, event.pk), (host.user, other_event.pk)):
        client = api_client_for(user)
        assert (
            client.patch(
                api("event-detail", community, event_id=event_id), {"title": "Mine now"}, format="json"
            ).status_code
            == 403
        )
        assert client.get(api("event-registration-list", community, event_id=event_id)).status_code == 403
        assert (
            client.post(
                api("event-question-list", community, event_id=event_id), {"label": "?"}, format="json"
            ).status_code
            == 403
        )
    approve = api("event-registration-approve", community, event_id=event.pk, registration_id=registration.pk)
    assert api_client_for(member).post(approve).status_code == 403
    assert Registration.objects.get(pk=registration.pk).status == "pending"
    assert Event.objects.get(pk=event.pk).title == "Film night"


def test_another_communitys_event_is_404_for_a_host(api_client_for, community, hosted):
    host, event, registration = hosted
    other = factories.CommunityFactory()
    other_owner = factories.member(community=other, role="owner").user
    foreign = make_event(other, other_owner, visibility="public")
    client = api_client_for(host.user)
    assert_error(
        client.patch(api("event-detail", community, event_id=foreign.pk), {"title": "x"}, format="json"),
        404,
        "event_not_found",
    )
    assert_error(
        client.get(api("event-registration-list", community, event_id=foreign.pk)), 404, "event_not_found"
    )
    foreign_registration = registration_services.registration_create(
        actor=factories.member(community=other).user, community=other, event=foreign
    )
    foreign_approve = api(
        "event-registration-approve", community, event_id=event.pk, registration_id=foreign_registration.pk
    )
    assert_error(client.post(foreign_approve), 404, "registration_not_found")
    assert Registration.objects.get(pk=registration.pk).status == "pending"


def test_a_host_who_left_is_refused(api_client_for, community, hosted):
    host, event, _registration = hosted
    host.status = MembershipStatus.LEFT
    host.save(update_fields=["status"])
    client = api_client_for(host.user)
    response = client.patch(api("event-detail", community, event_id=event.pk), {"title": "x"}, format="json")
    assert response.status_code in (403, 404)
    assert client.get(api("event-registration-list", community, event_id=event.pk)).status_code in (403, 404)
