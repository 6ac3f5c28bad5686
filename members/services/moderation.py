"""Moderation: the actions on members and content, mutes and bans, and the moderation settings.

Each action locks the subject's membership, checks rank (moderator < admin < owner; owners act on anyone
but themselves), writes one ModerationAction, one audit entry and one activity event, closes the open
reports it answers and notifies the member.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from communities.roles import RANK, MembershipStatus, Role
from members import errors
from members.models import Application, ContentHold, Membership, ModerationAction, Report
from members.reportables import reportable_for
from members.services.audit import audit_record
from members.services.membership import close_pending_applications
from members.services.policy import policy_lock
from members.services.publishing import is_muted
from members.services.reporting import (
    close_reports,
    hold_content,
    lock_open_report,
    reason_required,
    rule_of_community,
)
from members.services.roles import ensure_owner_remains, lock_member
from members.services.transitions import membership_transition

Kind = ModerationAction.Kind
MAX_MUTE_DAYS = 365
LADDER_ACTIONS = ("warn", "mute", "ban")


# --- Actions on members ------------------------------------------------------------------------------------


def _lock_subject(actor, actor_membership, community: Community, membership: Membership) -> Membership:
    target = lock_member(community=community, membership=membership)
    if target.user_id == actor.pk:
        raise errors.SelfAction()
    if not getattr(actor, "is_superuser", False):
        actor_rank = RANK[actor_membership.role]
        if actor_membership.role != Role.OWNER and RANK[target.role] >= actor_rank:
            raise errors.ModerationRankForbidden()
    return target


def _act(
    *, actor, community, target, kind, reason, rule=None, report=None, ends_at=None, **data
) -> ModerationAction:
    action = ModerationAction.objects.create(
        community=community,
        subject=target,
        moderator=actor,
        kind=kind,
        rule=rule,
        reason=reason,
        report=report,
        ends_at=ends_at,
    )
    closed = close_reports(report, actor=actor, status=Report.Status.ACTIONED, note=reason)
    audit_record(
        community=community,
        actor=actor,
        action=f"member.{AUDIT_VERBS[kind]}",
        subject=target,
        reason=reason,
        rule=rule.title if rule else "",
        moderation_action=action.pk,
        reports=closed,
        **data,
    )
    record(community=community, actor=actor, verb=f"moderation.{kind}", target=target, data={"kind": kind})
    notify(
        community=community,
        recipient=target.user,
        kind=f"moderation.{AUDIT_VERBS[kind]}",
        params={"rule": rule.title} if rule else {},
        note=reason,
    )
    return action


AUDIT_VERBS = {
    Kind.WARN: "warned",
    Kind.MUTE: "muted",
    Kind.UNMUTE: "unmuted",
    Kind.BAN: "banned",
    Kind.UNBAN: "unbanned",
    Kind.REMOVE_CONTENT: "content_removed",
}


def _report(community: Community, report: Report | None) -> Report | None:
    return None if report is None else lock_open_report(community, report)


@transaction.atomic
def member_warn(*, actor, community, membership, reason, rule_id=None, report=None) -> ModerationAction:
    actor_membership = ensure_can(actor, "moderate", community)
    target = _lock_subject(actor, actor_membership, community, membership)
    if target.status != MembershipStatus.ACTIVE:
        raise errors.MemberNotActive()
    return _act(
        actor=actor,
        community=community,
        target=target,
        kind=Kind.WARN,
        reason=reason_required(reason),
        rule=rule_of_community(community, rule_id, required=False),
        report=_report(community, report),
    )


@transaction.atomic
def member_mute(*, actor, community, membership, days, reason, rule_id=None, report=None) -> ModerationAction:
    """Mute for `days` (1-365) from now. Muting a member who is muted is a conflict (already_muted):
    a moderator lifts the running mute first, so each mute in the record is one decision."""
    actor_membership = ensure_can(actor, "moderate", community)
    if not isinstance(days, int) or not 1 <= days <= MAX_MUTE_DAYS:
        raise errors.MutePeriodInvalid(fields={"days": [str(errors.MutePeriodInvalid.message)]})
    target = _lock_subject(actor, actor_membership, community, membership)
    if target.status != MembershipStatus.ACTIVE:
        raise errors.MemberNotActive()
    if is_muted(target):
        raise errors.AlreadyMuted()
    reason, rule, report = (
        reason_required(reason),
        rule_of_community(community, rule_id, required=False),
        _report(community, report),
    )
    target.muted_until = timezone.now() + timedelta(days=days)
    target.save(update_fields=["muted_until", "updated_at"])
    return _act(
        actor=actor,
        community=community,
        target=target,
        kind=Kind.MUTE,
        reason=reason,
        rule=rule,
        report=report,
        ends_at=target.muted_until,
        days=days,
    )


@transaction.atomic
def member_unmute(*, actor, community, membership, reason) -> ModerationAction:
    actor_membership = ensure_can(actor, "moderate", community)
    target = _lock_subject(actor, actor_membership, community, membership)
    if not is_muted(target):
        raise errors.NotMuted()
    reason = reason_required(reason)
    target.muted_until = None
    target.save(update_fields=["muted_until", "updated_at"])
    return _act(actor=actor, community=community, target=target, kind=Kind.UNMUTE, reason=reason)


@transaction.atomic
def member_ban(*, actor, community, membership, rule_id, reason, report=None) -> ModerationAction:
    """Ban (status banned): the member loses every private part of the community, site and API alike.

    The subject row is locked, so of two moderators banning at once the second gets already_banned.
    """
    actor_membership = ensure_can(actor, "moderate", community)
    target = _lock_subject(actor, actor_membership, community, membership)
    if target.status == MembershipStatus.BANNED:
        raise errors.AlreadyBanned()
    rule, reason, report = (
        rule_of_community(community, rule_id, required=True),
        reason_required(reason),
        _report(community, report),
    )
    ensure_owner_remains(community=community, losing=target)
    if target.status == MembershipStatus.PENDING:  # the application leaves the queue: no approving it later
        close_pending_applications(target, status=Application.Status.REJECTED, decided_by=actor)
    membership_transition(membership=target, to=MembershipStatus.BANNED, via="ban")
    return _act(
        actor=actor,
        community=community,
        target=target,
        kind=Kind.BAN,
        reason=reason,
        rule=rule,
        report=report,
    )


@transaction.atomic
def member_unban(*, actor, community, membership, reason) -> ModerationAction:
    """Lift a ban: the person may join again as the join policy allows (status left, role member)."""
    actor_membership = ensure_can(actor, "moderate", community)
    target = _lock_subject(actor, actor_membership, community, membership)
    if target.status != MembershipStatus.BANNED:
        raise errors.NotBanned()
    reason = reason_required(reason)
    target.role = Role.MEMBER
    membership_transition(membership=target, to=MembershipStatus.LEFT, via="unban", fields=("role",))
    return _act(actor=actor, community=community, target=target, kind=Kind.UNBAN, reason=reason)


@transaction.atomic
def content_remove(*, actor, community, report: Report, reason, rule_id=None) -> ModerationAction | None:
    """Take the reported object down through its registry entry and keep it hidden (hold: removed)."""
    actor_membership = ensure_can(actor, "moderate", community)
    report = lock_open_report(community, report)
    obj = report.target
    reportable = reportable_for(report.target_type.model_class())
    if obj is None or reportable is None or reportable.remove is None:
        raise errors.NotRemovable()
    reason, rule = reason_required(reason), rule_of_community(community, rule_id, required=False)
    author = reportable.author(obj)
    if author is not None:
        author = _lock_subject(actor, actor_membership, community, author)
    reportable.remove(obj, actor)
    hold_content(community, report.target_type, report.target_id, ContentHold.Reason.REMOVED)
    if author is None:
        closed = close_reports(report, actor=actor, status=Report.Status.ACTIONED, note=reason)
        audit_record(
            community=community,
            actor=actor,
            action="content.removed",
            reason=reason,
            reports=closed,
            content=f"{reportable.key}:{report.target_id}",
        )
        return None
    return _act(
        actor=actor,
        community=community,
        target=author,
        kind=Kind.REMOVE_CONTENT,
        reason=reason,
        rule=rule,
        report=report,
        content=f"{reportable.key}:{report.target_id}",
    )


# --- Settings ----------------------------------------------------------------------------------------------


def clean_warning_ladder(ladder) -> list[dict]:
    """A valid ladder: 1-10 steps, each {"action": warn|ban} or {"action": "mute", "days": 1-365}."""
    invalid = errors.WarningLadderInvalid(
        fields={"warning_ladder": [str(errors.WarningLadderInvalid.message)]}
    )
    if not isinstance(ladder, list) or not 1 <= len(ladder) <= 10:
        raise invalid
    steps = []
    for step in ladder:
        if not isinstance(step, dict) or step.get("action") not in LADDER_ACTIONS:
            raise invalid
        if step["action"] == "mute":
            days = step.get("days")
            if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_MUTE_DAYS:
                raise invalid
            steps.append({"action": "mute", "days": days})
        else:
            steps.append({"action": step["action"]})
    return steps


@transaction.atomic
def moderation_settings_update(
    *, actor, community: Community, report_hide_threshold: int, warning_ladder, penalty_decay_days: int
):
    ensure_can(actor, "manage_community", community)
    ladder = clean_warning_ladder(warning_ladder)
    if not isinstance(report_hide_threshold, int) or not 1 <= report_hide_threshold <= 1000:
        raise errors.DomainError(
            code="invalid", fields={"report_hide_threshold": [gettext("From 1 to 1000.")]}
        )
    if not isinstance(penalty_decay_days, int) or not 1 <= penalty_decay_days <= 3650:
        raise errors.DomainError(
            code="invalid", fields={"penalty_decay_days": [gettext("From 1 to 3650 days.")]}
        )
    policy = policy_lock(community=community)
    policy.report_hide_threshold = report_hide_threshold
    policy.warning_ladder = ladder
    policy.penalty_decay_days = penalty_decay_days
    policy.save(update_fields=["report_hide_threshold", "warning_ladder", "penalty_decay_days", "updated_at"])
    audit_record(
        community=community,
        actor=actor,
        action="moderation.settings_changed",
        report_hide_threshold=report_hide_threshold,
        warning_ladder=ladder,
        penalty_decay_days=penalty_decay_days,
    )
    return policy
