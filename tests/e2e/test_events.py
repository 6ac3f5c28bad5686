"""Journeys: an operator creates a webinar and members register until it is full, the next wait, a
cancellation promotes the first on the waitlist, who sees their place on the event page and in the inbox;
and the demo webinar one place short of full: the owner takes the last place, the moderator joins the
waitlist, a member cancels and the moderator is promoted, told in their language."""

import zoneinfo
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from accounts.models import User
from communities.models import Notification
from events.models import Event, Registration
from tests.e2e.untranslated import look, visit

COMMUNITY = "/c/python-beginners/"
TITLE = "Debugging with breakpoints, live"


def register(person) -> None:
    with person.page.expect_navigation():
        person.page.locator("form.event-register button[type=submit]").click()


def unregister(person, detail: str) -> None:
    with person.page.expect_navigation():
        person.page.locator(f"form[action='{detail}unregister/'] button").click()


def status(event: Event, username: str) -> tuple[str, int | None]:
    registration = Registration.objects.get(event=event, membership__user__username=username)
    return registration.status, registration.position


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_create_a_webinar_fill_it_and_promote_from_the_waitlist(journey, language):
    people = ["owner", "member", "grace", "linus", "expert"]
    User.objects.filter(username__in=people).update(language=language)
    trip = journey("webinar")

    owner = trip.person("owner")
    visit(owner, f"{COMMUNITY}events/", "the events, with the button creating one")
    owner.click_link(f"{COMMUNITY}events/new/")
    look(owner, "the form creating an event")
    starts = timezone.localtime(timezone.now() + timedelta(days=3), zoneinfo.ZoneInfo("Europe/London"))
    owner.page.fill("input[name=title]", TITLE)
    owner.page.select_option("select[name=kind]", "webinar")
    owner.page.select_option("select[name=format]", "online")
    owner.page.fill("input[name=starts_at]", starts.strftime("%Y-%m-%dT%H:%M"))
    owner.page.fill("input[name=ends_at]", (starts + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    owner.page.fill("input[name=meeting_url]", "https://meet.example.org/breakpoints")
    owner.page.fill("input[name=capacity]", "2")
    owner.submit("title")
    look(owner, "the webinar created and published")
    webinar = Event.objects.get(title=TITLE)
    assert (webinar.kind, webinar.status, webinar.capacity, webinar.waitlist_enabled) == (
        "webinar",
        "published",
        2,
        True,
    )
    detail = f"{COMMUNITY}events/{webinar.pk}/"

    attendees = {}
    for username, step in [
        ("member", "registered: one place left"),
        ("grace", "registered: the webinar is full now"),
        ("linus", "on the waitlist, number 1"),
        ("expert", "on the waitlist, number 2"),
    ]:
        attendee = attendees[username] = trip.person(username)
        visit(attendee, detail, "the webinar, to register")
        register(attendee)
        look(attendee, step)
    assert [status(webinar, name) for name in ["member", "grace", "linus", "expert"]] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]
    assert attendees["linus"].page.locator("a[href='https://meet.example.org/breakpoints']").count() == 0

    grace = attendees["grace"]
    unregister(grace, detail)
    look(grace, "my registration cancelled")
    assert status(webinar, "linus")[0] == "confirmed" and status(webinar, "expert") == ("waitlisted", 1)

    linus = attendees["linus"]
    visit(linus, detail, "promoted: my place and the meeting link")
    with translation.override(language):
        freed = translation.gettext("A place freed up for you.")
    assert freed in linus.page.locator("#registration-heading + p").inner_text()
    assert linus.page.locator("a[href='https://meet.example.org/breakpoints']").count() == 1
    visit(linus, "/me/notifications/", "the inbox: a place freed up, in my language")
    assert Notification.objects.filter(recipient__username="linus", kind="event.promoted").exists()
    assert TITLE in linus.page.locator("main").inner_text()
    visit(owner, f"{detail}registrations/", "the registrations: two confirmed, one waiting")
    trip.assert_clean()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_register_until_full_then_a_cancellation_promotes(journey, language):
    User.objects.filter(username__in=["owner", "moderator", "member"]).update(language=language)
    webinar = Event.objects.get(community__slug="python-beginners", kind="webinar")
    detail = f"{COMMUNITY}events/{webinar.pk}/"
    trip = journey("events")

    owner = trip.person("owner")
    visit(owner, f"{COMMUNITY}events/", "the upcoming events, the webinar with one place left")
    owner.click_link(detail)
    look(owner, "the webinar: times, places, the registration form")
    register(owner)
    look(owner, "registered: the meeting link is shown")
    assert Registration.objects.get(event=webinar, membership__user__username="owner").status == "confirmed"

    moderator = trip.person("moderator")
    visit(moderator, detail, "the full webinar: registering puts me on the waitlist")
    register(moderator)
    look(moderator, "on the waitlist, number 1")
    assert Registration.objects.get(event=webinar, membership__user__username="moderator").position == 1

    member = trip.person("member")
    visit(member, detail, "my confirmed registration")
    unregister(member, detail)
    look(member, "my registration cancelled")
    promoted = Registration.objects.get(event=webinar, membership__user__username="moderator")
    assert promoted.status == "confirmed"

    visit(moderator, "/me/notifications/", "the inbox: a place freed up, in my language")
    visit(owner, f"{detail}registrations/", "the operators' registrations page")
    trip.assert_clean()
