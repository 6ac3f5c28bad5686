"""Attendance is recorded once under concurrency: ten operators scanning the same ticket at once check the
member in once (one success, nine already_checked_in, one activity row, attended_count 1), and two
feedback submissions at once make one row.

POSTGRESQL ONLY (SQLite serialises writes): run with DATABASE_URL=postgres://...
"""

import pytest
from django.db import connection

from analytics.models import ActivityEvent
from communities.roles import Role
from events.errors.attendance import AlreadyCheckedIn
from events.models import Event, EventFeedback
from events.services.attendance import attendance_check_in
from events.services.feedback import feedback_give
from tests import factories
from tests.events.attendance_helpers import make_event, past_event, register
from tests.events.test_registrations_concurrency import in_threads

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite serialises writes"),
]


def test_ten_scans_of_one_ticket_at_once_check_in_once():
    community = factories.CommunityFactory()
    event = make_event(community)
    registration = register(event)
    operators = [factories.member(community=community, role=Role.MODERATOR).user for _ in range(10)]

    def scanning(user):
        return lambda: attendance_check_in(
            actor=user, community=community, event=event, ticket_code=registration.ticket_code
        )

    results = in_threads([scanning(user) for user in operators])
    refused = [result for result in results if isinstance(result, AlreadyCheckedIn)]
    others = [result for result in results if isinstance(result, Exception) and result not in refused]
    assert not others, others[:3]
    assert len(refused) == 9
    assert Event.objects.get(pk=event.pk).attended_count == 1
    assert ActivityEvent.objects.filter(verb="event.attended").count() == 1


def test_two_feedback_submissions_at_once_make_one_row():
    community = factories.CommunityFactory()
    event = past_event(community)
    user = register(event, checked_in_at=event.starts_at).membership.user

    def giving(rating):
        return lambda: feedback_give(actor=user, community=community, event=event, rating=rating)

    results = in_threads([giving(rating) for rating in (2, 5, 4)])
    assert not [result for result in results if isinstance(result, Exception)]
    assert EventFeedback.objects.count() == 1
    assert ActivityEvent.objects.filter(verb="event.feedback_given").count() == 1
