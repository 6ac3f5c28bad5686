"""Events through the API: who sees what (public, members-only, drafts), the meeting link, filters,
ordering and pages, creating and editing with bad input (400 with field errors), series, registering
(201, 409 twice, 400 outside the window), the operators' registrations, questions, the CSV export,
another community's ids, and pinned query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from events.services import registrations as registration_services
from tests import factories
from tests.api.helpers import assert_error, query_count
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


def iso(days=3, hours=0):
    return (timezone.now() + timedelta(days=days, hours=hours)).isoformat()


def test_public_events_for_anyone_members_only_for_members_drafts_for_operators(
    api_client_for, community, owner
):
    make_event(community, owner, title="Open house", visibility="public")
    make_event(community, owner, title="Members' walk", visibility="members")
    make_event(community, owner, title="Secret plan", publish=False)
    member = factories.member(community=community).user

    def titles(user):
        return [
            event["title"]
            for event in api_client_for(user).get(api("event-list", community)).json()["results"]
        ]

    assert titles(None) == ["Open house"]
    assert titles(factories.member(community=factories.CommunityFactory()).user) == ["Open house"]
    assert sorted(titles(member)) == ["Members' walk", "Open house"]
    assert sorted(titles(owner)) == ["Members' walk", "Open house", "Secret plan"]
    hidden = Event.objects.get(title="Members' walk")
    assert_error(
        api_client_for(None).get(api("event-detail", community, event_id=hidden.pk)), 404, "event_not_found"
    )


def test_the_meeting_link_is_for_confirmed_registrants(api_client_for, community, owner):
    event = make_event(
        community, owner, format="online", meeting_url="https://meet.example.com/x", capacity=1
    )
    url = api("event-detail", community, event_id=event.pk)
    first, second = factories.member(community=community).user, factories.member(community=community).user
    assert api_client_for(first).get(url).json()["meeting_url"] is None
    assert (
        api_client_for(first).post(api("event-registration", community, event_id=event.pk)).status_code == 201
    )
    assert api_client_for(first).get(url).json()["meeting_url"] == "https://meet.example.com/x"
    waiting = api_client_for(second).post(api("event-registration", community, event_id=event.pk))
    assert waiting.json()["status"] == "waitlisted"
    body = api_client_for(second).get(url).json()
    assert body["meeting_url"] is None and body["my_registration"]["status"] == "waitlisted"
    assert api_client_for(owner).get(url).json()["meeting_url"] == "https://meet.example.com/x"


def test_filters_ordering_and_pages(api_client_for, community, owner):
    now = timezone.now()
    make_event(
        community,
        owner,
        title="Past meetup",
        starts_at=now - timedelta(days=3),
        ends_at=now - timedelta(days=3, hours=-2),
    )
    make_event(community, owner, title="Webinar", kind="webinar", format="online")
    make_event(
        community,
        owner,
        title="Later meetup",
        starts_at=now + timedelta(days=9),
        ends_at=now + timedelta(days=9, hours=2),
    )
    client = api_client_for(factories.member(community=community).user)

    def titles(query):
        return [e["title"] for e in client.get(api("event-list", community) + query).json()["results"]]

    assert titles("?time=upcoming") == ["Webinar", "Later meetup"]
    assert titles("?time=past") == ["Past meetup"]
    assert titles("?kind=webinar") == ["Webinar"]
    assert titles("?ordering=-starts_at") == ["Later meetup", "Webinar", "Past meetup"]
    start = (now + timedelta(days=5)).date().isoformat()
    assert titles(f"?starts_from={start}") == ["Later meetup"]
    assert titles("?status=cancelled") == []
    assert client.get(api("event-list", community) + "?time=someday").status_code == 400
    assert client.get(api("event-list", community) + "?starts_from=9999-01-01").status_code == 400
    page = client.get(api("event-list", community) + "?page_size=1").json()
    assert page["count"] == 3 and len(page["results"]) == 1


def test_list_query_count_does_not_grow_with_the_page(api_client_for, community, owner):
    member = factories.member(community=community)
    client = api_client_for(member.user)
    url = api("event-list", community)
    event = make_event(community, owner, capacity=3)
    registration_services.registration_create(actor=member.user, community=community, event=event)
    client.get(url)  # the day's first visit is recorded once
    few = query_count(lambda: client.get(url))
    for n in range(8):
        other = make_event(community, owner, title=f"Event {n}", capacity=3)
        registration_services.registration_create(actor=member.user, community=community, event=other)
    assert query_count(lambda: client.get(url)) == few
    mine = api("event-registration-mine", community)
    assert query_count(lambda: client.get(mine)) == query_count(lambda: client.get(mine))


def test_create_edit_and_bad_input(api_client_for, community, owner):
    client = api_client_for(owner)
    url = api("event-list", community)
    payload = {
        "title": "Darkroom day",
        "kind": "meetup",
        "starts_at": iso(),
        "ends_at": iso(hours=3),
        "capacity": 12,
    }
    created = client.post(url, payload, format="json")
    assert created.status_code == 201, created.content
    event_id = created.json()["id"]
    body = assert_error(
        client.post(url, {**payload, "ends_at": iso(hours=-1)}, format="json"), 400, "event_invalid"
    )
    assert "ends_at" in body["fields"]
    for capacity in (-1, 0, 10**9):
        response = client.post(url, {**payload, "capacity": capacity}, format="json")
        assert response.status_code == 400 and "capacity" in response.json()["fields"]
    assert (
        client.post(url, {**payload, "starts_at": "9999-12-31T23:00:00Z"}, format="json").status_code == 400
    )
    assert client.post(url, {**payload, "slug": "mine"}, format="json").status_code == 400
    assert client.post(url, {**payload, "time_zone": "Nowhere/City"}, format="json").status_code == 400
    detail = api("event-detail", community, event_id=event_id)
    edited = client.patch(detail, {"title": "Darkroom weekend", "capacity": 20}, format="json")
    assert edited.status_code == 200 and edited.json()["capacity"] == 20
    assert_error(client.patch(detail, {"ends_at": iso(days=1)}, format="json"), 400, "event_invalid")
    member = factories.member(community=community).user
    assert api_client_for(member).post(url, payload, format="json").status_code == 403
    assert api_client_for(member).patch(detail, {"title": "x"}, format="json").status_code == 403
    cancelled = client.post(
        api("event-cancel", community, event_id=event_id), {"note": "Sorry"}, format="json"
    )
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert_error(client.post(api("event-cancel", community, event_id=event_id)), 409, "event_cancelled")


def test_series_through_the_api(api_client_for, community, owner):
    client = api_client_for(owner)
    payload = {"title": "Study", "starts_at": iso(), "ends_at": iso(hours=2), "rrule": "FREQ=WEEKLY;COUNT=3"}
    created = client.post(api("event-series-list", community), payload, format="json")
    assert created.status_code == 201 and created.json()["occurrence_count"] == 3
    series_id = created.json()["id"]
    listed = client.get(api("event-list", community) + f"?series={series_id}").json()
    assert listed["count"] == 3
    never = client.post(
        api("event-series-list", community), {**payload, "rrule": "FREQ=WEEKLY"}, format="json"
    )
    assert assert_error(never, 400, "event_invalid")["fields"]["rrule"]
    first = listed["results"][1]["id"]
    response = client.patch(
        api("event-detail", community, event_id=first),
        {"title": "Study (moved)", "scope": "following"},
        format="json",
    )
    assert response.status_code == 200
    titles = [
        e["title"]
        for e in client.get(api("event-list", community) + f"?series={series_id}").json()["results"]
    ]
    assert titles == ["Study", "Study (moved)", "Study (moved)"]


def test_register_twice_outside_the_window_and_cancel(api_client_for, community, owner):
    event = make_event(community, owner, capacity=1, waitlist_enabled=False)
    url = api("event-registration", community, event_id=event.pk)
    member = factories.member(community=community).user
    assert api_client_for(member).post(url, {}, format="json").status_code == 201
    assert_error(api_client_for(member).post(url, {}, format="json"), 409, "already_registered")
    other = factories.member(community=community).user
    assert_error(api_client_for(other).post(url, {}, format="json"), 409, "event_full")
    assert_error(api_client_for(other).delete(url), 409, "not_registered")
    assert api_client_for(member).delete(url).json()["status"] == "cancelled"
    closed = make_event(community, owner, registration_closes_at=timezone.now() - timedelta(hours=1),
                        registration_opens_at=timezone.now() - timedelta(days=1))  # fmt: skip
    closed_url = api("event-registration", community, event_id=closed.pk)
    assert_error(api_client_for(member).post(closed_url, {}, format="json"), 400, "registration_closed")
    assert api_client_for(member).post(url, {"answers": "yes"}, format="json").status_code == 400
    assert api_client_for(None).post(url, {}, format="json").status_code in (401, 403)


def test_operators_manage_registrations_questions_and_export(api_client_for, community, owner):
    event = make_event(community, owner, capacity=1, requires_approval=True)
    client = api_client_for(owner)
    question = client.post(
        api("event-question-list", community, event_id=event.pk),
        {"label": "=Your camera?", "required": True},
        format="json",
    )
    assert question.status_code == 201
    qid = question.json()["id"]
    member = factories.member(community=community)
    url = api("event-registration", community, event_id=event.pk)
    missing = assert_error(
        api_client_for(member.user).post(url, {}, format="json"), 400, "registration_answers_invalid"
    )
    assert f"answer_{qid}" in missing["fields"]
    registered = api_client_for(member.user).post(
        url, {"answers": {str(qid): "=HYPERLINK(1)"}}, format="json"
    )
    assert registered.json()["status"] == "pending"
    registration_id = registered.json()["id"]
    listed = client.get(
        api("event-registration-list", community, event_id=event.pk) + "?status=pending"
    ).json()
    assert [r["id"] for r in listed["results"]] == [registration_id]
    approve = api("event-registration-approve", community, event_id=event.pk, registration_id=registration_id)
    assert client.post(approve).json()["status"] == "confirmed"
    assert_error(client.post(approve), 409, "registration_state_invalid")
    export = client.get(
        api("event-registration-export", community, event_id=event.pk), HTTP_ACCEPT="text/csv"
    )
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "'=Your camera?" in text and "Confirmed" in text
    assert (
        api_client_for(member.user)
        .get(api("event-registration-list", community, event_id=event.pk))
        .status_code
        == 403
    )
    decline = api("event-registration-decline", community, event_id=event.pk, registration_id=registration_id)
    assert client.post(decline, {"note": "Sorry"}, format="json").json()["status"] == "declined"
    delete = api("event-question-detail", community, event_id=event.pk, registration_question_id=qid)
    assert client.delete(delete).status_code == 204


def test_another_communitys_ids_are_404(api_client_for, community, owner):
    other = factories.CommunityFactory()
    other_owner = factories.member(community=other, role="owner").user
    foreign = make_event(other, other_owner, visibility="public")
    client = api_client_for(owner)
    assert_error(client.get(api("event-detail", community, event_id=foreign.pk)), 404, "event_not_found")
    assert_error(
        client.post(api("event-registration", community, event_id=foreign.pk)), 404, "event_not_found"
    )
    mine = make_event(community, owner)
    member = factories.member(community=other)
    foreign_registration = registration_services.registration_create(
        actor=member.user, community=other, event=foreign
    )
    approve = api(
        "event-registration-approve", community, event_id=mine.pk, registration_id=foreign_registration.pk
    )
    assert_error(client.post(approve), 404, "registration_not_found")
    assert client.get(api("event-detail", community, event_id=2**62)).status_code == 404


def test_settings_and_my_registrations(api_client_for, community, owner):
    client = api_client_for(owner)
    url = api("event-settings", community)
    assert client.get(url).json() == {"max_open_registrations": 0}
    assert client.patch(url, {"max_open_registrations": 1}, format="json").json() == {
        "max_open_registrations": 1
    }
    assert client.patch(url, {"max_open_registrations": -1}, format="json").status_code == 400
    member = factories.member(community=community).user
    first, second = make_event(community, owner, title="One"), make_event(community, owner, title="Two")
    assert (
        api_client_for(member).post(api("event-registration", community, event_id=first.pk)).status_code
        == 201
    )
    assert_error(
        api_client_for(member).post(api("event-registration", community, event_id=second.pk)),
        409,
        "open_registrations_cap",
    )
    mine = api_client_for(member).get(api("event-registration-mine", community)).json()["results"]
    assert [row["event"]["title"] for row in mine] == ["One"]
    assert Registration.objects.count() == 1
