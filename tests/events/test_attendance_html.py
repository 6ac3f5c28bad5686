"""Attendance pages: the ticket with its QR code, check-in from a phone (list, search, one tap, undo,
scan page), no-shows, feedback and its results; who may open them; query counts of the lists."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from communities.roles import Role
from events.models import EventFeedback, Registration, RegistrationStatus
from tests import factories
from tests.events.attendance_helpers import browser, host, make_event, past_event, register

pytestmark = pytest.mark.django_db


def url(name, event, **query):
    path = reverse(f"events:{name}", args=[event.community.slug, event.pk])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def flashed(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def event(community):
    return make_event(community, title="Photo walk", venue="Old harbour")


@pytest.fixture
def moderator(community):
    return factories.member(community=community, role=Role.MODERATOR).user


# --- The ticket ------------------------------------------------------------------------------------------


def test_a_confirmed_member_sees_a_qr_code_of_the_check_in_address(event):
    registration = register(event)
    response = browser(registration.membership.user).get(url("ticket", event))
    assert response.status_code == 200
    body = response.content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert 'class="ticket-qr-code"' in svg and "<path" in svg
    assert "style=" not in svg and "<script" not in svg  # nothing the page's CSP would refuse
    assert registration.ticket_code in body
    assert response.context["check_in_url"] == (
        "http://testserver" + url("check-in-scan", event, code=registration.ticket_code)
    )


@pytest.mark.parametrize("status", [RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING])
def test_no_qr_code_before_the_registration_is_confirmed(event, status):
    registration = register(event, status=status)
    response = browser(registration.membership.user).get(url("ticket", event))
    assert response.status_code == 200
    assert (
        b"ticket-qr-code" not in response.content
        and registration.ticket_code.encode() not in response.content
    )


def test_no_ticket_without_a_registration_and_none_for_visitors(community, event):
    response = browser(factories.member(community=community).user).get(url("ticket", event))
    assert response.status_code == 200 and b"you have no ticket" in response.content
    assert browser().get(url("ticket", event)).status_code == 302  # to the login page
    outsider = factories.member(community=factories.CommunityFactory()).user
    assert browser(outsider).get(url("ticket", event)).status_code in (403, 404)


# --- Check-in --------------------------------------------------------------------------------------------


def test_the_check_in_list_searches_and_checks_in_with_one_tap(community, event, moderator):
    ada = register(
        event, factories.member(community=community, user=factories.UserFactory(display_name="Ada"))
    )
    register(event, factories.member(community=community, user=factories.UserFactory(display_name="Grace")))
    client = browser(moderator)
    page = client.get(url("check-in", event, q="ad"))
    assert page.status_code == 200
    assert [r.pk for r in page.context["attendees"]] == [ada.pk]

    done = client.post(url("check-in", event), {"registration_id": ada.pk, "q": "ad"}, follow=True)
    assert done.redirect_chain[-1][0] == url("check-in", event, q="ad") + f"#registration-{ada.pk}"
    assert flashed(done) == ["Ada is checked in."]
    assert Registration.objects.get(pk=ada.pk).checked_in_at is not None
    assert b"Undo" in done.content

    twice = client.post(
        url("check-in", event), {"registration_id": ada.pk}, follow=True, HTTP_REFERER=url("check-in", event)
    )
    assert twice.status_code == 200
    assert any("already checked in" in message for message in flashed(twice))
    event.refresh_from_db()
    assert event.attended_count == 1

    undone = client.post(url("check-in-undo", event), {"registration_id": ada.pk}, follow=True)
    assert flashed(undone) == ["Ada is no longer checked in."]
    event.refresh_from_db()
    assert event.attended_count == 0


def test_check_in_refuses_nonsense_without_a_500(community, event, moderator):
    client = browser(moderator)
    waitlisted = register(event, status=RegistrationStatus.WAITLISTED)
    elsewhere = register(make_event(factories.CommunityFactory()))
    for data in ({}, {"registration_id": "x"}, {"registration_id": 2**31}, {"ticket_code": "nope"},
                 {"registration_id": waitlisted.pk}, {"ticket_code": elsewhere.ticket_code}):  # fmt: skip
        response = client.post(url("check-in", event), data, follow=True, HTTP_REFERER=url("check-in", event))
        assert response.status_code == 200, data
        assert flashed(response), data
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_the_scan_page_shows_whose_ticket_it_is_and_checks_them_in(community, event, moderator):
    registration = register(
        event, factories.member(community=community, user=factories.UserFactory(display_name="Lin"))
    )
    client = browser(moderator)
    page = client.get(url("check-in-scan", event, code=registration.ticket_code))
    assert page.status_code == 200
    assert page.context["found"] == registration and b"Lin" in page.content
    assert b"js/check-in-scan.js" in page.content
    done = client.post(url("check-in", event), {"ticket_code": registration.ticket_code, "next": "scan"})
    assert done.status_code == 302 and done["Location"] == url("check-in-scan", event)
    unknown = client.get(url("check-in-scan", event, code="nope"))
    assert (
        unknown.context["found"] is None
        and b"No registration for this event has this ticket" in unknown.content
    )


@pytest.mark.parametrize("name", ["check-in", "check-in-scan", "no-shows"])
def test_who_opens_the_check_in_pages(community, event, name):
    for role, expected in (
        (Role.OWNER, 200),
        (Role.ADMIN, 200),
        (Role.MODERATOR, 200),
        (Role.EXPERT, 403),
        (Role.MEMBER, 403),
    ):
        assert (
            browser(factories.member(community=community, role=role).user).get(url(name, event)).status_code
            == expected
        )
    assert browser(host(event).user).get(url(name, event)).status_code == 200
    other_host = host(make_event(community)).user
    assert browser(other_host).get(url(name, event)).status_code == 403
    assert browser().get(url(name, event)).status_code == 302
    outsider = factories.member(community=factories.CommunityFactory(), role=Role.OWNER).user
    assert browser(outsider).get(url(name, event)).status_code in (403, 404)


def test_a_host_checks_in_and_a_plain_member_may_not(community, event):
    registration = register(event)
    member = factories.member(community=community).user
    assert (
        browser(member).post(url("check-in", event), {"registration_id": registration.pk}).status_code == 403
    )
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None
    response = browser(host(event).user).post(url("check-in", event), {"registration_id": registration.pk})
    assert response.status_code == 302
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None


def test_no_shows_after_the_end(community, moderator):
    event = past_event(community)
    came = register(
        event,
        factories.member(community=community, user=factories.UserFactory(display_name="Came")),
        checked_in_at=timezone.now(),
    )
    register(
        event, factories.member(community=community, user=factories.UserFactory(display_name="Stayed home"))
    )
    page = browser(moderator).get(url("no-shows", event))
    assert b"Stayed home" in page.content and b"Came" not in page.content
    assert came.checked_in_at is not None


def test_the_lists_cost_the_same_whatever_their_length(community, owner):
    event = past_event(community)
    client = browser(owner)

    def queries(name):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(url(name, event))  # the day's visit and the cached fragments
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(name, event)).status_code == 200
        return len(captured)

    register(event, checked_in_at=timezone.now())
    register(event)
    feedback_user = register(event, checked_in_at=timezone.now())
    EventFeedback.objects.create(
        community=community, event=event, membership=feedback_user.membership, rating=4
    )
    client.get(url("check-in", event))  # warm the session and the caches
    few = {name: queries(name) for name in ("check-in", "no-shows", "feedback-results")}
    for _ in range(6):
        other = register(event, checked_in_at=timezone.now())
        register(event)
        EventFeedback.objects.create(
            community=community, event=event, membership=other.membership, rating=5, comments="ok"
        )
    many = {name: queries(name) for name in ("check-in", "no-shows", "feedback-results")}
    assert few == many


# --- Feedback --------------------------------------------------------------------------------------------


def test_an_attendee_gives_and_edits_feedback(community):
    event = past_event(community)
    user = register(event, checked_in_at=event.starts_at).membership.user
    client = browser(user)
    page = client.get(url("feedback", event))
    assert page.status_code == 200 and "form" in page.context
    sent = client.post(url("feedback", event), {"rating": "4", "comments": "Lovely light"}, follow=True)
    assert flashed(sent) == ["Thank you: the organisers will read your feedback."]
    page = client.get(url("feedback", event))
    assert page.context["form"].initial == {"rating": 4, "comments": "Lovely light"}
    client.post(url("feedback", event), {"rating": "5", "comments": ""})
    assert EventFeedback.objects.get().rating == 5


def test_feedback_form_refusals(community):
    event = past_event(community)
    no_show = register(event).membership.user
    page = browser(no_show).get(url("feedback", event))
    assert b"Only members who were checked in" in page.content
    refused = browser(no_show).post(url("feedback", event), {"rating": "5"})
    assert refused.status_code == 200 and refused.context["form"].errors
    running = make_event(community, starts_in=-timedelta(hours=1), hours=3)
    attendee = register(running, checked_in_at=timezone.now()).membership.user
    assert b"Feedback opens when the event ends" in browser(attendee).get(url("feedback", running)).content
    bad = browser(register(event, checked_in_at=event.starts_at).membership.user).post(
        url("feedback", event), {"rating": "9"}
    )
    assert bad.status_code == 200 and "rating" in bad.context["form"].errors
    assert not EventFeedback.objects.exists()


def test_results_for_operators_and_hosts_only(community):
    event = past_event(community)
    for rating, comments in ((5, "Loved it"), (3, "Too short")):
        membership = register(event, checked_in_at=event.starts_at).membership
        EventFeedback.objects.create(
            community=community, event=event, membership=membership, rating=rating, comments=comments
        )
    owner = factories.member(community=community, role=Role.OWNER).user
    page = browser(owner).get(url("feedback-results", event))
    assert page.status_code == 200
    assert page.context["results"].average == 4.0
    assert b"Loved it" in page.content and b"Too short" in page.content
    assert browser(host(event).user).get(url("feedback-results", event)).status_code == 200
    for role in (Role.MODERATOR, Role.EXPERT, Role.MEMBER):
        assert (
            browser(factories.member(community=community, role=role).user)
            .get(url("feedback-results", event))
            .status_code
            == 403
        )
