"""Feedback after an event: attendees only, once (then edits), from the end for 30 days; the results."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.models import ActivityEvent
from events.errors import attendance as errors
from events.models import EventFeedback, RegistrationStatus
from events.selectors.attendance import feedback_results
from events.services.feedback import feedback_give
from tests import factories
from tests.events.attendance_helpers import make_event, past_event, register

pytestmark = pytest.mark.django_db


def attendee(event):
    return register(event, checked_in_at=event.starts_at).membership.user


def test_an_attendee_gives_feedback_once_and_may_edit_it(community):
    event = past_event(community)
    user = attendee(event)
    feedback = feedback_give(actor=user, community=community, event=event, rating=4, comments=" Great talks ")
    assert (feedback.rating, feedback.comments) == (4, "Great talks")
    again = feedback_give(actor=user, community=community, event=event, rating=5, comments="Even better")
    assert again.pk == feedback.pk
    assert EventFeedback.objects.get().rating == 5
    assert ActivityEvent.objects.filter(verb="event.feedback_given").count() == 1


@pytest.mark.parametrize("status", [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED])
def test_members_who_were_not_checked_in_may_not(community, status):
    event = past_event(community)
    no_show = register(event, status=status).membership.user
    stranger = factories.member(community=community).user
    for user in (no_show, stranger):
        with pytest.raises(errors.FeedbackAttendeesOnly):
            feedback_give(actor=user, community=community, event=event, rating=5)
    assert not EventFeedback.objects.exists()


def test_feedback_opens_at_the_end_and_closes_30_days_later(community):
    running = make_event(community, starts_in=-timedelta(hours=1), hours=2)
    user = attendee(running)
    with pytest.raises(errors.FeedbackNotOpen):
        feedback_give(actor=user, community=community, event=running, rating=5)
    later = running.ends_at + timedelta(days=31)
    with pytest.raises(errors.FeedbackNotOpen):
        feedback_give(actor=user, community=community, event=running, rating=5, now=later)
    feedback_give(
        actor=user, community=community, event=running, rating=5, now=running.ends_at + timedelta(days=2)
    )


def test_an_attendee_of_another_community_is_refused(community):
    event = past_event(community)
    elsewhere = past_event(factories.CommunityFactory())
    user = attendee(elsewhere)
    with pytest.raises(Exception) as refused:
        feedback_give(actor=user, community=community, event=event, rating=5)
    assert refused.value.code in {"permission_denied", "feedback_attendees_only"}


@pytest.mark.parametrize("rating", [0, 6, -1, "5", None, True])
def test_bad_ratings_are_refused(community, rating):
    event = past_event(community)
    user = attendee(event)
    with pytest.raises(errors.FeedbackInvalid) as refused:
        feedback_give(actor=user, community=community, event=event, rating=rating)
    assert "rating" in refused.value.fields
    with pytest.raises(errors.FeedbackInvalid) as refused:
        feedback_give(actor=user, community=community, event=event, rating=3, comments="x" * 5001)
    assert "comments" in refused.value.fields


def test_results_count_average_and_distribution(community):
    event = past_event(community)
    for rating in (5, 5, 4, 2):
        feedback_give(actor=attendee(event), community=community, event=event, rating=rating)
    attendee(event)  # came, gave nothing
    event.refresh_from_db()
    results = feedback_results(community=community, event=event)
    assert results.count == 4
    assert results.average == 4.0
    assert results.distribution == [(5, 2, 50), (4, 1, 25), (3, 0, 0), (2, 1, 25), (1, 0, 0)]
    assert (results.attended, results.response_rate) == (5, 80)
    empty = feedback_results(community=community, event=past_event(community))
    assert (empty.count, empty.average, empty.response_rate) == (0, None, None)


def test_feedback_is_written_at_the_given_time(community):
    event = past_event(community)
    user = attendee(event)
    when = timezone.now()
    feedback_give(actor=user, community=community, event=event, rating=3, now=when)
    assert ActivityEvent.objects.get(verb="event.feedback_given").occurred_at == when
