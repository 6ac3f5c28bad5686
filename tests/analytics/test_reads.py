from datetime import timedelta

import pytest
from django.utils import timezone

from analytics import services
from members.models import Membership
from tests import factories


@pytest.fixture
def two_members(community):
    return factories.member(community=community).user, factories.member(community=community).user


@pytest.mark.django_db
def test_verbs_done_only_reports_pairs_in_this_community(community, two_members):
    alice, bob = two_members
    other = factories.CommunityFactory()
    services.record(community=community, actor=alice, verb="profile.updated")
    services.record(community=other, actor=bob, verb="profile.updated")
    done = services.verbs_done(community=community, user_ids=[alice.pk, bob.pk], verbs=["profile.updated"])
    assert done == {(alice.pk, "profile.updated")}


@pytest.mark.django_db
def test_activity_counts_counts_verbs_and_distinct_days_in_the_window(community, two_members):
    alice, _ = two_members
    now = timezone.now()
    for days_ago in (0, 0, 1, 40):
        services.record(
            community=community, actor=alice, verb="post.created", occurred_at=now - timedelta(days=days_ago)
        )
    counts = services.activity_counts(
        community=community, since=now - timedelta(days=30), verbs=["post.created"]
    )
    assert counts[alice.pk] == {"post.created": 3, "days_visited": 2}


@pytest.mark.django_db
def test_last_activity_subquery_annotates_each_membership(community, two_members):
    alice, bob = two_members
    when = timezone.now() - timedelta(days=3)
    services.record(community=community, actor=alice, verb="x", occurred_at=when)
    rows = dict(
        Membership.objects.for_community(community)
        .annotate(last=services.last_activity_subquery(community=community))
        .values_list("user_id", "last")
    )
    assert rows[alice.pk] == when
    assert rows[bob.pk] is None


@pytest.mark.django_db
def test_activity_trend_is_zero_filled_per_week(community, two_members):
    alice, _ = two_members
    services.record(community=community, actor=alice, verb="x")
    trend = services.activity_trend(community=community, user=alice, weeks=4)
    assert len(trend) == 4
    assert [n for _, n in trend] == [0, 0, 0, 1]
