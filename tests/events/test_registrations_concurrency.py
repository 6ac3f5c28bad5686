"""Exact capacity under concurrency: 300 members register at once for 100 places; exactly 100 are
confirmed and 200 waitlisted, with no error; a member registering twice at once gets the sequential
answer.

POSTGRESQL ONLY (SQLite serialises writes, so no race can happen): run with DATABASE_URL=postgres://...
Threads each hold their own connection (`transaction=True`: rows are really committed) and are released
together by a barrier; a pool of WORKERS threads keeps within the server's connection limit while every
registration still races with the others for the event row.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from events.models import Event, Registration
from events.services import registrations as services
from tests import factories
from tests.events.helpers import make_event

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: SQLite serialises writes"),
]
WORKERS = 30


def in_threads(calls) -> list:
    """Run each call in a pool of threads, all released at once; their results (or the exception)."""
    barrier = threading.Barrier(min(WORKERS, len(calls)))
    started = threading.local()

    def run(call):
        try:
            if not getattr(started, "done", False):
                started.done = True
                barrier.wait()
            return call()
        except Exception as exc:  # the test counts errors instead of losing them
            return exc
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(run, calls))


def test_three_hundred_members_for_a_hundred_places():
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    event = make_event(community, owner, capacity=100, title="Storm")
    members = [factories.member(community=community).user for _ in range(300)]

    def registering(user):
        return lambda: services.registration_create(actor=user, community=community, event=event).status

    results = in_threads([registering(user) for user in members])
    errors = [result for result in results if isinstance(result, Exception)]
    assert not errors, errors[:3]
    assert sorted(results).count("confirmed") == 100 and results.count("waitlisted") == 200
    event = Event.objects.get(pk=event.pk)
    assert (event.confirmed_count, event.waitlist_count) == (100, 200)
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status="confirmed").count() == 100
    positions = sorted(rows.filter(status="waitlisted").values_list("position", flat=True))
    assert positions == list(range(1, 201))


def test_a_double_registration_at_once_answers_as_if_sequential():
    community = factories.CommunityFactory()
    owner = factories.member(community=community, role="owner").user
    event = make_event(community, owner, capacity=5)
    member = factories.member(community=community).user
    url = reverse("api:event-registration", kwargs={"community_slug": community.slug, "event_id": event.pk})

    def post():
        client = APIClient()
        client.force_authenticate(member)
        return client.post(url, {}, format="json").status_code

    codes = in_threads([post] * 6)
    assert sorted(codes) == [201] + [409] * 5
    assert Registration.objects.filter(event=event).count() == 1
    assert Event.objects.get(pk=event.pk).confirmed_count == 1
