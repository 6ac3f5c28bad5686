"""The trust ladder: promotion at once, demotion after the grace period, look-back window, the task."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from analytics.models import ActivityEvent
from analytics.services import record, record_daily_visit
from members.models import AuditLogEntry, Membership, ModerationAction
from members.selectors.policy import policy_for
from members.services.trust import earned_level, trust_levels_evaluate
from members.tasks import evaluate_all_trust_levels, evaluate_trust_levels
from tests import factories

pytestmark = pytest.mark.django_db

LOW_THRESHOLDS = {
    "1": {
        "days_visited": 2,
        "posts": 0,
        "replies": 1,
        "accepted_answers": 0,
        "events_attended": 0,
        "max_flags": 1,
    },
    "2": {
        "days_visited": 4,
        "posts": 1,
        "replies": 2,
        "accepted_answers": 0,
        "events_attended": 1,
        "max_flags": 0,
    },
    "3": {
        "days_visited": 6,
        "posts": 2,
        "replies": 3,
        "accepted_answers": 1,
        "events_attended": 1,
        "max_flags": 0,
    },
}


@pytest.fixture
def policy(community):
    policy = policy_for(community=community)
    policy.trust_thresholds = LOW_THRESHOLDS
    policy.trust_demotion_grace_days = 7
    policy.save()
    return policy


def act(membership, *, days=0, replies=0, posts=0, answers=0, events=0, ago=1):
    """Activity for `membership`: one visit on each of `days` distinct days, the rest `ago` days back."""
    now = timezone.now()
    user, community = membership.user, membership.community
    for day in range(days):
        record(
            community=community,
            actor=user,
            verb="community.visited",
            occurred_at=now - timedelta(days=ago + day),
        )
    for verb, n in (("reply.created", replies), ("post.published", posts), ("answer.accepted", answers)):
        for _ in range(n):
            record(community=community, actor=user, verb=verb, occurred_at=now - timedelta(days=ago))
    for _ in range(events):
        record(community=community, actor=user, verb="event.attended", occurred_at=now - timedelta(days=ago))


def reload(membership):
    return Membership.objects.get(pk=membership.pk)


def test_earned_level_needs_every_lower_level():
    assert earned_level({"days_visited": 9, "replies": 9, "posts": 9}, 0, LOW_THRESHOLDS) == 1  # no event
    assert earned_level({}, 0, LOW_THRESHOLDS) == 0
    full = {"days_visited": 9, "replies": 9, "posts": 9, "accepted_answers": 1, "events_attended": 1}
    assert earned_level(full, 0, LOW_THRESHOLDS) == 3
    assert earned_level(full, 1, LOW_THRESHOLDS) == 1  # one flag: only level 1 tolerates it


def test_promotion_is_immediate_audited_and_notified(community, policy):
    member = factories.member(community=community)
    act(member, days=4, replies=2, posts=1, events=1)
    summary = trust_levels_evaluate(community=community)
    member = reload(member)
    assert summary["promoted"] == 1
    assert member.trust_level == 2 and member.trust_level_since is not None
    entry = AuditLogEntry.objects.get(community=community, action="trust.promoted")
    assert entry.subject == member and entry.data == {"old_level": 0, "level": 2}
    assert member.user.notifications.filter(kind="trust.promoted").count() == 1


def test_rerun_changes_nothing(community, policy):
    member = factories.member(community=community)
    act(member, days=2, replies=1)
    trust_levels_evaluate(community=community)
    assert trust_levels_evaluate(community=community) == {
        "promoted": 0,
        "demoted": 0,
        "demotion_scheduled": 0,
        "recovered": 0,
    }
    assert reload(member).trust_level == 1
    assert AuditLogEntry.objects.filter(action="trust.promoted").count() == 1


def test_demotion_waits_for_the_grace_period(community, policy):
    member = factories.member(community=community, trust_level=2)
    act(member, days=2, replies=1)  # level 1 only
    trust_levels_evaluate(community=community)
    member = reload(member)
    assert member.trust_level == 2
    assert member.demotion_due_at is not None
    assert abs(member.demotion_due_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)
    trust_levels_evaluate(community=community)  # still inside the grace period
    assert reload(member).trust_level == 2
    Membership.objects.filter(pk=member.pk).update(demotion_due_at=timezone.now() - timedelta(seconds=1))
    summary = trust_levels_evaluate(community=community)
    member = reload(member)
    assert summary["demoted"] == 1
    assert member.trust_level == 1 and member.demotion_due_at is None
    assert AuditLogEntry.objects.filter(action="trust.demoted", subject=member).count() == 1
    assert not member.user.notifications.filter(kind__startswith="trust.").exists()


def test_recovery_clears_the_pending_demotion(community, policy):
    member = factories.member(community=community, trust_level=1)
    trust_levels_evaluate(community=community)
    assert reload(member).demotion_due_at is not None
    act(member, days=2, replies=1)
    summary = trust_levels_evaluate(community=community)
    member = reload(member)
    assert summary["recovered"] == 1
    assert member.trust_level == 1 and member.demotion_due_at is None
    assert not AuditLogEntry.objects.filter(action="trust.demoted").exists()


def test_zero_grace_demotes_at_once(community, policy):
    policy.trust_demotion_grace_days = 0
    policy.save()
    member = factories.member(community=community, trust_level=3)
    trust_levels_evaluate(community=community)
    assert reload(member).trust_level == 0


def test_thresholds_come_from_the_policy(community, policy):
    member = factories.member(community=community)
    act(member, days=2, replies=1)
    policy.trust_thresholds = {**LOW_THRESHOLDS, "1": {**LOW_THRESHOLDS["1"], "replies": 5}}
    policy.save()
    trust_levels_evaluate(community=community)
    assert reload(member).trust_level == 0


def test_activity_older_than_the_look_back_window_does_not_count(community, policy):
    policy.trust_lookback_days = 30
    policy.save()
    old, recent = factories.member(community=community), factories.member(community=community)
    act(old, days=2, replies=1, ago=31)
    act(recent, days=2, replies=1, ago=28)
    trust_levels_evaluate(community=community)
    assert reload(old).trust_level == 0
    assert reload(recent).trust_level == 1
    policy.trust_lookback_days = 60  # a seasonal community widens the window
    policy.save()
    trust_levels_evaluate(community=community)
    assert reload(old).trust_level == 1


def test_flags_in_the_window_hold_a_member_back(community, policy):
    member = factories.member(community=community)
    moderator = factories.member(community=community, role="moderator").user
    act(member, days=4, replies=2, posts=1, events=1)
    ModerationAction.objects.create(
        community=community, subject=member, moderator=moderator, kind="warn", reason="x"
    )
    ModerationAction.objects.create(
        community=community, subject=member, moderator=moderator, kind="unmute", reason="x"
    )
    trust_levels_evaluate(community=community)
    assert reload(member).trust_level == 1  # one flag (lifting a mute does not count): level 2 allows none


def test_other_communities_and_inactive_members_are_untouched(community, policy):
    elsewhere = factories.member(community=factories.CommunityFactory())
    left = factories.member(community=community, status="left")
    act(elsewhere, days=5, replies=5)
    act(left, days=5, replies=5)
    trust_levels_evaluate(community=community)
    assert reload(elsewhere).trust_level == 0
    assert reload(left).trust_level == 0


@pytest.mark.parametrize("members", [10, 40])
def test_evaluation_queries_do_not_grow_with_members(
    community, policy, members, django_assert_max_num_queries
):
    for _ in range(members):
        act(factories.member(community=community), days=2, replies=1)
    trust_levels_evaluate(community=community)
    Membership.objects.filter(community=community).update(trust_level=0)
    # Counting is one query per aggregate; each promotion then adds its audit row and notification.
    with django_assert_max_num_queries(8 + 3 * members):
        trust_levels_evaluate(community=community)
    with django_assert_max_num_queries(7):  # nobody changes: nothing per member
        trust_levels_evaluate(community=community)


def test_task_runs_eagerly_without_a_worker(community, policy, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    member = factories.member(community=community)
    act(member, days=2, replies=1)
    assert evaluate_all_trust_levels.delay().get() >= 1
    assert reload(member).trust_level == 1
    assert evaluate_trust_levels.delay(community.pk).get()["promoted"] == 0


def test_task_skips_archived_and_missing_communities(community, policy):
    member = factories.member(community=community)
    act(member, days=2, replies=1)
    community.archived_at = timezone.now()
    community.save()
    assert evaluate_trust_levels(community.pk) == {}
    assert evaluate_trust_levels(10**9) == {}
    assert reload(member).trust_level == 0


def test_beat_runs_the_fan_out_hourly(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["evaluate-trust-levels"]
    assert entry == {"task": "members.tasks.evaluate_all_trust_levels", "schedule": 3600}


# --- Daily visits -------------------------------------------------------------------------------------------


def test_daily_visit_is_recorded_once_per_day(community):
    cache.clear()
    member = factories.member(community=community)
    assert record_daily_visit(community, member.user) is True
    assert record_daily_visit(community, member.user) is False
    assert (
        ActivityEvent.objects.filter(community=community, actor=member.user, verb="community.visited").count()
        == 1
    )


def test_visiting_a_community_page_records_a_visit_for_active_members_only(client, community):
    cache.clear()
    member = factories.member(community=community)
    pending = factories.member(community=community, status="pending")
    for user in (member.user, pending.user):
        client.force_login(user)
        client.get(reverse("communities:home", args=[community.slug]))
        client.get(reverse("communities:home", args=[community.slug]))
    visits = ActivityEvent.objects.filter(community=community, verb="community.visited")
    assert list(visits.values_list("actor_id", flat=True)) == [member.user_id]


def test_after_the_first_request_of_the_day_no_visit_is_written(client, community):
    cache.clear()
    member = factories.member(community=community)
    client.force_login(member.user)
    url = reverse("api:community-detail", args=[community.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert not [q for q in second.captured_queries if "analytics_activityevent" in q["sql"]]
    assert ActivityEvent.objects.filter(verb="community.visited").count() == 1
