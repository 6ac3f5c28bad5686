"""Journeys: on a phone, an operator checks members in at the door (search, one tap, undo, a ticket code
typed on the scan page) and the no-shows appear after the event; a member shows their ticket with its QR
code, then gives feedback that the owner reads in the results."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from events.models import Event, EventFeedback, Registration

COMMUNITY = "/c/python-beginners/"


def _webinar_tonight() -> Event:
    """The demo's upcoming webinar, moved to start in an hour so that check-in is open."""
    event = Event.objects.get(community__slug="python-beginners", kind="webinar")
    starts_at = timezone.now() + timedelta(hours=1)
    Event.objects.filter(pk=event.pk).update(starts_at=starts_at, ends_at=starts_at + timedelta(hours=1))
    event.refresh_from_db()
    return event


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_check_in_at_the_door(journey, language):
    User.objects.filter(username__in=["member", "moderator"]).update(language=language)
    event = _webinar_tonight()
    trip = journey("attendance")
    member = trip.person("member")
    member.visit(f"{COMMUNITY}events/{event.pk}/", "the event I registered for")
    member.click_link(f"{COMMUNITY}events/{event.pk}/ticket/")
    member.check("my ticket with its QR code")
    assert member.page.locator("svg.ticket-qr-code").count() == 1
    ticket = Registration.objects.get(event=event, membership__user__username="member")

    moderator = trip.person("moderator")
    base = f"{COMMUNITY}events/{event.pk}/"
    moderator.visit(f"{base}check-in/", "the check-in list")
    moderator.page.fill("input[name=q]", "grace")
    with moderator.page.expect_navigation():
        moderator.page.locator("form[role=search] button").click()
    moderator.check("the list searched by name")
    grace = Registration.objects.get(event=event, membership__user__username="grace")
    with moderator.page.expect_navigation():
        moderator.page.locator(f"#registration-{grace.pk} button").click()
    moderator.check("grace checked in with one tap")
    with moderator.page.expect_navigation():
        moderator.page.locator(f"#registration-{grace.pk} button").click()
    moderator.check("the check-in undone")
    grace.refresh_from_db()
    assert grace.checked_in_at is None

    moderator.click_link(f"{base}check-in/scan/")
    moderator.check("the scan page (typing the code where the camera is not available)")
    moderator.page.fill("input[name=ticket_code]", ticket.ticket_code)
    moderator.submit("ticket_code")
    moderator.check("the member checked in by their ticket code")
    moderator.page.fill("input[name=ticket_code]", ticket.ticket_code)
    moderator.submit("ticket_code")
    moderator.check("already checked in: said plainly")
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    event.refresh_from_db()
    assert event.attended_count == 1
    moderator.visit(f"{base}no-shows/", "no no-shows before the end")
    trip.assert_clean()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_feedback_after_the_meetup(journey, language):
    User.objects.filter(username__in=["grace", "owner"]).update(language=language)
    meetup = Event.objects.get(community__slug="python-beginners", kind="meetup")
    trip = journey("feedback")
    grace = trip.person("grace")
    grace.visit(f"{COMMUNITY}events/{meetup.pk}/feedback/", "the feedback I gave, to change it")
    grace.page.locator("input[name=rating][value='3']").check()
    grace.page.fill("textarea[name=comments]", "Second thought: the quiz was too long.")
    grace.submit("comments")
    grace.check("my feedback saved")
    assert EventFeedback.objects.get(event=meetup, membership__user__username="grace").rating == 3

    owner = trip.person("owner")
    owner.visit(f"{COMMUNITY}events/{meetup.pk}/", "the past meetup")
    owner.click_link(f"{COMMUNITY}events/{meetup.pk}/feedback/results/")
    owner.check("the feedback results: average, distribution, comments")
    owner.click_link(f"{COMMUNITY}events/{meetup.pk}/no-shows/")
    owner.check("the no-shows of the meetup")
    assert owner.page.get_by_text("linus", exact=False).count() >= 1
    trip.assert_clean()
