"""Reports, hiding, moderation actions, the warning ladder, mutes and bans, through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from communities.errors import Forbidden
from communities.models import Rule
from members import errors
from members.models import AuditLogEntry, ContentHold, Membership, ModerationAction, Report
from members.selectors.moderation import hidden_ids, is_hidden, member_record, proposed_step, report_queue
from members.selectors.policy import policy_for
from members.services import moderation as m
from members.services import reporting
from members.services.publishing import ensure_not_muted
from tests import factories
from tests.members.moderation_helpers import member, report_member, rules_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(community, owner):
    return rules_of(community, owner)


@pytest.fixture
def moderator(community):
    return member(community, "moderator").user


# --- Reports -----------------------------------------------------------------------------------------------


def test_member_reports_another_member_for_a_rule(community, rules):
    reporter, subject = member(community).user, member(community)
    report = report_member(reporter=reporter, subject=subject, rule=rules[0])
    assert (report.subject, report.rule, report.status) == (subject, rules[0], "open")
    assert report.target == subject


def test_report_needs_a_rule_of_this_community(community, rules):
    reporter, subject = member(community).user, member(community)
    foreign_rule = factories.RuleFactory()
    for rule_id in (foreign_rule.pk, None, 999999):
        with pytest.raises(errors.RuleInvalid) as raised:
            reporting.report_create(
                actor=reporter,
                community=community,
                target_type="members.membership",
                target_id=subject.pk,
                rule_id=rule_id,
                reason="rude",
            )
        assert "rule" in raised.value.fields
    assert not Report.objects.exists()


@pytest.mark.parametrize("target_type", ["members.membership", "members.nothing", "accounts.user", ""])
def test_report_on_an_unknown_or_foreign_target_is_refused(community, rules, target_type):
    reporter = member(community).user
    foreign = factories.member()
    with pytest.raises(errors.ReportTargetInvalid):
        reporting.report_create(
            actor=reporter,
            community=community,
            target_type=target_type,
            target_id=foreign.pk,
            rule_id=rules[0].pk,
            reason="rude",
        )
    with pytest.raises(errors.ReportTargetInvalid):
        reporting.report_create(
            actor=reporter,
            community=community,
            target_type="members.membership",
            target_id="not-a-number",
            rule_id=rules[0].pk,
            reason="rude",
        )


def test_one_open_report_per_reporter_and_target_and_no_self_report(community, rules):
    reporter, subject = member(community), member(community)
    report_member(reporter=reporter.user, subject=subject, rule=rules[0])
    with pytest.raises(errors.AlreadyReported):
        report_member(reporter=reporter.user, subject=subject, rule=rules[1])
    with pytest.raises(errors.SelfReport):
        report_member(reporter=reporter.user, subject=reporter, rule=rules[0])
    with pytest.raises(errors.ReasonRequired):
        report_member(reporter=subject.user, subject=reporter, rule=rules[0], reason="  ")
    assert Report.objects.count() == 1


@pytest.mark.parametrize("status", ["banned", "left", "pending"])
def test_only_active_members_report(community, rules, status):
    with pytest.raises(Forbidden):
        report_member(
            reporter=member(community, status=status).user, subject=member(community), rule=rules[0]
        )


def test_content_is_hidden_at_the_threshold_of_distinct_reporters(community, rules, fake_content):
    policy = policy_for(community=community)
    policy.report_hide_threshold = 2
    policy.save()
    fake_content.author = member(community)
    post = factories.RuleFactory(community=community)
    args = {
        "community": community,
        "target_type": "communities.rule",
        "target_id": post.pk,
        "rule_id": rules[0].pk,
        "reason": "spam",
    }
    reporting.report_create(actor=member(community).user, **args)
    assert not is_hidden(post)
    reporting.report_create(actor=member(community).user, **args)
    assert is_hidden(post)
    assert list(Rule.objects.exclude(pk__in=hidden_ids(Rule, community)).filter(pk=post.pk)) == []
    assert ContentHold.objects.get().reason == "reports"
    # A member is never hidden by reports.
    subject = member(community)
    for _ in range(3):
        report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    assert not is_hidden(subject)


def test_dismiss_closes_the_targets_reports_and_releases_the_hold(community, rules, fake_content, moderator):
    policy = policy_for(community=community)
    policy.report_hide_threshold = 1
    policy.save()
    fake_content.author = member(community)
    post = factories.RuleFactory(community=community)
    report = reporting.report_create(
        actor=member(community).user,
        community=community,
        target_type="communities.rule",
        target_id=post.pk,
        rule_id=rules[0].pk,
        reason="spam",
    )
    assert is_hidden(post)
    assert reporting.report_dismiss(actor=moderator, community=community, report=report, reason="fine") == 1
    assert not is_hidden(post)
    assert Report.objects.get().status == "dismissed"
    with pytest.raises(errors.ReportClosed):
        reporting.report_dismiss(actor=moderator, community=community, report=report, reason="again")
    assert AuditLogEntry.objects.filter(action="reports.dismissed").count() == 1


def test_remove_content_goes_through_the_registry(community, rules, fake_content, moderator):
    author = member(community)
    fake_content.author = author
    post = factories.RuleFactory(community=community)
    report = reporting.report_create(
        actor=member(community).user,
        community=community,
        target_type="communities.rule",
        target_id=post.pk,
        rule_id=rules[0].pk,
        reason="spam",
    )
    action = m.content_remove(
        actor=moderator, community=community, report=report, reason="spam", rule_id=rules[1].pk
    )
    assert fake_content.removed == [post.pk]
    assert (action.kind, action.subject) == ("remove_content", author)
    assert ContentHold.objects.get().reason == "removed" and is_hidden(post)
    assert Report.objects.get().status == "actioned"
    assert AuditLogEntry.objects.filter(action="member.content_removed", subject=author).exists()


def test_a_member_cannot_be_removed_as_content(community, rules, moderator):
    report = report_member(reporter=member(community).user, subject=member(community), rule=rules[0])
    with pytest.raises(errors.NotRemovable):
        m.content_remove(actor=moderator, community=community, report=report, reason="x")


# --- Actions ---------------------------------------------------------------------------------------------


def test_warn_records_action_audit_notification_and_activity(community, rules, moderator):
    subject = member(community)
    report = report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    action = m.member_warn(
        actor=moderator,
        community=community,
        membership=subject,
        reason="be nice",
        rule_id=rules[0].pk,
        report=report,
    )
    assert (action.kind, action.rule, action.report) == ("warn", rules[0], report)
    entry = AuditLogEntry.objects.get(action="member.warned")
    assert (entry.actor, entry.subject, entry.reason, entry.data["reports"]) == (
        moderator,
        subject,
        "be nice",
        1,
    )
    assert subject.user.notifications.filter(kind="moderation.warned").exists()
    assert Report.objects.get().status == "actioned"
    from analytics.models import ActivityEvent

    assert ActivityEvent.objects.filter(verb="moderation.warn", actor=moderator).exists()


def test_mute_blocks_posting_until_it_ends(community, moderator):
    subject = member(community)
    ensure_not_muted(subject)
    m.member_mute(actor=moderator, community=community, membership=subject, days=1, reason="cool down")
    subject.refresh_from_db()
    with pytest.raises(errors.MemberMuted):
        ensure_not_muted(subject)
    Membership.objects.filter(pk=subject.pk).update(muted_until=timezone.now() - timedelta(seconds=1))
    subject.refresh_from_db()
    ensure_not_muted(subject)
    with pytest.raises(errors.NotMuted):
        m.member_unmute(actor=moderator, community=community, membership=subject, reason="over")


def test_unmute_lifts_a_running_mute(community, moderator):
    subject = member(community)
    m.member_mute(actor=moderator, community=community, membership=subject, days=7, reason="x")
    m.member_unmute(actor=moderator, community=community, membership=subject, reason="apologised")
    subject.refresh_from_db()
    ensure_not_muted(subject)
    assert [a.kind for a in member_record(community=community, membership=subject)] == ["unmute", "mute"]


@pytest.mark.parametrize("days", [0, 366, -1, None, "7"])
def test_mute_period_out_of_range(community, moderator, days):
    subject = member(community)
    with pytest.raises(errors.MutePeriodInvalid):
        m.member_mute(actor=moderator, community=community, membership=subject, days=days, reason="x")
    assert not ModerationAction.objects.exists()


def test_ban_and_unban(community, rules, moderator):
    subject = member(community)
    with pytest.raises(errors.RuleInvalid):
        m.member_ban(actor=moderator, community=community, membership=subject, rule_id=None, reason="x")
    m.member_ban(actor=moderator, community=community, membership=subject, rule_id=rules[0].pk, reason="spam")
    subject.refresh_from_db()
    assert subject.status == "banned"
    with pytest.raises(errors.AlreadyBanned):
        m.member_ban(
            actor=moderator, community=community, membership=subject, rule_id=rules[0].pk, reason="again"
        )
    m.member_unban(actor=moderator, community=community, membership=subject, reason="second chance")
    subject.refresh_from_db()
    assert (subject.status, subject.role) == ("left", "member")
    with pytest.raises(errors.NotBanned):
        m.member_unban(actor=moderator, community=community, membership=subject, reason="x")
    actions = list(AuditLogEntry.objects.filter(subject=subject).values_list("action", flat=True))
    assert actions == ["member.unbanned", "member.banned"]


def test_second_of_two_simultaneous_bans_is_already_banned(community, rules):
    """Both moderators loaded the member as active; the row lock makes the second a clean refusal."""
    first, second = member(community, "moderator").user, member(community, "admin").user
    subject = member(community)
    stale = Membership.objects.get(pk=subject.pk)
    m.member_ban(actor=first, community=community, membership=subject, rule_id=rules[0].pk, reason="spam")
    with pytest.raises(errors.AlreadyBanned):
        m.member_ban(actor=second, community=community, membership=stale, rule_id=rules[0].pk, reason="spam")
    assert ModerationAction.objects.filter(kind="ban").count() == 1


@pytest.mark.parametrize(
    ("actor_role", "subject_role"),
    [
        ("moderator", "admin"),
        ("moderator", "owner"),
        ("moderator", "moderator"),
        ("admin", "admin"),
        ("admin", "owner"),
    ],
)
def test_rank_protects_senior_roles(community, rules, actor_role, subject_role):
    actor, subject = member(community, actor_role).user, member(community, subject_role)
    with pytest.raises(errors.ModerationRankForbidden):
        m.member_ban(actor=actor, community=community, membership=subject, rule_id=rules[0].pk, reason="x")
    with pytest.raises(errors.ModerationRankForbidden):
        m.member_warn(actor=actor, community=community, membership=subject, reason="x")
    assert Membership.objects.get(pk=subject.pk).status == "active"


def test_nobody_moderates_themselves(community, moderator):
    mine = Membership.objects.get(community=community, user=moderator)
    with pytest.raises(errors.SelfAction):
        m.member_warn(actor=moderator, community=community, membership=mine, reason="x")


@pytest.mark.parametrize("role", ["expert", "member"])
def test_members_and_experts_cannot_moderate(community, role):
    with pytest.raises(Forbidden):
        m.member_warn(
            actor=member(community, role).user, community=community, membership=member(community), reason="x"
        )


def test_ban_of_the_last_owner_is_refused(community, rules, owner):
    root = factories.UserFactory(is_superuser=True)
    mine = Membership.objects.get(community=community, user=owner)
    with pytest.raises(errors.LastOwner):
        m.member_ban(actor=root, community=community, membership=mine, rule_id=rules[0].pk, reason="x")
    assert Membership.objects.get(pk=mine.pk).status == "active"
    assert not AuditLogEntry.objects.exists()


def test_owner_bans_another_owner(community, rules, owner):
    other = member(community, "owner")
    m.member_ban(actor=owner, community=community, membership=other, rule_id=rules[0].pk, reason="hijack")
    assert Membership.objects.get(pk=other.pk).status == "banned"


# --- Warning ladder --------------------------------------------------------------------------------------


def test_ladder_proposes_the_next_step_within_the_decay_window(community, moderator):
    policy = policy_for(community=community)
    subject = member(community)

    def proposal():
        return proposed_step(
            policy=policy, record=list(member_record(community=community, membership=subject))
        )

    assert proposal() == {"action": "warn"}
    m.member_warn(actor=moderator, community=community, membership=subject, reason="1")
    assert proposal() == {"action": "mute", "days": 1}
    m.member_mute(actor=moderator, community=community, membership=subject, days=1, reason="2")
    assert proposal() == {"action": "mute", "days": 7}
    ModerationAction.objects.filter(subject=subject).update(
        created_at=timezone.now() - timedelta(days=policy.penalty_decay_days + 1)
    )
    assert proposal() == {"action": "warn"}


def test_ladder_stays_on_its_last_step(community, moderator):
    policy = policy_for(community=community)
    policy.warning_ladder = [{"action": "warn"}]
    subject = member(community)
    m.member_warn(actor=moderator, community=community, membership=subject, reason="1")
    m.member_warn(actor=moderator, community=community, membership=subject, reason="2")
    assert proposed_step(
        policy=policy, record=list(member_record(community=community, membership=subject))
    ) == {"action": "warn"}


def test_queue_groups_reports_by_target_with_record_and_proposal(community, rules, moderator):
    subject = member(community)
    for _ in range(2):
        report_member(reporter=member(community).user, subject=subject, rule=rules[0])
    m.member_warn(actor=moderator, community=community, membership=subject, reason="earlier")
    groups = report_queue(community=community, policy=policy_for(community=community))
    assert len(groups) == 1
    group = groups[0]
    assert (group.reporter_count, group.summary, group.proposal) == (
        2,
        str(subject.user),
        {"action": "mute", "days": 1},
    )
    assert [a.kind for a in group.record] == ["warn"]


# --- Settings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ladder",
    [
        [],
        [{"action": "kick"}],
        [{"action": "mute"}],
        [{"action": "mute", "days": 0}],
        [{"action": "mute", "days": 366}],
        [{"action": "warn"}] * 11,
        "warn",
        [{"action": "mute", "days": True}],
    ],
)
def test_invalid_warning_ladders_are_refused(community, owner, ladder):
    with pytest.raises(errors.WarningLadderInvalid):
        m.moderation_settings_update(
            actor=owner,
            community=community,
            report_hide_threshold=3,
            warning_ladder=ladder,
            penalty_decay_days=90,
        )
    assert policy_for(community=community).warning_ladder[0] == {"action": "warn"}


def test_settings_update_and_permission(community, owner):
    ladder = [{"action": "mute", "days": 3}, {"action": "ban"}]
    m.moderation_settings_update(
        actor=owner,
        community=community,
        report_hide_threshold=5,
        warning_ladder=ladder,
        penalty_decay_days=30,
    )
    policy = policy_for(community=community)
    assert (policy.report_hide_threshold, policy.warning_ladder, policy.penalty_decay_days) == (5, ladder, 30)
    with pytest.raises(Forbidden):
        m.moderation_settings_update(
            actor=member(community, "moderator").user,
            community=community,
            report_hide_threshold=5,
            warning_ladder=ladder,
            penalty_decay_days=30,
        )
