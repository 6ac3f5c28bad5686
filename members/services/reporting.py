"""Reports: members report a member or content for a broken rule; moderators dismiss them.

A target is any registered kind (members.reportables). Content reported by the community's
report_hide_threshold of distinct members is hidden at once pending review (ContentHold).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from analytics.services import record
from communities.models import Community, Rule
from communities.permissions import ensure_can
from communities.races import sequential_on_race
from members import errors
from members.models import ContentHold, Report
from members.reportables import notify_hold_changed, resolve_target
from members.selectors.policy import policy_for
from members.services.audit import audit_record


def rule_of_community(community: Community, rule_id, *, required: bool) -> Rule | None:
    if rule_id in (None, ""):
        if required:
            raise errors.RuleInvalid(fields={"rule": [str(errors.RuleInvalid.message)]})
        return None
    rule = Rule.objects.for_community(community).filter(pk=rule_id).first()
    if rule is None:
        raise errors.RuleInvalid(fields={"rule": [str(errors.RuleInvalid.message)]})
    return rule


def reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise errors.ReasonRequired(fields={"reason": [str(errors.ReasonRequired.message)]})
    return reason


def _target_reports(report: Report):
    return Report.objects.filter(
        community_id=report.community_id,
        target_type_id=report.target_type_id,
        target_id=report.target_id,
        status=Report.Status.OPEN,
    )


@sequential_on_race  # a concurrent identical report: the rerun sees it and answers already_reported
@transaction.atomic
def report_create(
    *, actor, community: Community, target_type: str, target_id, rule_id, reason: str
) -> Report:
    """Report a member or content of this community for a broken rule of this community.

    When the target reaches MemberPolicy.report_hide_threshold distinct reporters it is hidden at once.
    """
    ensure_can(actor, "report", community)
    reportable, obj = resolve_target(
        community=community, target_type=target_type, target_id=target_id, actor=actor
    )
    rule = rule_of_community(community, rule_id, required=True)
    reason = reason_required(reason)
    subject = reportable.author(obj)
    if subject is not None and subject.user_id == actor.pk:
        raise errors.SelfReport()
    content_type = ContentType.objects.get_for_model(reportable.model)
    open_reports = Report.objects.filter(
        community=community, target_type=content_type, target_id=str(obj.pk), status=Report.Status.OPEN
    )
    if open_reports.filter(reporter=actor).exists():
        raise errors.AlreadyReported()
    report = Report.objects.create(
        community=community,
        reporter=actor,
        target_type=content_type,
        target_id=str(obj.pk),
        subject=subject,
        rule=rule,
        reason=reason,
    )
    record(community=community, actor=actor, verb="report.created", target=report)
    if reportable.hides:
        reporters = open_reports.values("reporter").distinct().count()
        if reporters >= policy_for(community=community).report_hide_threshold:
            hold_content(community, content_type, obj.pk, ContentHold.Reason.REPORTS)
    return report


def hold_content(community: Community, content_type: ContentType, object_id, reason: str) -> None:
    """Create the active hold on the object, or switch an existing one to `reason`; a new hold is told to
    the object's kind (members.reportables `hold_changed`)."""
    active = ContentHold.objects.filter(
        community=community, target_type=content_type, target_id=str(object_id), released_at__isnull=True
    )
    if active.update(reason=reason):
        return
    try:
        with transaction.atomic():
            ContentHold.objects.create(
                community=community, target_type=content_type, target_id=str(object_id), reason=reason
            )
    except IntegrityError:  # held concurrently: already hidden, which is what we want
        return
    notify_hold_changed(community=community, target_type=content_type, target_id=object_id)


def close_reports(report: Report | None, *, actor, status: str, note: str) -> int:
    if report is None:
        return 0
    return _target_reports(report).update(
        status=status, resolved_by=actor, resolved_at=timezone.now(), resolution_note=note
    )


def lock_open_report(community: Community, report: Report) -> Report:
    report = Report.objects.select_for_update().filter(community=community, pk=report.pk).first()
    if report is None:
        raise errors.ReportTargetInvalid()
    if report.status != Report.Status.OPEN:
        raise errors.ReportClosed()
    return report


@transaction.atomic
def report_dismiss(*, actor, community: Community, report: Report, reason: str) -> int:
    """Dismiss every open report on the report's target and release a hold the reports caused."""
    ensure_can(actor, "moderate", community)
    report = lock_open_report(community, report)
    reason = reason_required(reason)
    closed = close_reports(report, actor=actor, status=Report.Status.DISMISSED, note=reason)
    released = ContentHold.objects.filter(
        community=community,
        target_type_id=report.target_type_id,
        target_id=report.target_id,
        reason=ContentHold.Reason.REPORTS,
        released_at__isnull=True,
    ).update(released_at=timezone.now(), released_by=actor)
    if released:
        notify_hold_changed(community=community, target_type=report.target_type, target_id=report.target_id)
    audit_record(
        community=community,
        actor=actor,
        action="reports.dismissed",
        subject=report.subject,
        reason=reason,
        report=report.pk,
        reports=closed,
    )
    record(community=community, actor=actor, verb="moderation.dismissed", target=report)
    return closed
