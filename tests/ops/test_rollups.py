from datetime import timedelta

import pytest
from django.utils import timezone

from analytics.services import record
from analytics.tasks import refresh_community_activity
from tests import factories

pytestmark = pytest.mark.django_db


def _events(community, actor, *days_ago):
    for days in days_ago:
        record(
            community=community,
            actor=actor,
            verb="post.created",
            occurred_at=timezone.now() - timedelta(days=days),
        )


def test_activity_score_counts_only_the_last_thirty_days():
    busy, quiet, idle = (
        factories.CommunityFactory(),
        factories.CommunityFactory(),
        factories.CommunityFactory(),
    )
    actor = factories.UserFactory()
    _events(busy, actor, 0, 3, 12, 29, 31, 59)
    _events(quiet, actor, 2)
    _events(idle, actor, 40)
    refresh_community_activity()
    for community in (busy, quiet, idle):
        community.refresh_from_db()
    assert (busy.activity_score, quiet.activity_score, idle.activity_score) == (4, 1, 0)


def test_rerun_gives_the_same_scores_and_old_events_age_out():
    community = factories.CommunityFactory()
    _events(community, factories.UserFactory(), 1, 2)
    refresh_community_activity()
    refresh_community_activity()
    community.refresh_from_db()
    assert community.activity_score == 2
    community.analytics_activityevent_set.update(occurred_at=timezone.now() - timedelta(days=31))
    refresh_community_activity()
    community.refresh_from_db()
    assert community.activity_score == 0


def test_refresh_costs_the_same_statements_whatever_the_number_of_communities(django_assert_num_queries):
    # One GROUP BY over the events, one read of the communities' scores, one UPDATE of those that changed.
    community = factories.CommunityFactory()
    _events(community, factories.UserFactory(), 1)
    factories.CommunityFactory.create_batch(5)
    with django_assert_num_queries(3):
        assert refresh_community_activity() == 1
    for other in factories.CommunityFactory.create_batch(5):
        _events(other, factories.UserFactory(), 1)
    with django_assert_num_queries(3):
        assert refresh_community_activity() == 5
