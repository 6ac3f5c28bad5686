"""Journeys: on a phone, an operator checks members in at the door (search, one tap, undo, a ticket code
typed on the scan page) and the no-shows appear after the event; a member shows their ticket with its QR
code; attendees give feedback (a first time, and a second thought) that the owner reads in the
results."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from events.models import Event, EventFeedback, Registration
from tests.e2e.untranslated import look, visit

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
    visit(member, f"{COMMUNITY}events/{event.pk}/", "the event I registered for")
    member.click_link(f"{COMMUNITY}events/{event.pk}/ticket/")
    look(member, "my ticket with its QR code")
    assert member.page.locator("svg.ticket-qr-code").count() == 1
    ticket = Registration.objects.get(event=event, membership__user__username="member")

    moderator = trip.person("moderator")
    base = f"{COMMUNITY}events/{event.pk}/"
    visit(moderator, f"{base}check-in/", "the check-in list")
    moderator.page.fill("input[name=q]", "grace")
    with moderator.page.expect_navigation():
        moderator.page.locator("form[role=search] button").click()
    look(moderator, "the list searched by name")
    grace = Registration.objects.get(event=event, membership__user__username="grace")
    with moderator.page.expect_navigation():
        moderator.page.locator(f"#registration-{grace.pk} button").click()
    look(moderator, "grace checked in with one tap")
    with moderator.page.expect_navigation():
        moderator.page.locator(f"#registration-{grace.pk} button").click()
    look(moderator, "the check-in undone")
    grace.refresh_from_db()
    assert grace.checked_in_at is None

    moderator.click_link(f"{base}check-in/scan/")
    look(moderator, "the scan page (typing the code where the camera is not available)")
    moderator.page.fill("input[name=ticket_code]", ticket.ticket_code)
    moderator.submit("ticket_code")
    look(moderator, "the member checked in by their ticket code")
    moderator.page.fill("input[name=ticket_code]", ticket.ticket_code)
    moderator.submit("ticket_code")
    look(moderator, "already checked in: said plainly")
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    event.refresh_from_db()
    assert event.attended_count == 1
    visit(member, f"{COMMUNITY}events/{event.pk}/", "checked in: no button cancelling my place")
    assert member.page.locator(f"form[action='{COMMUNITY}events/{event.pk}/unregister/']").count() == 0
    visit(moderator, f"{base}no-shows/", "no no-shows before the end")
    trip.assert_clean()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_feedback_after_the_meetup(journey, language):
    User.objects.filter(username__in=["grace", "owner", "expert"]).update(language=language)
    meetup = Event.objects.get(community__slug="python-beginners", kind="meetup")
    trip = journey("feedback")
    expert = trip.person("expert")
    visit(expert, f"{COMMUNITY}events/{meetup.pk}/", "the meetup I attended, asking for my feedback")
    expert.click_link(f"{COMMUNITY}events/{meetup.pk}/feedback/")
    look(expert, "the feedback form, empty")
    expert.page.locator("input[name=rating][value='5']").check()
    expert.page.fill("textarea[name=comments]", "More bonus rounds next time, please.")
    expert.submit("comments")
    look(expert, "my first feedback saved")
    assert EventFeedback.objects.get(event=meetup, membership__user__username="expert").rating == 5

    grace = trip.person("grace")
    visit(grace, f"{COMMUNITY}events/{meetup.pk}/feedback/", "the feedback I gave, to change it")
    grace.page.locator("input[name=rating][value='3']").check()
    grace.page.fill("textarea[name=comments]", "Second thought: the quiz was too long.")
    grace.submit("comments")
    look(grace, "my feedback saved")
    assert EventFeedback.objects.get(event=meetup, membership__user__username="grace").rating == 3

    owner = trip.person("owner")
    visit(owner, f"{COMMUNITY}events/{meetup.pk}/", "the past meetup")
    owner.click_link(f"{COMMUNITY}events/{meetup.pk}/feedback/results/")
    look(owner, "the feedback results: average, distribution, comments")
    assert owner.page.get_by_text("More bonus rounds next time, please.").count() == 1
    owner.click_link(f"{COMMUNITY}events/{meetup.pk}/no-shows/")
    look(owner, "the no-shows of the meetup")
    assert owner.page.get_by_text("linus", exact=False).count() >= 1
    trip.assert_clean()
