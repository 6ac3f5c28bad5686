"""A member's ticket through the API (what the ticket page shows, from the same selector): the status,
the ticket code and the QR payload (the check-in address with the code), the meeting link only when
confirmed, the place in the waitlist; nobody else's registration (404), and the schema."""

import pytest
from django.urls import reverse

from events.services import registrations as registration_services
from tests import factories
from tests.api.helpers import assert_error, query_count
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def ticket_url(community, event):
    return reverse("api:event-ticket", kwargs={"community_slug": community.slug, "event_id": event.pk})


def register(community, event, membership):
    return registration_services.registration_create(actor=membership.user, community=community, event=event)


def test_a_confirmed_ticket_has_its_code_qr_payload_and_meeting_link(api_client_for, community, owner):
    event = make_event(
        community, owner, format="online", meeting_url="https://meet.example.com/r", capacity=3
    )
    member = factories.member(community=community)
    registration = register(community, event, member)
    body = api_client_for(member.user).get(ticket_url(community, event)).json()
    assert body["registration"]["id"] == registration.pk and body["registration"]["status"] == "confirmed"
    assert body["ticket_code"] == registration.ticket_code
    assert body["check_in_url"].startswith("http://testserver/c/")
    assert body["check_in_url"].endswith(f"/check-in/scan/?code={registration.ticket_code}")
    assert body["meeting_url"] == "https://meet.example.com/r"
    assert body["waitlist_position"] is None and body["event"]["id"] == event.pk


def test_the_ticket_page_and_the_api_show_the_same_code(api_client_for, client_for, community, owner):
    event = make_event(community, owner)
    member = factories.member(community=community)
    registration = register(community, event, member)
    body = api_client_for(member.user).get(ticket_url(community, event)).json()
    page = client_for(member.user).get(
        reverse("events:ticket", kwargs={"slug": community.slug, "event_id": event.pk})
    )
    html = page.content.decode()
    assert registration.ticket_code in html and body["ticket_code"] == registration.ticket_code
    assert "ticket-qr-code" in html


def test_waitlisted_and_pending_tickets_have_no_code_nor_link(api_client_for, community, owner):
    event = make_event(
        community, owner, format="online", meeting_url="https://meet.example.com/r", capacity=1
    )
    first, second, third = (factories.member(community=community) for _ in range(3))
    for membership in (first, second, third):
        register(community, event, membership)
    body = api_client_for(third.user).get(ticket_url(community, event)).json()
    assert body["registration"]["status"] == "waitlisted" and body["waitlist_position"] == 2
    assert body["ticket_code"] is None and body["check_in_url"] is None and body["meeting_url"] is None
    registration_services.registration_cancel(actor=second.user, community=community, event=event)
    assert api_client_for(third.user).get(ticket_url(community, event)).json()["waitlist_position"] == 1
    approval = make_event(community, owner, title="Portfolio review", requires_approval=True)
    register(community, approval, first)
    pending = api_client_for(first.user).get(ticket_url(community, approval)).json()
    assert pending["registration"]["status"] == "pending" and pending["ticket_code"] is None


def test_nobody_reaches_another_members_ticket(api_client_for, community, owner):
    event = make_event(community, owner, visibility="public")
    holder = factories.member(community=community)
    registration = register(community, event, holder)
    for user in (factories.member(community=community).user, owner):
        response = api_client_for(user).get(ticket_url(community, event))
        assert_error(response, 404, "registration_not_found")
        assert registration.ticket_code not in response.content.decode()
    assert api_client_for(None).get(ticket_url(community, event)).status_code in (401, 403)
    outsider = factories.member(community=factories.CommunityFactory()).user
    assert api_client_for(outsider).get(ticket_url(community, event)).status_code == 403
    other = factories.CommunityFactory()
    foreign = make_event(other, factories.member(community=other, role="owner").user, visibility="public")
    foreign_holder = factories.member(community=other)
    register(other, foreign, foreign_holder)
    assert_error(api_client_for(holder.user).get(ticket_url(community, foreign)), 404, "event_not_found")


def test_the_ticket_costs_the_same_whatever_the_waitlist(api_client_for, community, owner):
    event = make_event(community, owner, capacity=1)
    register(community, event, factories.member(community=community))
    mine = factories.member(community=community)
    register(community, event, mine)
    client = api_client_for(mine.user)
    client.get(ticket_url(community, event))  # the day's first visit is recorded once
    few = query_count(lambda: client.get(ticket_url(community, event)))
    for _ in range(5):
        register(community, event, factories.member(community=community))
    assert query_count(lambda: client.get(ticket_url(community, event))) == few


def test_the_ticket_is_in_the_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/communities/{community_slug}/events/{event_id}/ticket/"]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TicketOutput"
    }
    fields = schema["components"]["schemas"]["TicketOutput"]["properties"]
    assert {"registration", "ticket_code", "check_in_url", "meeting_url", "waitlist_position"} <= set(fields)
    assert fields["meeting_url"].get("nullable") is True
