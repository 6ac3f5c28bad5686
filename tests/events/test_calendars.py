"""Calendars: an event's .ics, the community's public feed, a member's private feed (its contents, and
the secrecy of its address: only a hash stored, a new address ends the old one, revocable)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from communities.roles import MembershipStatus
from events.models import CalendarFeed, RegistrationStatus
from events.services.calendars import calendar_feed_renew, calendar_feed_revoke
from tests import factories
from tests.events.attendance_helpers import browser, make_event, register

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def summaries(calendar) -> list[str]:
    return sorted(str(item["SUMMARY"]) for item in calendar.walk("VEVENT"))


def ics_url(event):
    return reverse("events:event-calendar", args=[event.community.slug, event.pk])


def test_an_events_ics_file(community):
    event = make_event(
        community, title="Darkroom night", visibility="public", venue="Studio 4", address="1 Lane",
        description="Bring film.",
    )  # fmt: skip
    calendar = parse(browser(None).get(ics_url(event)))
    (item,) = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Darkroom night"
    assert item["DTSTART"].dt == event.starts_at.replace(microsecond=0)
    assert item["DTEND"].dt == event.ends_at.replace(microsecond=0)
    assert str(item["LOCATION"]) == "Studio 4, 1 Lane"
    assert str(item["UID"]) == f"event-{community.pk}-{event.pk}@testserver"
    assert f"/c/{community.slug}/events/{event.pk}/" in str(item["DESCRIPTION"])


def test_the_meeting_link_is_only_in_a_confirmed_members_file(community):
    event = make_event(community, format="online", meeting_url="https://meet.example.com/secret")
    confirmed = register(event).membership.user
    waitlisted = register(event, status=RegistrationStatus.WAITLISTED).membership.user
    member = factories.member(community=community).user
    assert b"meet.example.com" in browser(confirmed).get(ics_url(event)).content
    for user in (waitlisted, member):
        body = browser(user).get(ics_url(event)).content
        assert b"meet.example.com" not in body and b"Online" in body


def test_a_members_only_event_is_hidden_from_visitors(community):
    event = make_event(community, visibility="members")
    assert browser(None).get(ics_url(event)).status_code == 404
    outsider = factories.member(community=factories.CommunityFactory()).user
    assert browser(outsider).get(ics_url(event)).status_code == 404
    draft = make_event(community, status="draft", visibility="public")
    assert browser(factories.member(community=community).user).get(ics_url(draft)).status_code == 404


def test_the_community_feed_lists_its_public_published_events_only(community):
    make_event(community, title="Open studio", visibility="public")
    make_event(community, title="Members walk", visibility="members")
    make_event(community, title="Draft", visibility="public", status="draft")
    make_event(community, title="Long ago", visibility="public", starts_in=-timedelta(days=200))
    make_event(factories.CommunityFactory(), title="Elsewhere", visibility="public")
    url = reverse("events:community-calendar", args=[community.slug])
    calendar = parse(browser(None).get(url))
    assert summaries(calendar) == ["Open studio"]
    assert str(calendar["X-WR-CALNAME"]) == community.name


def test_a_private_communitys_feed_is_a_404_for_outsiders(db):
    private = factories.CommunityFactory(visibility="private", join_policy="application")
    make_event(private, visibility="public")
    assert browser(None).get(reverse("events:community-calendar", args=[private.slug])).status_code == 404


# --- The member's private feed ---------------------------------------------------------------------------


def feed_url(key):
    return reverse("events:member-calendar", kwargs={"key": key})


def test_the_address_is_stored_as_a_hash_only(db):
    user = factories.UserFactory()
    _feed, key = calendar_feed_renew(user=user)
    stored = CalendarFeed.objects.get()
    assert key not in (stored.key_hash, stored.prefix) and stored.key_hash == CalendarFeed.hash_key(key)
    assert len(key) >= 40 and stored.prefix == key[:6]


def test_the_member_feed_lists_confirmed_and_waitlisted_events_in_every_community(community):
    user = factories.UserFactory(language="en")
    here = factories.member(community=community, user=user)
    other_community = factories.CommunityFactory()
    there = factories.member(community=other_community, user=user)
    register(make_event(community, title="Confirmed here"), here)
    register(
        make_event(other_community, title="Waitlisted there"), there, status=RegistrationStatus.WAITLISTED
    )
    register(make_event(community, title="Cancelled"), here, status=RegistrationStatus.CANCELLED)
    register(make_event(community, title="Pending"), here, status=RegistrationStatus.PENDING)
    register(make_event(community, title="Someone else's"))
    left = factories.CommunityFactory()
    register(
        make_event(left, title="Community I left"),
        factories.member(community=left, user=user, status=MembershipStatus.LEFT),
    )
    _feed, key = calendar_feed_renew(user=user)
    calendar = parse(browser(None).get(feed_url(key)))
    assert summaries(calendar) == ["Confirmed here", "Waitlist: Waitlisted there"]


def test_the_member_feed_speaks_the_members_language(community):
    user = factories.UserFactory(language="zh-hans")
    register(
        make_event(community, title="夜拍"),
        factories.member(community=community, user=user),
        status="waitlisted",
    )
    _feed, key = calendar_feed_renew(user=user)
    assert summaries(parse(browser(None).get(feed_url(key)))) == ["候补：夜拍"]  # noqa: RUF001


def test_unknown_replaced_and_revoked_addresses_are_404(community):
    user = factories.member(community=community).user
    _feed, first = calendar_feed_renew(user=user)
    assert browser(None).get(feed_url(first)).status_code == 200
    assert browser(None).get(feed_url(first[:-1] + ("A" if first[-1] != "A" else "B"))).status_code == 404
    _feed, second = calendar_feed_renew(user=user)
    assert CalendarFeed.objects.count() == 1
    assert browser(None).get(feed_url(first)).status_code == 404
    assert browser(None).get(feed_url(second)).status_code == 200
    assert calendar_feed_revoke(user=user) is True
    assert calendar_feed_revoke(user=user) is False
    assert browser(None).get(feed_url(second)).status_code == 404
    user.is_active = False
    user.save()
    _feed, third = calendar_feed_renew(user=user)
    assert browser(None).get(feed_url(third)).status_code == 404


def test_the_calendar_page_shows_the_address_once(community):
    user = factories.member(community=community).user
    client = browser(user)
    page = client.get(reverse("events:calendar-feed"))
    assert page.status_code == 200 and b"no calendar address yet" in page.content
    made = client.post(reverse("events:calendar-feed"), {"action": "renew"})
    assert made.status_code == 200 and "no-store" in made["Cache-Control"]
    url = made.context["feed_url"]
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics")
    key = url.rsplit("/", 1)[1].removesuffix(".ics")
    again = client.get(reverse("events:calendar-feed"))
    assert key.encode() not in again.content and key[:6].encode() in again.content
    revoked = client.post(reverse("events:calendar-feed"), {"action": "revoke"})
    assert revoked.status_code == 302
    assert not CalendarFeed.objects.exists()
    assert browser(None).get(reverse("events:calendar-feed")).status_code == 302  # to the login page


def test_the_calendar_api_makes_shows_and_revokes(api_client_for, db):
    user = factories.UserFactory()
    client = api_client_for(user)
    url = reverse("api:calendar-feed")
    assert client.get(url).json() == {"exists": False, "prefix": "", "created_at": None}
    made = client.post(url)
    assert made.status_code == 201
    key = made.json()["url"].rsplit("/", 1)[1].removesuffix(".ics")
    shown = client.get(url).json()
    assert shown["exists"] is True and shown["prefix"] == key[:6] and key not in str(shown)
    assert client.delete(url).status_code == 204
    assert not CalendarFeed.objects.exists()
    assert api_client_for(None).get(url).status_code in (401, 403)
