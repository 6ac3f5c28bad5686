"""Check-in: operators (the check_in capability) and the event's hosts check confirmed registrants in, by
registration or by the ticket code the ticket's QR code carries, and undo a mistaken check-in.

Attendance is recorded once: the event row and then the registration row are locked (the order the
registration services lock them in), a second check-in is `already_checked_in` (409) and writes nothing,
and `Event.attended_count` changes here only, in the same transaction.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import formats, timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, ensure_writable, has_capability, membership_of
from events.errors import attendance as errors
from events.models import Event, EventStatus, Registration, RegistrationStatus
from events.selectors.events import is_host

# Check-in opens this long before the start and closes this long after the end (late corrections).
CHECK_IN_OPENS = timedelta(days=1)
CHECK_IN_CLOSES = timedelta(days=7)


def ensure_may_check_in(actor, community: Community, event: Event):
    """The actor's membership when they hold check_in or host the event (writes refused when the
    community is archived); NotCheckInOperator otherwise."""
    membership = membership_of(actor, community)
    if getattr(actor, "is_superuser", False) or has_capability(membership, "check_in"):
        return ensure_can(actor, "check_in", community, membership=membership)
    if is_host(membership, event):
        ensure_writable(community)
        return membership
    raise errors.NotCheckInOperator()


def check_in_open_at(event: Event, now) -> bool:
    return (
        event.status == EventStatus.PUBLISHED
        and event.starts_at - CHECK_IN_OPENS <= now <= event.ends_at + CHECK_IN_CLOSES
    )


def _lock_event(community: Community, event: Event) -> Event:
    return Event.objects.select_for_update().filter(community=community, pk=event.pk).get()


def _lock_registration(
    community: Community, event: Event, *, registration_id: int | None, ticket_code: str | None
) -> Registration:
    """The event's registration named by id or by ticket code, locked; TicketNotFound (400, on the field
    that named it) for anything else: another event's, another community's, a made-up code."""
    qs = Registration.objects.select_for_update().filter(community=community, event=event)
    if registration_id is not None:
        registration, field = qs.filter(pk=registration_id).first(), "registration_id"
    else:
        code = (ticket_code or "").strip()
        registration, field = (qs.filter(ticket_code=code).first() if code else None), "ticket_code"
    if registration is None:
        raise errors.TicketNotFound(fields={field: [str(errors.TicketNotFound.message)]})
    return registration


def _already(registration: Registration) -> errors.AlreadyCheckedIn:
    when = formats.time_format(timezone.localtime(registration.checked_in_at), "TIME_FORMAT")
    day = formats.date_format(timezone.localtime(registration.checked_in_at), "SHORT_DATE_FORMAT")
    return errors.AlreadyCheckedIn(
        gettext("%(name)s is already checked in (%(day)s %(time)s).")
        % {"name": registration.membership.user.name, "day": day, "time": when}
    )


@transaction.atomic
def attendance_check_in(
    *,
    actor,
    community: Community,
    event: Event,
    registration_id: int | None = None,
    ticket_code: str | None = None,
    now=None,
) -> Registration:
    """Check in the registration named by `registration_id` or `ticket_code`; returns it.

    Refused: not an operator or host (403), outside the check-in window or an unpublished event
    (check_in_closed), a registration of another event or a made-up code (ticket_not_found), one that is
    not confirmed (registration_not_confirmed), one already checked in (already_checked_in).
    """
    operator = ensure_may_check_in(actor, community, event)
    now = now or timezone.now()
    event = _lock_event(community, event)
    if not check_in_open_at(event, now):
        raise errors.CheckInClosed()
    registration = _lock_registration(
        community, event, registration_id=registration_id, ticket_code=ticket_code
    )
    if registration.checked_in_at is not None:
        raise _already(registration)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise errors.NotConfirmed()
    registration.checked_in_at = now
    registration.checked_in_by = operator
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    Event.objects.filter(community=community, pk=event.pk).update(attended_count=F("attended_count") + 1)
    record(
        community=community,
        actor=registration.membership.user,
        verb="event.attended",
        target=registration,
        data={"event": event.pk, "checked_in_by": operator.pk if operator is not None else None},
        occurred_at=now,
    )
    return registration


@transaction.atomic
def attendance_undo(
    *, actor, community: Community, event: Event, registration_id: int, now=None
) -> Registration:
    """Take back a check-in (a wrong tap): the registration is confirmed and not checked in again.

    The activity log is append-only: the undo is one more row (`event.check_in_undone`) beside the
    `event.attended` it corrects."""
    ensure_may_check_in(actor, community, event)
    now = now or timezone.now()
    event = _lock_event(community, event)
    if not check_in_open_at(event, now):
        raise errors.CheckInClosed()
    registration = _lock_registration(community, event, registration_id=registration_id, ticket_code=None)
    if registration.checked_in_at is None:
        raise errors.NotCheckedIn()
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    Event.objects.filter(community=community, pk=event.pk).update(
        attended_count=Greatest(F("attended_count") - 1, 0)
    )
    record(
        community=community,
        actor=actor,
        verb="event.check_in_undone",
        target=registration,
        data={"event": event.pk},
        occurred_at=now,
    )
    return registration
