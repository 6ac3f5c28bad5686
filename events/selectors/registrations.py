"""Reads of registrations: an event's registrations by status (the operators' page, the API and the CSV
export), a member's own registration, and the questions an event asks."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from communities.csvexport import CsvExport, csv_time
from communities.models import Community
from events.errors.registrations import RegistrationNotFound, RegistrationQuestionNotFound
from events.models import Event, Registration, RegistrationQuestion, RegistrationStatus
from events.models.registrations import OPEN_STATUSES
from members.models import Membership


def registration_list(*, community: Community, event: Event, status: str = "") -> QuerySet[Registration]:
    """An event's registrations with their member: by status, the waitlist in its order, then oldest."""
    qs = (
        Registration.objects.for_community(community)
        .filter(event=event)
        .select_related("membership__user")
        .order_by("status", "position", "created_at", "id")
    )
    return qs.filter(status=status) if status else qs


def registration_get(*, community: Community, event: Event, registration_id) -> Registration:
    registration = registration_list(community=community, event=event).filter(pk=registration_id).first()
    if registration is None:
        raise RegistrationNotFound()
    return registration


def my_registration(
    *, community: Community, event: Event, membership: Membership | None
) -> Registration | None:
    if membership is None or membership.pk is None:
        return None
    return Registration.objects.for_community(community).filter(event=event, membership=membership).first()


def my_registrations(
    *, community: Community, membership: Membership | None, event_ids
) -> dict[int, Registration]:
    """The viewer's registrations among `event_ids` (one query, for a list's cards): event id -> row."""
    if membership is None or membership.pk is None:
        return {}
    rows = Registration.objects.for_community(community).filter(
        membership=membership, event_id__in=list(event_ids)
    )
    return {row.event_id: row for row in rows}


def open_registration_count(*, community: Community, membership: Membership, now, exclude_event=None) -> int:
    """A member's open registrations (pending, confirmed, waitlisted) for events not yet over."""
    qs = Registration.objects.for_community(community).filter(
        membership=membership, status__in=OPEN_STATUSES, event__ends_at__gt=now, event__community=community
    )
    if exclude_event is not None:
        qs = qs.exclude(event=exclude_event)
    return qs.count()


def registrations_of(*, community: Community, membership: Membership | None) -> QuerySet[Registration]:
    """A member's registrations (every status) with their event, soonest event first."""
    if membership is None or membership.pk is None:
        return Registration.objects.none()
    return (
        Registration.objects.for_community(community)
        .filter(membership=membership)
        .select_related("event")
        .order_by("event__starts_at", "id")
    )


def registration_question_list(*, community: Community, event: Event) -> QuerySet[RegistrationQuestion]:
    return (
        RegistrationQuestion.objects.for_community(community).filter(event=event).order_by("position", "id")
    )


def registration_question_get(*, community: Community, event: Event, question_id) -> RegistrationQuestion:
    question = registration_question_list(community=community, event=event).filter(pk=question_id).first()
    if question is None:
        raise RegistrationQuestionNotFound()
    return question


def registration_export(*, community: Community, event: Event) -> CsvExport:
    """The CSV of an event's registrations: member, status, waitlist position, times, then one column per
    registration question (its label in the header, each answer in its own cell, escaped like any cell)."""
    questions = list(registration_question_list(community=community, event=event))
    zone = community.timezone

    def rows():
        for registration in registration_list(community=community, event=event).iterator(chunk_size=500):
            answers = registration.answers or {}
            yield [
                registration.membership.user.name,
                registration.membership.user.username,
                RegistrationStatus(registration.status).label,
                registration.position,
                csv_time(registration.created_at, zone),
                csv_time(registration.confirmed_at, zone),
                csv_time(registration.cancelled_at, zone),
                csv_time(registration.checked_in_at, zone),
                *[answers.get(str(question.pk), "") for question in questions],
            ]

    return CsvExport(
        filename=f"event-{event.pk}-registrations.csv",
        header=[
            _("Name"),
            _("Username"),
            _("Status"),
            _("Waitlist position"),
            _("Registered"),
            _("Confirmed"),
            _("Cancelled"),
            _("Checked in"),
            *[question.label for question in questions],
        ],
        rows=rows(),
    )
