"""Writes of events: creating, editing (one occurrence or this and the following of a series),
publishing, cancelling, hosts, and the community's event settings.

Event operators (`manage_events`) create events; they and an event's hosts edit and cancel it.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability, membership_of
from content.images import post_image_file
from events.errors import events as errors
from events.models import Event, EventHost, EventSettings, EventStatus, Registration
from events.models.events import SLUG_MAX
from events.models.registrations import OPEN_STATUSES
from events.selectors.events import is_host
from members.models import Membership

# An event lasts at most this long (a competition or a project runs for weeks, not years).
MAX_DURATION = timedelta(days=180)
# Fields an event's form and API may set; `event_update` refuses any other.
EDITABLE = (
    "kind",
    "title",
    "description",
    "format",
    "meeting_url",
    "venue",
    "address",
    "map_url",
    "time_zone",
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "capacity",
    "waitlist_enabled",
    "requires_approval",
    "visibility",
)
# Fields "this and the following" carries to the later occurrences of a series; times move by the same
# shift instead (each occurrence keeps its own date).
SHARED = tuple(
    name
    for name in EDITABLE
    if name not in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
)


def event_url(event: Event) -> str:
    return reverse("events:detail", kwargs={"slug": event.community.slug, "event_id": event.pk})


def lock_event(community: Community, event_id: int) -> Event:
    """The event row, locked until the transaction ends: every change of its registrations and counters
    happens under this lock (decision 0026)."""
    return Event.objects.select_for_update().filter(community=community, pk=event_id).get()


def ensure_may_manage(actor, community: Community, event: Event) -> Membership | None:
    """An event operator (`manage_events`), or a host of `event` taking part: NotEventManager otherwise.
    Both paths pass `ensure_can`, so an archived community refuses them alike."""
    membership = membership_of(actor, community)
    if getattr(actor, "is_superuser", False) or has_capability(membership, "manage_events"):
        return ensure_can(actor, "manage_events", community, membership=membership)
    if is_host(membership, event):
        return ensure_can(actor, "participate", community, membership=membership)
    raise errors.NotEventManager()


def clean_event(event: Event) -> None:
    """The rules of an event's fields, as field errors (EventInvalid)."""
    fields: dict[str, list[str]] = {}
    if event.starts_at and event.ends_at:
        if event.ends_at <= event.starts_at:
            fields["ends_at"] = [gettext("An event ends after it starts.")]
        elif event.ends_at - event.starts_at > MAX_DURATION:
            fields["ends_at"] = [gettext("An event lasts at most 180 days.")]
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if opens and closes and closes <= opens:
        fields["registration_closes_at"] = [gettext("Registration closes after it opens.")]
    if opens and event.ends_at and opens >= event.ends_at:
        fields["registration_opens_at"] = [gettext("Registration opens before the event ends.")]
    try:
        event.full_clean(
            exclude=["community", "series", "created_by", "slug", "cover"], validate_constraints=False
        )
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            fields.setdefault(name, []).extend(messages)
    if fields:
        raise errors.EventInvalid(fields=fields)


