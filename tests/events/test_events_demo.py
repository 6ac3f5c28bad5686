"""The demo's events in both languages: a past meetup with its registrants, an upcoming webinar nearly
full with its waitlist on (the next registrations fill it, then wait), a weekly study series; idempotent."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, EventSeries, Registration
from events.services import registrations as registration_services
from members.models import Membership

pytestmark = pytest.mark.django_db


def test_demo_events():
    call_command("seed_demo")
    now = timezone.now()
    for slug in ("python-beginners", "street-photography"):
        events = Event.objects.filter(community__slug=slug)
        past = events.get(kind="meetup")
        assert past.ends_at < now and past.confirmed_count >= 3
        webinar = events.get(kind="webinar")
        assert webinar.starts_at > now and webinar.waitlist_enabled
        assert webinar.capacity - webinar.confirmed_count == 1
        series = EventSeries.objects.get(community__slug=slug)
        assert series.occurrence_count == 8 and events.filter(series=series).count() == 8
    assert Event.objects.filter(title__contains="外滩").exists()
    count = Registration.objects.count()
    call_command("seed_demo")
    assert Registration.objects.count() == count


def test_the_demo_webinar_fills_then_waits():
    call_command("seed_demo")
    webinar = Event.objects.get(community__slug="python-beginners", kind="webinar")
    community = webinar.community
    registered = Registration.objects.filter(event=webinar).values("membership_id")
    others = Membership.objects.filter(community=community, status="active").exclude(pk__in=registered)
    statuses = [
        registration_services.registration_create(actor=m.user, community=community, event=webinar).status
        for m in others[:2]
    ]
    assert statuses == ["confirmed", "waitlisted"]
