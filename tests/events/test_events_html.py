"""Events in the browser: the list (upcoming and past, filters, the viewer's status), an event (times in
the event's zone and the reader's, the meeting link for confirmed registrants only, registering with the
questions, cancelling), creating with form errors and a repeat, editing one or the following, the
operators' registrations page and CSV, hosts, permissions, and pinned query counts."""

import zoneinfo
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventSeries, Registration
from events.services import questions as event_question_services
from events.services import registrations as registration_services
from tests import factories
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": community.slug, **kwargs})


def local(days=3, hours=0):
    return (timezone.localtime(timezone.now()) + timedelta(days=days, hours=hours)).strftime("%Y-%m-%dT%H:%M")


def form(**overrides):
    data = {
        "title": "Darkroom day",
        "kind": "meetup",
        "format": "offline",
        "starts_at": local(),
        "ends_at": local(hours=3),
        "time_zone": "UTC",
        "visibility": "members",
        "capacity": "10",
        "waitlist_enabled": "on",
        "publish": "on",
    }
    return {**data, **overrides}


def test_list_shows_upcoming_past_and_my_status(client_for, community, owner):
    now = timezone.now()
    make_event(
        community,
        owner,
        title="Old meetup",
        starts_at=now - timedelta(days=5),
        ends_at=now - timedelta(days=5, hours=-2),
    )
    event = make_event(community, owner, title="Portrait walk", capacity=1)
    member = factories.member(community=community)
    registration_services.registration_create(actor=member.user, community=community, event=event)
    page = client_for(member.user).get(url("list", community)).content.decode()
    assert "Portrait walk" in page and "Old meetup" not in page and "Confirmed" in page and "Full" in page
    past = client_for(member.user).get(url("list", community) + "?time=past").content.decode()
    assert "Old meetup" in past and "Portrait walk" not in past


def test_anonymous_visitors_see_public_events_only(client_for, community, owner):
    public = make_event(community, owner, title="Open studio", visibility="public")
    hidden = make_event(community, owner, title="Members' crit", visibility="members")
    page = client_for().get(url("list", community)).content.decode()
    assert "Open studio" in page and "Members&#x27; crit" not in page and "Members' crit" not in page
    assert client_for().get(url("detail", community, event_id=public.pk)).status_code == 200
    assert client_for().get(url("detail", community, event_id=hidden.pk)).status_code == 404


def test_list_query_count_is_constant(client_for, community, owner):
    member = factories.member(community=community)
    client = client_for(member.user)
    make_event(community, owner, title="First")
    client.get(url("list", community))  # warm the nav caches

    with CaptureQueriesContext(connection) as few:
        client.get(url("list", community))
    for n in range(10):
        event = make_event(community, owner, title=f"Event {n}")
        registration_services.registration_create(actor=member.user, community=community, event=event)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url("list", community)).status_code == 200
    assert len(many) == len(few)


def test_detail_shows_times_in_both_zones_and_the_link_only_to_the_confirmed(client_for, community, owner):
    community.timezone = "Asia/Shanghai"
    community.save()
    event = make_event(
        community,
        owner,
        format="online",
        meeting_url="https://meet.example.com/room",
        time_zone="Asia/Shanghai",
    )
    reader = factories.member(community=community, user=factories.UserFactory(timezone="Europe/London"))
    page = client_for(reader.user).get(url("detail", community, event_id=event.pk)).content.decode()
    assert "Asia/Shanghai" in page and "Europe/London" in page
    assert "meet.example.com/room" not in page
    response = client_for(reader.user).post(url("detail", community, event_id=event.pk), {})
    assert response.status_code == 302
    page = client_for(reader.user).get(url("detail", community, event_id=event.pk)).content.decode()
    assert "meet.example.com/room" in page and "Cancel my registration" in page
    client_for(reader.user).post(url("unregister", community, event_id=event.pk))
    assert Registration.objects.get(event=event).status == "cancelled"


