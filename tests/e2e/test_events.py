"""Journey: the demo webinar is one place short of full; the owner takes the last place, the moderator
joins the waitlist, a member cancels and the moderator is promoted, told in their language."""

import pytest

from accounts.models import User
from events.models import Event, Registration

COMMUNITY = "/c/python-beginners/"


def register(person) -> None:
    with person.page.expect_navigation():
        person.page.locator("form.event-register button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_register_until_full_then_a_cancellation_promotes(journey, language):
    User.objects.filter(username__in=["owner", "moderator", "member"]).update(language=language)
    webinar = Event.objects.get(community__slug="python-beginners", kind="webinar")
    detail = f"{COMMUNITY}events/{webinar.pk}/"
    trip = journey("events")

    owner = trip.person("owner")
    owner.visit(f"{COMMUNITY}events/", "the upcoming events, the webinar with one place left")
    owner.click_link(detail)
    owner.check("the webinar: times, places, the registration form")
    register(owner)
    owner.check("registered: the meeting link is shown")
    assert Registration.objects.get(event=webinar, membership__user__username="owner").status == "confirmed"

    moderator = trip.person("moderator")
    moderator.visit(detail, "the full webinar: registering puts me on the waitlist")
    register(moderator)
    moderator.check("on the waitlist, number 1")
    assert Registration.objects.get(event=webinar, membership__user__username="moderator").position == 1

    member = trip.person("member")
    member.visit(detail, "my confirmed registration")
    unregister = f"{detail}unregister/"
    with member.page.expect_navigation():
        member.page.locator(f"form[action='{unregister}'] button").click()
    member.check("my registration cancelled")
    promoted = Registration.objects.get(event=webinar, membership__user__username="moderator")
    assert promoted.status == "confirmed"

    moderator.visit("/me/notifications/", "the inbox: a place freed up, in my language")
    owner.visit(f"{detail}registrations/", "the operators' registrations page")
    trip.assert_clean()
