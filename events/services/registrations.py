"""Writes of registrations: registering (confirmed, waitlisted or awaiting approval), cancelling and
declining a promotion, the operators' approvals and refusals, and the waitlist's promotions (the
registration questions are written by events.services.questions).

Capacity is exact under concurrency (docs/decisions/0026-event-capacity.md): every change of an event's
registrations first locks the event's row (`lock_event`, SELECT ... FOR UPDATE), then reads its stored
counters and writes the registration and the counters in the same transaction. Two registrations for
one event never decide at once, so the hundredth place is given once, and a member registering twice
at once gets the sequential answer (the second finds the first: `already_registered`, 409). The table's
check constraint (`event_within_capacity`) would refuse an overbooking the services let through.
"""

from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from events.errors import events as event_errors
from events.errors import registrations as errors
from events.models import Event, EventStatus, Registration, RegistrationStatus
from events.models.registrations import ANSWER_MAX, OPEN_STATUSES
from events.selectors.events import event_settings_for
from events.selectors.registrations import open_registration_count, registration_question_list
from events.services.events import ensure_may_manage, event_url, lock_event
from members.errors import NotAMember
from members.models import Membership

COUNTERS = {
    RegistrationStatus.CONFIRMED: "confirmed_count",
    RegistrationStatus.WAITLISTED: "waitlist_count",
    RegistrationStatus.PENDING: "pending_count",
}


def _move(event: Event, registration: Registration, to: str, *, now) -> None:
    """Change the registration's status and the event's counters together (the event row is locked;
    both are saved by the caller: the event with `_save_counts`).

    A waitlist position is the member's place in line: when someone leaves the waitlist (promoted,
    cancelled, removed), everyone behind them moves up one."""
    before = registration.status if registration.pk else None
    if before == RegistrationStatus.WAITLISTED and to != before and registration.position is not None:
        Registration.objects.for_community(event.community_id).filter(
            event=event, status=RegistrationStatus.WAITLISTED, position__gt=registration.position
        ).update(position=F("position") - 1)
    if before in COUNTERS:
        setattr(event, COUNTERS[before], max(getattr(event, COUNTERS[before]) - 1, 0))
    if to in COUNTERS:
        setattr(event, COUNTERS[to], getattr(event, COUNTERS[to]) + 1)
    registration.status = to
    registration.position = None
    if to == RegistrationStatus.CONFIRMED:
        registration.confirmed_at = now
    if to == RegistrationStatus.WAITLISTED:
        last = (
            Registration.objects.for_community(event.community_id)
            .filter(event=event, status=RegistrationStatus.WAITLISTED)
            .aggregate(last=Max("position"))["last"]
        )
        registration.position = (last or 0) + 1
    if to in (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED):
        registration.cancelled_at = now
    elif registration.cancelled_at is not None:
        registration.cancelled_at = None


def _save_counts(event: Event) -> None:
    event.save(update_fields=["confirmed_count", "waitlist_count", "pending_count", "updated_at"])


def _has_place(event: Event) -> bool:
    return event.capacity is None or event.confirmed_count < event.capacity


def clean_answers(*, community: Community, event: Event, answers) -> dict[str, str]:
    """The answers keyed by question id (text, trimmed), every required question answered."""
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise errors.AnswersInvalid(fields={"answers": [gettext("Send the answers as an object.")]})
    questions = list(registration_question_list(community=community, event=event))
    known = {str(question.pk) for question in questions}
    unknown = sorted(set(map(str, answers)) - known)
    if unknown:
        raise errors.AnswersInvalid(
            fields={"answers": [gettext("Unknown question: %(ids)s.") % {"ids": ", ".join(unknown)}]}
        )
    cleaned, missing = {}, {}
    for question in questions:
        value = answers.get(str(question.pk), answers.get(question.pk, ""))
        value = (
            " ".join(str(value if value is not None else "").split())
            if not isinstance(value, str)
            else value.strip()
        )
        if len(value) > ANSWER_MAX:
            missing[f"answer_{question.pk}"] = [gettext("At most %(max)s characters.") % {"max": ANSWER_MAX}]
        elif question.required and not value:
            missing[f"answer_{question.pk}"] = [gettext("This question needs an answer.")]
        elif value:
            cleaned[str(question.pk)] = value
    if missing:
        raise errors.AnswersInvalid(fields=missing)
    return cleaned


def _registrant(actor, community: Community) -> Membership:
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise NotAMember()
    return membership


def _ensure_open(event: Event, now) -> None:
    if event.status == EventStatus.CANCELLED:
        raise event_errors.EventCancelled()
    if not event.registration_open_at(now):
        raise errors.RegistrationClosed()


@transaction.atomic
def registration_create(*, actor, community: Community, event: Event, answers=None) -> Registration:
    """Register `actor` for `event`: confirmed while places are left, else on the waitlist (when the
    event has one; `event_full` otherwise); awaiting approval when the event needs it. Within the
    registration window only, and within the community's cap of open registrations per member.

    Locks the event row first (and, when the community caps open registrations, the member's row before
    it, always in that order), so concurrent registrations never exceed the capacity.
    """
    membership = _registrant(actor, community)
    cap = event_settings_for(community=community).max_open_registrations
    if cap:
        Membership.objects.select_for_update().filter(community=community, pk=membership.pk).get()
    event = lock_event(community, event.pk)
    now = timezone.now()
    _ensure_open(event, now)
    registration = (
        Registration.objects.for_community(community).filter(event=event, membership=membership).first()
    )
    if registration is not None and registration.is_open:
        raise errors.AlreadyRegistered()
    cleaned = clean_answers(community=community, event=event, answers=answers)
    if (
        cap
        and open_registration_count(community=community, membership=membership, now=now, exclude_event=event)
        >= cap
    ):
        raise errors.OpenRegistrationsCapReached()
    if event.requires_approval:
        status = RegistrationStatus.PENDING
    elif _has_place(event):
        status = RegistrationStatus.CONFIRMED
    elif event.waitlist_enabled:
        status = RegistrationStatus.WAITLISTED
    else:
        raise errors.EventFull()
    if registration is None:
        registration = Registration(community=community, event=event, membership=membership)
    else:
        registration.status = RegistrationStatus.CANCELLED  # counted nowhere: `_move` adds it once
        registration.promoted_at = None
    registration.answers = cleaned
    _move(event, registration, status, now=now)
    registration.save()
    _save_counts(event)
    record(community=community, actor=actor, verb="event.registered", target=event, data={"status": status})
    return registration