def unique_slug(community: Community, title: str, *, suffix: str = "") -> str:
    """An address for a new event: its title as a slug (or "event"), numbered when taken."""
    base = (slugify(title) or "event")[: SLUG_MAX - len(suffix) - 6].strip("-") or "event"
    base = f"{base}{suffix}"
    taken = set(
        Event.objects.for_community(community).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _hosts_of(community: Community, host_ids) -> list[Membership]:
    host_ids = list(dict.fromkeys(host_ids or []))
    hosts = list(
        Membership.objects.for_community(community).filter(pk__in=host_ids, status="active").order_by("pk")
    )
    if len(hosts) != len(host_ids):
        raise errors.EventInvalid(fields={"host_ids": [gettext("Choose active members of this community.")]})
    return hosts


def _set_hosts(community: Community, event: Event, hosts: list[Membership]) -> None:
    EventHost.objects.for_community(community).filter(event=event).exclude(membership__in=hosts).delete()
    have = set(
        EventHost.objects.for_community(community).filter(event=event).values_list("membership_id", flat=True)
    )
    EventHost.objects.bulk_create(
        [
            EventHost(community=community, event=event, membership=host)
            for host in hosts
            if host.pk not in have
        ]
    )


def _cover(cover):
    return post_image_file(cover) if cover else cover


def build_event(*, community: Community, fields: dict) -> Event:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise errors.EventInvalid(
            fields={name: [gettext("This field cannot be set here.")] for name in sorted(unknown)}
        )
    event = Event(community=community, time_zone=community.timezone)
    for name, value in fields.items():
        setattr(event, name, value)
    event.time_zone = event.time_zone or community.timezone
    event.title = " ".join((event.title or "").split())
    return event


@transaction.atomic
def event_create(
    *,
    actor,
    community: Community,
    host_ids=(),
    cover=None,
    publish: bool = True,
    **fields,
) -> Event:
    """Create an event (event operators). Published at once unless `publish` is False (a draft). Its
    time zone defaults to the community's; `host_ids` are memberships of active members."""
    membership = ensure_can(actor, "manage_events", community)
    event = build_event(community=community, fields=fields)
    clean_event(event)
    hosts = _hosts_of(community, host_ids)
    event.slug = unique_slug(community, event.title)
    event.created_by = membership
    if cover:
        event.cover = _cover(cover)
    if publish:
        event.status, event.published_at = EventStatus.PUBLISHED, timezone.now()
    event.save()
    _set_hosts(community, event, hosts)
    record(community=community, actor=actor, verb="event.created", target=event)
    return event


def _apply(event: Event, changes: dict) -> bool:
    """Set `changes` on the (locked) event; True when its capacity grew or lost its limit."""
    before = event.capacity
    for name, value in changes.items():
        setattr(event, name, value)
    if "title" in changes:
        event.title = " ".join((event.title or "").split())
    grew = before is not None and (event.capacity is None or event.capacity > before)
    if event.capacity is not None and event.capacity < event.confirmed_count:
        raise errors.EventInvalid(
            fields={
                "capacity": [
                    gettext("%(count)s members are already confirmed: the capacity cannot be lower.")
                    % {"count": event.confirmed_count}
                ]
            }
        )
    clean_event(event)
    return grew


@transaction.atomic
def event_update(
    *,
    actor,
    community: Community,
    event: Event,
    scope: str = "this",
    host_ids=None,
    cover=None,
    clear_cover=False,
    **changes,
) -> Event:
    """Edit an event (event operators and its hosts). For an occurrence of a series, `scope` "following"
    carries the shared fields to every later occurrence too, and moves their times by the same shift as
    this one's. A capacity that grows (or is lifted) promotes from the waitlist at once; a capacity below
    the confirmed registrations is refused."""
    from events.services.registrations import promote_waitlisted

    ensure_may_manage(actor, community, event)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise errors.EventInvalid(
            fields={name: [gettext("This field cannot be set here.")] for name in sorted(unknown)}
        )
    if scope not in ("this", "following"):
        raise errors.EventInvalid(
            fields={"scope": [gettext("Choose this event, or this and the following.")]}
        )
    event = lock_event(community, event.pk)
    if event.is_cancelled:
        raise errors.EventCancelled()
    shifts = {
        name: changes[name] - getattr(event, name)
        for name in ("starts_at", "ends_at")
        if changes.get(name) is not None and getattr(event, name) is not None
    }
    grew = _apply(event, changes)
    if host_ids is not None:
        _set_hosts(community, event, _hosts_of(community, host_ids))
    if cover:
        event.cover = _cover(cover)
    elif clear_cover:
        event.cover = ""
    event.save()
    if grew:
        promote_waitlisted(community=community, event=event)
    if scope == "following" and event.series_id:
        later = (
            Event.objects.for_community(community)
            .filter(
                series_id=event.series_id,
                starts_at__gt=event.starts_at - shifts.get("starts_at", timedelta()),
            )
            .exclude(pk=event.pk)
            .exclude(status=EventStatus.CANCELLED)
            .order_by("starts_at")
            .values_list("pk", flat=True)
        )
        shared = {name: value for name, value in changes.items() if name in SHARED}
        for pk in list(later):
            other = lock_event(community, pk)
            moved = dict(shared)
            for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
                shift = shifts.get("starts_at" if name != "ends_at" else "ends_at")
                if shift and getattr(other, name) is not None:
                    moved[name] = getattr(other, name) + shift
            other_grew = _apply(other, moved)
            if host_ids is not None:
                _set_hosts(community, other, _hosts_of(community, host_ids))
            other.save()
            if other_grew:
                promote_waitlisted(community=community, event=other)
    record(community=community, actor=actor, verb="event.updated", target=event, data={"scope": scope})
    return event


@transaction.atomic
def event_publish(*, actor, community: Community, event: Event) -> Event:
    """Publish a draft: it appears in the list and takes registrations."""
    ensure_may_manage(actor, community, event)
    event = lock_event(community, event.pk)
    if event.status == EventStatus.CANCELLED:
        raise errors.EventCancelled()
    if event.status == EventStatus.DRAFT:
        event.status, event.published_at = EventStatus.PUBLISHED, timezone.now()
        event.save(update_fields=["status", "published_at", "updated_at"])
        record(community=community, actor=actor, verb="event.published", target=event)
    return event


@transaction.atomic
def event_cancel(*, actor, community: Community, event: Event, scope: str = "this", note: str = "") -> Event:
    """Cancel an event (and, with `scope` "following", the later occurrences of its series): it stays
    readable, takes no more registrations, and everyone registered or waiting hears of it in their
    language."""
    ensure_may_manage(actor, community, event)
    if scope not in ("this", "following"):
        raise errors.EventInvalid(
            fields={"scope": [gettext("Choose this event, or this and the following.")]}
        )
    ids = [event.pk]
    if scope == "following" and event.series_id:
        ids += list(
            Event.objects.for_community(community)
            .filter(series_id=event.series_id, starts_at__gt=event.starts_at)
            .exclude(status=EventStatus.CANCELLED)
            .values_list("pk", flat=True)
        )
    first = None
    for pk in ids:
        locked = lock_event(community, pk)
        first = first or locked
        if locked.status == EventStatus.CANCELLED:
            if pk == event.pk:
                raise errors.EventCancelled()
            continue
        if locked.is_past_at(timezone.now()):
            if pk == event.pk:
                raise errors.EventFinished()
            continue
        locked.status, locked.cancelled_at = EventStatus.CANCELLED, timezone.now()
        locked.save(update_fields=["status", "cancelled_at", "updated_at"])
        registrants = (
            Registration.objects.for_community(community)
            .filter(event=locked, status__in=OPEN_STATUSES)
            .select_related("membership__user")
        )
        for registration in registrants:
            notify(
                community=community,
                recipient=registration.membership.user,
                kind="event.cancelled",
                params={"event": locked.title},
                note=note,
                url=event_url(locked),
            )
        record(community=community, actor=actor, verb="event.cancelled", target=locked)
    return first


@transaction.atomic
def event_settings_update(*, actor, community: Community, max_open_registrations: int) -> EventSettings:
    ensure_can(actor, "manage_events", community)
    settings = EventSettings.objects.select_for_update().filter(community=community).first() or EventSettings(
        community=community
    )
    settings.max_open_registrations = max_open_registrations
    try:
        settings.full_clean(exclude=["community"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise errors.EventInvalid(fields=exc.message_dict) from exc
    settings.save()
    record(community=community, actor=actor, verb="event_settings.updated")
    return settings