def test_registering_with_a_required_question_shows_the_form_error(client_for, community, owner):
    event = make_event(community, owner)
    question = event_question_services.registration_question_create(
        actor=owner, community=community, event=event, label="Your camera?", required=True
    )
    member = factories.member(community=community).user
    response = client_for(member).post(url("detail", community, event_id=event.pk), {})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    ok = client_for(member).post(
        url("detail", community, event_id=event.pk), {f"answer_{question.pk}": "Leica"}
    )
    assert ok.status_code == 302
    assert Registration.objects.get(event=event).answers == {str(question.pk): "Leica"}


def test_create_with_errors_then_a_weekly_series(client_for, community, owner):
    client = client_for(owner)
    bad = client.post(url("create", community), form(ends_at=local(days=2)))
    assert bad.status_code == 200 and "An event ends after it starts." in bad.content.decode()
    negative = client.post(url("create", community), form(capacity="-3"))
    assert negative.status_code == 200 and not Event.objects.exists()
    never = client.post(url("create", community), form(rrule="FREQ=WEEKLY"))
    assert never.status_code == 200 and "The rule must end" in never.content.decode()
    created = client.post(url("create", community), form(repeat="weekly", occurrences="4"))
    assert created.status_code == 302
    series = EventSeries.objects.get()
    assert series.occurrence_count == 4 and Event.objects.filter(series=series).count() == 4
    single = client.post(url("create", community), form(title="Crit night", hosts="nobody-here"))
    assert single.status_code == 200 and "Not an active member here" in single.content.decode()


def test_edit_this_and_the_following(client_for, community, owner):
    client = client_for(owner)
    client.post(url("create", community), form(title="Study", repeat="weekly", occurrences="3"))
    events = list(Event.objects.order_by("starts_at"))
    page = client.get(url("edit", community, event_id=events[1].pk)).content.decode()
    assert "This event and the following ones" in page
    data = form(title="Study (room 2)", scope="following")
    data["starts_at"] = _local_value(events[1].starts_at)
    data["ends_at"] = _local_value(events[1].ends_at)
    assert client.post(url("edit", community, event_id=events[1].pk), data).status_code == 302
    assert [e.title for e in Event.objects.order_by("starts_at")] == [
        "Study",
        "Study (room 2)",
        "Study (room 2)",
    ]


def _local_value(value):
    return value.astimezone(zoneinfo.ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M")


def test_only_operators_and_hosts_manage(client_for, community, owner):
    host = factories.member(community=community)
    event = make_event(community, owner, host_ids=[host.pk], requires_approval=True)
    member = factories.member(community=community)
    registration = registration_services.registration_create(
        actor=member.user, community=community, event=event
    )
    assert client_for(member.user).get(url("registrations", community, event_id=event.pk)).status_code == 403
    assert client_for(member.user).get(url("edit", community, event_id=event.pk)).status_code == 403
    assert client_for(member.user).get(url("create", community)).status_code == 403
    # A members-only event does not exist for an anonymous visitor; a public one sends them to log in.
    assert client_for().get(url("registrations", community, event_id=event.pk)).status_code == 404
    public = make_event(community, owner, title="Open studio", visibility="public")
    anonymous = client_for().get(url("registrations", community, event_id=public.pk))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    page = client_for(host.user).get(url("registrations", community, event_id=event.pk))
    assert page.status_code == 200 and member.user.name in page.content.decode()
    approve = url("registration-approve", community, event_id=event.pk, registration_id=registration.pk)
    assert client_for(host.user).post(approve).status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    export = client_for(owner).get(url("registrations-export", community, event_id=event.pk))
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    cancel = client_for(host.user).post(url("cancel", community, event_id=event.pk), {"note": "Rain"})
    assert cancel.status_code == 302 and Event.objects.get(pk=event.pk).status == "cancelled"


def test_settings_page(client_for, community, owner):
    response = client_for(owner).post(url("settings", community), {"max_open_registrations": "-1"})
    assert response.status_code == 200
    assert (
        client_for(owner).post(url("settings", community), {"max_open_registrations": "2"}).status_code == 302
    )
