"""A real Celery worker consuming from Redis runs a real task against the test database.

Skipped (visibly) without REDIS_URL; `.ci/run` sets it. The worker is started in a thread, so the test
is transactional: the worker's own database connection only sees committed rows.
"""

import os
from datetime import timedelta

import pytest
from celery.contrib.testing import tasks as celery_testing_tasks
from celery.contrib.testing.worker import start_worker
from celery.result import EagerResult
from django.conf import settings
from django.utils import timezone

from analytics.services import record
from analytics.tasks import refresh_community_activity
from config.celery import app as celery_app
from tests import factories

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL to run a real worker"
    ),
]


@pytest.fixture
def worker(monkeypatch):
    """A solo-pool worker thread on the project app, sending through the real broker (not eagerly)."""
    assert celery_testing_tasks.ping.name in celery_app.tasks  # start_worker pings through the broker
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    # Close the worker thread's connection after each task so the test database can be dropped.
    monkeypatch.setitem(settings.DATABASES["default"], "CONN_MAX_AGE", 0)
    with start_worker(celery_app, perform_ping_check=True, shutdown_timeout=20):
        yield


@pytest.mark.django_db(transaction=True)
def test_worker_refreshes_community_activity_through_redis(worker):
    community = factories.CommunityFactory()
    quiet = factories.CommunityFactory()
    actor = factories.UserFactory()
    for days_ago in (1, 5, 29):
        record(
            community=community,
            actor=actor,
            verb="post.created",
            occurred_at=timezone.now() - timedelta(days=days_ago),
        )
    record(
        community=community, actor=actor, verb="post.created", occurred_at=timezone.now() - timedelta(days=45)
    )

    result = refresh_community_activity.delay()

    assert not isinstance(result, EagerResult)
    assert result.get(timeout=30) == 1  # communities whose score changed, computed by the worker
    community.refresh_from_db()
    quiet.refresh_from_db()
    assert (community.activity_score, quiet.activity_score) == (3, 0)
