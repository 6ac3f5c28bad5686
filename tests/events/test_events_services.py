"""Events through the services: creating (bad input refused with field errors), who may edit, capacity
changes, publishing, cancelling (with the registrants told), hosts and series with "this one" and "this
and the following"."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from communities.errors import Forbidden
from communities.models import Notification
from events.errors.events import EventCancelled, EventInvalid, NotEventManager
from events.models import Event, EventHost, EventSeries, EventStatus, RegistrationStatus
from events.services import events as services
from events.services import registrations as registration_services
from events.services.series import event_series_create, occurrences
from tests import factories
from tests.events.helpers import make_event, times

pytestmark = pytest.mark.django_db


def test_operator_creates_a_published_event_in_the_community_time_zone(community, owner):
    community.timezone = "Asia/Shanghai"
    community.save()
    event = make_event(community, owner, capacity=10, kind="webinar", format="online")
    assert event.status == EventStatus.PUBLISHED and event.published_at is not None
    assert event.time_zone == "Asia/Shanghai" and event.slug == "film-night"
    assert make_event(community, owner).slug == "film-night-2"
    assert make_event(community, owner, title="读书会").slug == "event"


def test_a_draft_is_published_later(community, owner):
    event = make_event(community, owner, publish=False)
    assert event.status == EventStatus.DRAFT
    assert (
        services.event_publish(actor=owner, community=community, event=event).status == EventStatus.PUBLISHED
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ends_at": timezone.now() + timedelta(days=2)}, "ends_at"),  # before the start (3 days)
        ({"ends_at": timezone.now() + timedelta(days=300)}, "ends_at"),  # longer than 180 days
        ({"capacity": 0}, "capacity"),
        ({"capacity": -5}, "capacity"),
        ({"capacity": 10**9}, "capacity"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"kind": "party"}, "kind"),
        (
            {
                "registration_opens_at": timezone.now() + timedelta(days=1),
                "registration_closes_at": timezone.now(),
            },
            "registration_closes_at",
        ),
        ({"title": ""}, "title"),
    ],
)
def test_bad_fields_are_refused_with_field_errors(community, owner, fields, field):
    with pytest.raises(EventInvalid) as raised:
        make_event(community, owner, **fields)
    assert field in raised.value.fields
    assert not Event.objects.exists()


def test_members_may_not_create_events(community):
    member = factories.member(community=community).user
    with pytest.raises(Forbidden):
        make_event(community, member)


def test_hosts_edit_their_event_and_other_members_may_not(community, owner):
    host = factories.member(community=community)
    event = make_event(community, owner, host_ids=[host.pk])
    assert EventHost.objects.filter(event=event, membership=host).exists()
    services.event_update(actor=host.user, community=community, event=event, title="Film night, again")
    event.refresh_from_db()
    assert event.title == "Film night, again"
    other = factories.member(community=community).user
    with pytest.raises(NotEventManager):
        services.event_update(actor=other, community=community, event=event, title="Mine")
    with pytest.raises(NotEventManager):
        services.event_cancel(actor=other, community=community, event=event)


def test_a_host_from_another_community_is_refused(community, owner):
    stranger = factories.member(community=factories.CommunityFactory())
    with pytest.raises(EventInvalid) as raised:
        make_event(community, owner, host_ids=[stranger.pk])
    assert "host_ids" in raised.value.fields


def test_raising_the_capacity_promotes_the_waitlist_and_lowering_below_confirmed_is_refused(community, owner):
    event = make_event(community, owner, capacity=1)
    first, second = factories.member(community=community), factories.member(community=community)
    registration_services.registration_create(actor=first.user, community=community, event=event)
    waiting = registration_services.registration_create(actor=second.user, community=community, event=event)
    assert waiting.status == RegistrationStatus.WAITLISTED
    services.event_update(actor=owner, community=community, event=event, capacity=2)
    waiting.refresh_from_db()
    event.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED and waiting.promoted_at is not None
    assert (event.confirmed_count, event.waitlist_count) == (2, 0)
    with pytest.raises(EventInvalid) as raised:
        services.event_update(actor=owner, community=community, event=event, capacity=1)
    assert "capacity" in raised.value.fields


def test_cancelling_tells_the_registrants_and_closes_registration(community, owner):
    event = make_event(community, owner)
    member = factories.member(community=community)
    registration_services.registration_create(actor=member.user, community=community, event=event)
    services.event_cancel(actor=owner, community=community, event=event, note="The venue flooded")
    notice = Notification.objects.get(recipient=member.user, kind="event.cancelled")
    assert "Film night" in notice.title and "flooded" in notice.body
    with pytest.raises(EventCancelled):
        services.event_cancel(actor=owner, community=community, event=event)
    with pytest.raises(EventCancelled):
        registration_services.registration_create(
            actor=factories.member(community=community).user, community=community, event=event
        )


def test_a_weekly_series_creates_its_occurrences_in_local_time(community, owner):
    community.timezone = "Europe/Berlin"
    community.save()
    start = datetime(2027, 10, 19, 19, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    series = event_series_create(
        actor=owner,
        community=community,
        title="Study session",
        rrule="FREQ=WEEKLY;COUNT=3",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=8,
    )
    events = list(series.occurrences.order_by("starts_at"))
    assert series.occurrence_count == 3 and len(events) == 3
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    # 19:00 in Berlin on both sides of the end of summer time (31 October 2027): 17:00 then 18:00 UTC.
    assert [event.starts_at.astimezone(berlin).hour for event in events] == [19, 19, 19]
    assert [event.starts_at.astimezone(zoneinfo.ZoneInfo("UTC")).hour for event in events] == [17, 17, 18]
    assert len({event.slug for event in events}) == 3 and all(event.capacity == 8 for event in events)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY",  # never ends
        "FREQ=WEEKLY;INTERVAL=1",
        "FREQ=DAILY;COUNT=500",
        "FREQ=HOURLY;COUNT=3",
        "FREQ=DAILY;UNTIL=20990101T000000Z",
        "nonsense",
        "FREQ=WEEKLY;COUNT=x",
        "",
    ],
)
def test_a_rule_that_never_ends_or_is_too_long_is_refused(community, owner, rule):
    with pytest.raises(EventInvalid) as raised:
        event_series_create(actor=owner, community=community, title="Forever", rrule=rule, **times())
    assert "rrule" in raised.value.fields
    assert not EventSeries.objects.exists() and not Event.objects.exists()


def test_occurrences_accept_until(community):
    start = timezone.now() + timedelta(days=1)
    rule, starts = occurrences(
        f"FREQ=DAILY;UNTIL={(start + timedelta(days=4)):%Y%m%dT%H%M%S}Z", starts_at=start, time_zone="UTC"
    )
    assert rule.startswith("FREQ=DAILY") and len(starts) == 5


def test_editing_this_one_or_this_and_the_following(community, owner):
    series = event_series_create(
        actor=owner, community=community, title="Study", rrule="FREQ=WEEKLY;COUNT=4", capacity=5, **times()
    )
    events = list(series.occurrences.order_by("starts_at"))
    services.event_update(actor=owner, community=community, event=events[0], title="Study: kick-off")
    services.event_update(
        actor=owner,
        community=community,
        event=events[2],
        scope="following",
        title="Study (room B)",
        venue="Room B",
        starts_at=events[2].starts_at + timedelta(hours=1),
        ends_at=events[2].ends_at + timedelta(hours=1),
    )
    after = list(Event.objects.filter(series=series).order_by("starts_at"))
    assert [event.title for event in after] == [
        "Study: kick-off",
        "Study",
        "Study (room B)",
        "Study (room B)",
    ]
    assert after[3].starts_at == events[3].starts_at + timedelta(hours=1)
    assert after[1].starts_at == events[1].starts_at and after[1].venue == ""
    services.event_cancel(actor=owner, community=community, event=after[2], scope="following")
    statuses = list(
        Event.objects.filter(series=series).order_by("starts_at").values_list("status", flat=True)
    )
    assert statuses == ["published", "published", "cancelled", "cancelled"]


def test_the_settings_cap_is_bounded(community, owner):
    services.event_settings_update(actor=owner, community=community, max_open_registrations=3)
    with pytest.raises(EventInvalid):
        services.event_settings_update(actor=owner, community=community, max_open_registrations=10**6)