def promote_waitlisted(*, community: Community, event: Event) -> list[Registration]:
    """Confirm the first members of the waitlist while places are free (the event is locked by the
    caller); each promoted member is told in their language and may decline (cancel) their place, which
    promotes the next."""
    promoted = []
    now = timezone.now()
    while _has_place(event) and event.waitlist_count > 0:
        registration = (
            Registration.objects.for_community(community)
            .filter(event=event, status=RegistrationStatus.WAITLISTED)
            .select_related("membership__user")
            .order_by("position", "id")
            .first()
        )
        if registration is None:
            event.waitlist_count = 0
            break
        _move(event, registration, RegistrationStatus.CONFIRMED, now=now)
        registration.promoted_at = now
        registration.save()
        promoted.append(registration)
    _save_counts(event)
    for registration in promoted:
        notify(
            community=community,
            recipient=registration.membership.user,
            kind="event.promoted",
            params={"event": event.title},
            url=event_url(event),
        )
        record(
            community=community,
            actor=None,
            verb="event.promoted",
            target=event,
            data={"registration": registration.pk},
        )
    return promoted


@transaction.atomic
def registration_cancel(*, actor, community: Community, event: Event) -> Registration:
    """Cancel my registration (or leave the waitlist, withdraw a pending one, or decline a place I was
    promoted to): a confirmed place that frees promotes the first on the waitlist."""
    membership = _registrant(actor, community)
    event = lock_event(community, event.pk)
    registration = (
        Registration.objects.for_community(community).filter(event=event, membership=membership).first()
    )
    if registration is None or not registration.is_open:
        raise errors.NotRegistered()
    if event.is_past_at(timezone.now()):
        raise event_errors.EventFinished()
    if registration.checked_in_at is not None:
        raise errors.RegistrationCheckedIn()
    was = registration.status
    _move(event, registration, RegistrationStatus.CANCELLED, now=timezone.now())
    registration.save()
    _save_counts(event)
    record(
        community=community, actor=actor, verb="event.registration_cancelled", target=event, data={"was": was}
    )
    if was == RegistrationStatus.CONFIRMED and event.status == EventStatus.PUBLISHED:
        promote_waitlisted(community=community, event=event)
    return registration


def _managed(
    actor, community: Community, event: Event, registration: Registration
) -> tuple[Event, Registration]:
    ensure_may_manage(actor, community, event)
    event = lock_event(community, event.pk)
    registration = (
        Registration.objects.for_community(community)
        .select_related("membership__user")
        .get(pk=registration.pk)
    )
    return event, registration


@transaction.atomic
def registration_approve(
    *, actor, community: Community, event: Event, registration: Registration
) -> Registration:
    """Approve a pending registration: confirmed when a place is left, else waitlisted (or `event_full`
    without a waitlist). The member is told in their language."""
    event, registration = _managed(actor, community, event, registration)
    if registration.status != RegistrationStatus.PENDING:
        raise errors.RegistrationStateInvalid()
    if event.status == EventStatus.CANCELLED:
        raise event_errors.EventCancelled()
    if _has_place(event):
        to = RegistrationStatus.CONFIRMED
    elif event.waitlist_enabled:
        to = RegistrationStatus.WAITLISTED
    else:
        raise errors.EventFull()
    _move(event, registration, to, now=timezone.now())
    registration.save()
    _save_counts(event)
    notify(
        community=community,
        recipient=registration.membership.user,
        kind="event.approved" if to == RegistrationStatus.CONFIRMED else "event.approved_waitlisted",
        params={"event": event.title},
        url=event_url(event),
    )
    record(community=community, actor=actor, verb="event.registration_approved", target=event)
    return registration


@transaction.atomic
def registration_decline(
    *, actor, community: Community, event: Event, registration: Registration, note: str = ""
) -> Registration:
    """Refuse a registration (pending, waitlisted or confirmed); a confirmed place that frees promotes
    the first on the waitlist. The member is told in their language, with the note."""
    event, registration = _managed(actor, community, event, registration)
    if not registration.is_open:
        raise errors.RegistrationStateInvalid()
    if registration.checked_in_at is not None:
        raise errors.RegistrationCheckedIn()
    was = registration.status
    _move(event, registration, RegistrationStatus.DECLINED, now=timezone.now())
    registration.save()
    _save_counts(event)
    notify(
        community=community,
        recipient=registration.membership.user,
        kind="event.declined",
        params={"event": event.title},
        note=note,
        url=event_url(event),
    )
    record(community=community, actor=actor, verb="event.registration_declined", target=event)
    if was == RegistrationStatus.CONFIRMED and event.status == EventStatus.PUBLISHED:
        promote_waitlisted(community=community, event=event)
    return registration


def registration_url(event: Event) -> str:
    return reverse("events:registrations", kwargs={"slug": event.community.slug, "event_id": event.pk})


__all__ = [
    "OPEN_STATUSES",
    "promote_waitlisted",
    "registration_approve",
    "registration_cancel",
    "registration_create",
    "registration_decline",
]
