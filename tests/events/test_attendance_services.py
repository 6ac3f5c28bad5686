"""Check-in through the services: recorded once, confirmed registrations of this event only, by the
check_in capability or the event's hosts, inside the window; undo; no-shows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from communities import services as community_services
from communities.errors import CommunityArchived
from communities.roles import MembershipStatus, Role
from events.errors import attendance as errors
from events.errors.registrations import RegistrationCheckedIn
from events.models import Event, Registration, RegistrationStatus
from events.selectors import attendance as selectors
from events.services import registrations as registration_services
from events.services.attendance import attendance_check_in, attendance_undo
from tests import factories
from tests.events.attendance_helpers import host, make_event, past_event, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(community):
    return make_event(community)


@pytest.fixture
def moderator(community):
    return factories.member(community=community, role=Role.MODERATOR).user


def attended(event) -> int:
    return Event.objects.get(pk=event.pk).attended_count


def test_check_in_by_registration_records_attendance_once(community, event, moderator):
    registration = register(event)
    done = attendance_check_in(
        actor=moderator, community=community, event=event, registration_id=registration.pk
    )
    assert done.checked_in_at is not None
    assert done.checked_in_by.user == moderator
    assert attended(event) == 1
    activity = ActivityEvent.objects.get(verb="event.attended")
    assert activity.actor == registration.membership.user  # the attendee's participation
    assert activity.target_id == str(registration.pk)

    with pytest.raises(errors.AlreadyCheckedIn) as refused:
        attendance_check_in(
            actor=moderator, community=community, event=event, registration_id=registration.pk
        )
    assert refused.value.code == "already_checked_in"
    assert registration.membership.user.name in str(refused.value.message)
    assert attended(event) == 1
    assert ActivityEvent.objects.filter(verb="event.attended").count() == 1


def test_check_in_by_ticket_code(community, event, owner):
    registration = register(event)
    done = attendance_check_in(
        actor=owner, community=community, event=event, ticket_code=f"  {registration.ticket_code} "
    )
    assert done.pk == registration.pk and done.checked_in_at is not None
    with pytest.raises(errors.AlreadyCheckedIn):
        attendance_check_in(
            actor=owner, community=community, event=event, ticket_code=registration.ticket_code
        )


@pytest.mark.parametrize(
    "status", [RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING, RegistrationStatus.CANCELLED]
)
def test_only_confirmed_registrations_are_checked_in(community, event, owner, status):
    registration = register(event, status=status)
    with pytest.raises(errors.NotConfirmed):
        attendance_check_in(actor=owner, community=community, event=event, registration_id=registration.pk)
    assert attended(event) == 0
    assert not ActivityEvent.objects.filter(verb="event.attended").exists()


def test_codes_and_ids_of_other_events_and_communities_are_refused(community, event, owner):
    other_event = make_event(community)
    elsewhere = make_event(factories.CommunityFactory())
    for registration in (register(other_event), register(elsewhere)):
        with pytest.raises(errors.TicketNotFound) as refused:
            attendance_check_in(
                actor=owner, community=community, event=event, ticket_code=registration.ticket_code
            )
        assert "ticket_code" in refused.value.fields
        with pytest.raises(errors.TicketNotFound) as refused:
            attendance_check_in(
                actor=owner, community=community, event=event, registration_id=registration.pk
            )
        assert "registration_id" in refused.value.fields
    for code in ("", "   ", "made-up-code"):
        with pytest.raises(errors.TicketNotFound):
            attendance_check_in(actor=owner, community=community, event=event, ticket_code=code)
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


@pytest.mark.parametrize(
    ("role", "status", "allowed"),
    [
        (Role.OWNER, MembershipStatus.ACTIVE, True),
        (Role.ADMIN, MembershipStatus.ACTIVE, True),
        (Role.MODERATOR, MembershipStatus.ACTIVE, True),
        (Role.EXPERT, MembershipStatus.ACTIVE, False),
        (Role.MEMBER, MembershipStatus.ACTIVE, False),
        (Role.MODERATOR, MembershipStatus.BANNED, False),
        (Role.OWNER, MembershipStatus.LEFT, False),
    ],
)
def test_who_checks_in(community, event, role, status, allowed):
    actor = factories.member(community=community, role=role, status=status).user
    registration = register(event)
    if allowed:
        attendance_check_in(actor=actor, community=community, event=event, registration_id=registration.pk)
        assert attended(event) == 1
    else:
        with pytest.raises(errors.NotCheckInOperator):
            attendance_check_in(
                actor=actor, community=community, event=event, registration_id=registration.pk
            )
        assert attended(event) == 0


def test_the_events_hosts_check_in_at_their_own_event_only(community, event):
    hosting = host(event)
    registration = register(event)
    attendance_check_in(actor=hosting.user, community=community, event=event, registration_id=registration.pk)
    other = make_event(community)
    elsewhere = register(other)
    with pytest.raises(errors.NotCheckInOperator):
        attendance_check_in(
            actor=hosting.user, community=community, event=other, registration_id=elsewhere.pk
        )
    hosting.status = MembershipStatus.BANNED
    hosting.save()
    with pytest.raises(errors.NotCheckInOperator):
        attendance_undo(actor=hosting.user, community=community, event=event, registration_id=registration.pk)


def test_outsiders_and_anonymous_visitors_are_refused(community, event):
    registration = register(event)
    outsider = factories.member(community=factories.CommunityFactory(), role=Role.OWNER).user
    for actor in (outsider, factories.UserFactory()):
        with pytest.raises(errors.NotCheckInOperator):
            attendance_check_in(
                actor=actor, community=community, event=event, registration_id=registration.pk
            )


def test_an_archived_community_takes_no_check_in_even_from_a_host(community, event, owner):
    hosting = host(event)
    registration = register(event)
    community_services.community_archive(actor=owner, community=community)
    community.refresh_from_db()
    for actor in (owner, hosting.user):
        with pytest.raises(CommunityArchived):
            attendance_check_in(
                actor=actor, community=community, event=event, registration_id=registration.pk
            )


def test_check_in_opens_a_day_before_and_closes_a_week_after(community, owner):
    early = make_event(community, starts_in=timedelta(days=2))
    registration = register(early)
    with pytest.raises(errors.CheckInClosed):
        attendance_check_in(actor=owner, community=community, event=early, registration_id=registration.pk)
    later = timezone.now() + timedelta(days=1, hours=1)
    attendance_check_in(
        actor=owner, community=community, event=early, registration_id=registration.pk, now=later
    )
    old = make_event(community, starts_in=-timedelta(days=9))
    with pytest.raises(errors.CheckInClosed):
        attendance_check_in(actor=owner, community=community, event=old, registration_id=register(old).pk)
    draft = make_event(community, status="draft")
    with pytest.raises(errors.CheckInClosed):
        attendance_check_in(actor=owner, community=community, event=draft, registration_id=register(draft).pk)


def test_undo_takes_the_check_in_back_once(community, event, owner):
    registration = register(event)
    attendance_check_in(actor=owner, community=community, event=event, registration_id=registration.pk)
    undone = attendance_undo(actor=owner, community=community, event=event, registration_id=registration.pk)
    assert undone.checked_in_at is None and undone.checked_in_by is None
    assert attended(event) == 0
    assert ActivityEvent.objects.filter(verb="event.check_in_undone").count() == 1
    with pytest.raises(errors.NotCheckedIn):
        attendance_undo(actor=owner, community=community, event=event, registration_id=registration.pk)
    assert attended(event) == 0
    attendance_check_in(actor=owner, community=community, event=event, registration_id=registration.pk)
    assert attended(event) == 1


def test_no_shows_are_the_confirmed_never_checked_in_once_it_is_over(community, owner):
    event = past_event(community)
    came = register(event)
    stayed_home = register(event)
    register(event, status=RegistrationStatus.WAITLISTED)
    register(event, status=RegistrationStatus.CANCELLED)
    attendance_check_in(actor=owner, community=community, event=event, registration_id=came.pk)
    assert list(selectors.no_show_list(community=community, event=event)) == [stayed_home]
    upcoming = make_event(community)
    register(upcoming)
    assert not selectors.no_show_list(community=community, event=upcoming).exists()


def test_the_attendee_list_searches_names(community, event):
    ada = register(
        event, factories.member(community=community, user=factories.UserFactory(display_name="Ada Byron"))
    )
    register(event, factories.member(community=community, user=factories.UserFactory(display_name="Grace")))
    register(event, status=RegistrationStatus.WAITLISTED)
    assert selectors.attendee_list(community=community, event=event).count() == 2
    assert list(selectors.attendee_list(community=community, event=event, search="byr")) == [ada]
    assert list(
        selectors.attendee_list(community=community, event=event, search=ada.membership.user.username)
    ) == [ada]


def test_checked_in_is_neither_cancelled_nor_removed_until_undone(community, event, moderator, owner):
    """The attendance stays true: the count of attendees never includes a cancelled registration."""
    registration = register(event)
    attendance_check_in(actor=moderator, community=community, event=event, registration_id=registration.pk)
    member = registration.membership.user
    with pytest.raises(RegistrationCheckedIn):
        registration_services.registration_cancel(actor=member, community=community, event=event)
    with pytest.raises(RegistrationCheckedIn):
        registration_services.registration_decline(
            actor=owner, community=community, event=event, registration=registration
        )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and attended(event) == 1
    attendance_undo(actor=moderator, community=community, event=event, registration_id=registration.pk)
    registration_services.registration_cancel(actor=member, community=community, event=event)
    assert attended(event) == 0
