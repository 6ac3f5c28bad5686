"""The demo's past meetups have attendance (one no-show each) and feedback in the community's language;
seeding again adds nothing."""

import pytest
from django.core.management import call_command

from analytics.models import ActivityEvent
from events.models import Event, EventFeedback
from events.selectors.attendance import feedback_results, no_show_list

pytestmark = pytest.mark.django_db


def test_demo_attendance_and_feedback():
    call_command("seed_demo")
    for slug, no_show, word in (
        ("python-beginners", "linus", "quiz"),
        ("street-photography", "liu.yang", "夜景"),
    ):
        meetup = Event.objects.get(community__slug=slug, kind="meetup")
        assert meetup.attended_count == meetup.confirmed_count - 1 >= 2
        assert [
            r.membership.user.username for r in no_show_list(community=meetup.community, event=meetup)
        ] == [no_show]
        results = feedback_results(community=meetup.community, event=meetup)
        assert results.count == 2 and results.average == 4.5
        assert EventFeedback.objects.filter(event=meetup, comments__contains=word).exists()
    counts = (EventFeedback.objects.count(), ActivityEvent.objects.filter(verb="event.attended").count())
    call_command("seed_demo")
    assert (
        EventFeedback.objects.count(),
        ActivityEvent.objects.filter(verb="event.attended").count(),
    ) == counts
