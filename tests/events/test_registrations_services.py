"""Registrations through the services: confirmed, waitlisted, refused when full without a waitlist,
the window, double registration, approval, declining, cancelling with promotion (the promoted member
told in their language, free to decline, which promotes the next), questions, the per-member cap, the
activity recorded and the onboarding step it ticks."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from analytics.models import ActivityEvent
from communities.models import Notification
from events.errors.events import EventInvalid
from events.errors.registrations import (
    AlreadyRegistered,
    AnswersInvalid,
    EventFull,
    NotRegistered,
    OpenRegistrationsCapReached,
    RegistrationClosed,
    RegistrationStateInvalid,
)
from events.models import Registration, RegistrationStatus
from events.services import events as event_services
from events.services import questions as event_question_services
from events.services import registrations as services
from members.selectors import onboarding as onboarding_selectors
from tests import factories
from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def register(community, event, member=None, **kwargs):
    member = member or factories.member(community=community)
    return services.registration_create(actor=member.user, community=community, event=event, **kwargs)


def counts(event):
    event.refresh_from_db()
    return event.confirmed_count, event.waitlist_count, event.pending_count


def test_places_then_waitlist_then_promotion_on_cancellation(community, owner):
    event = make_event(community, owner, capacity=2)
    members = [factories.member(community=community) for _ in range(4)]
    statuses = [register(community, event, member).status for member in members]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert counts(event) == (2, 2, 0)
    assert list(
        Registration.objects.filter(event=event, status="waitlisted")
        .order_by("position")
        .values_list("position", flat=True)
    ) == [1, 2]
    services.registration_cancel(actor=members[0].user, community=community, event=event)
    promoted = Registration.objects.get(event=event, membership=members[2])
    assert promoted.status == RegistrationStatus.CONFIRMED and promoted.promoted_at is not None
    assert counts(event) == (2, 1, 0)
    assert Notification.objects.filter(recipient=members[2].user, kind="event.promoted").exists()
    # The waitlist moved up: the next in line is number 1 now.
    assert Registration.objects.get(event=event, membership=members[3]).position == 1
    # The promoted member declines: the next on the waitlist gets the place.
    services.registration_cancel(actor=members[2].user, community=community, event=event)
    assert Registration.objects.get(event=event, membership=members[3]).status == RegistrationStatus.CONFIRMED
    assert counts(event) == (2, 0, 0)


def test_leaving_the_waitlist_moves_those_behind_up(community, owner):
    event = make_event(community, owner, capacity=1)
    members = [factories.member(community=community) for _ in range(4)]
    for member in members:
        register(community, event, member)
    services.registration_cancel(actor=members[2].user, community=community, event=event)
    positions = dict(
        Registration.objects.filter(event=event, status="waitlisted").values_list("membership", "position")
    )
    assert positions == {members[1].pk: 1, members[3].pk: 2}
    assert register(community, event).position == 3


def test_the_promoted_member_is_told_in_their_language(community, owner):
    event = make_event(community, owner, capacity=1, title="Darkroom")
    first = factories.member(community=community)
    chinese = factories.member(community=community, user=factories.UserFactory(language="zh-hans"))
    register(community, event, first)
    register(community, event, chinese)
    with translation.override("en"):
        services.registration_cancel(actor=first.user, community=community, event=event)
    notice = Notification.objects.get(recipient=chinese.user, kind="event.promoted")
    with translation.override("zh-hans"):
        assert "Darkroom" in notice.title and "名额" in notice.title


def test_full_without_waitlist_is_refused(community, owner):
    event = make_event(community, owner, capacity=1, waitlist_enabled=False)
    register(community, event)
    with pytest.raises(EventFull):
        register(community, event)
    assert counts(event) == (1, 0, 0)


def test_double_registration_is_a_conflict_and_reregistering_after_cancelling_reuses_the_row(
    community, owner
):
    event = make_event(community, owner)
    member = factories.member(community=community)
    first = register(community, event, member)
    with pytest.raises(AlreadyRegistered):
        register(community, event, member)
    services.registration_cancel(actor=member.user, community=community, event=event)
    with pytest.raises(NotRegistered):
        services.registration_cancel(actor=member.user, community=community, event=event)
    again = register(community, event, member)
    assert again.pk == first.pk and again.status == "confirmed" and counts(event) == (1, 0, 0)


def test_registration_outside_the_window_is_refused(community, owner):
    now = timezone.now()
    later = make_event(
        community,
        owner,
        registration_opens_at=now + timedelta(days=1),
        registration_closes_at=now + timedelta(days=2),
    )
    with pytest.raises(RegistrationClosed):
        register(community, later)
    closed = make_event(
        community,
        owner,
        registration_opens_at=now - timedelta(days=2),
        registration_closes_at=now - timedelta(days=1),
    )
    with pytest.raises(RegistrationClosed):
        register(community, closed)
    started = make_event(
        community, owner, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    with pytest.raises(RegistrationClosed):
        register(community, started)
    draft = make_event(community, owner, publish=False)
    with pytest.raises(RegistrationClosed):
        register(community, draft)


def test_approval_confirms_or_waitlists_and_decline_tells_the_member(community, owner):
    event = make_event(community, owner, capacity=1, requires_approval=True)
    one, two, three = (factories.member(community=community) for _ in range(3))
    pending = [register(community, event, member) for member in (one, two, three)]
    assert {r.status for r in pending} == {"pending"} and counts(event) == (0, 0, 3)
    approved = services.registration_approve(
        actor=owner, community=community, event=event, registration=pending[0]
    )
    assert approved.status == "confirmed"
    waiting = services.registration_approve(
        actor=owner, community=community, event=event, registration=pending[1]
    )
    assert waiting.status == "waitlisted"
    with pytest.raises(RegistrationStateInvalid):
        services.registration_approve(actor=owner, community=community, event=event, registration=approved)
    services.registration_decline(
        actor=owner, community=community, event=event, registration=pending[2], note="Full"
    )
    assert counts(event) == (1, 1, 0)
    assert Notification.objects.get(recipient=three.user, kind="event.declined").note == "Full"
    assert Notification.objects.filter(recipient=one.user, kind="event.approved").exists()
    # Declining the confirmed one frees its place for the waitlist.
    services.registration_decline(actor=owner, community=community, event=event, registration=approved)
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"


def test_hosts_approve_and_members_may_not(community, owner):
    host = factories.member(community=community)
    event = make_event(community, owner, requires_approval=True, host_ids=[host.pk])
    registration = register(community, event)
    member = factories.member(community=community).user
    from events.errors.events import NotEventManager

    with pytest.raises(NotEventManager):
        services.registration_approve(
            actor=member, community=community, event=event, registration=registration
        )
    assert (
        services.registration_approve(
            actor=host.user, community=community, event=event, registration=registration
        ).status
        == "confirmed"
    )


def test_questions_are_answered_and_required_ones_enforced(community, owner):
    event = make_event(community, owner)
    question = event_question_services.registration_question_create(
        actor=owner, community=community, event=event, label="Your camera?", required=True
    )
    with pytest.raises(AnswersInvalid) as raised:
        register(community, event, answers={})
    assert f"answer_{question.pk}" in raised.value.fields
    with pytest.raises(AnswersInvalid):
        register(community, event, answers={"999999": "x"})
    with pytest.raises(AnswersInvalid):
        register(community, event, answers={str(question.pk): "x" * 3000})
    registration = register(community, event, answers={str(question.pk): "  Leica M6 "})
    assert registration.answers == {str(question.pk): "Leica M6"}
    with pytest.raises(EventInvalid):
        event_question_services.registration_question_create(
            actor=owner, community=community, event=event, label="  "
        )


def test_the_per_member_cap_counts_open_registrations_of_upcoming_events(community, owner):
    event_services.event_settings_update(actor=owner, community=community, max_open_registrations=2)
    member = factories.member(community=community)
    events = [make_event(community, owner, title=f"Walk {n}") for n in range(3)]
    register(community, events[0], member)
    register(community, events[1], member)
    with pytest.raises(OpenRegistrationsCapReached):
        register(community, events[2], member)
    services.registration_cancel(actor=member.user, community=community, event=events[0])
    assert register(community, events[2], member).status == "confirmed"


def test_registering_records_the_activity_and_ticks_join_a_first_event(community, owner):
    assert onboarding_selectors.step_available("event.registered")
    event = make_event(community, owner)
    member = factories.member(community=community)
    register(community, event, member)
    services.registration_cancel(actor=member.user, community=community, event=event)
    verbs = set(ActivityEvent.objects.filter(actor=member.user).values_list("verb", flat=True))
    assert {"event.registered", "event.registration_cancelled"} <= verbs
    checklist = onboarding_selectors.checklist_for(community=community, user=member.user)
    assert [done for step, done in checklist if step.verb == "event.registered"] == [True]


def test_registering_needs_an_active_member(community, owner):
    from communities.errors import Forbidden

    event = make_event(community, owner)
    outsider = factories.member(community=factories.CommunityFactory()).user
    with pytest.raises(Forbidden):
        services.registration_create(actor=outsider, community=community, event=event)
    banned = factories.member(community=community, status="banned").user
    with pytest.raises(Forbidden):
        services.registration_create(actor=banned, community=community, event=event)
