"""Reads of moderation: hidden content, the report queue, a member's record and the ladder's next step."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from communities.models import Community
from members.errors import ReportNotFound
from members.models import ContentHold, MemberPolicy, Membership, ModerationAction, Report
from members.reportables import reportable_for

# The actions that climb the warning ladder (lifting a mute or a ban does not).
PENALTIES = (ModerationAction.Kind.WARN, ModerationAction.Kind.MUTE, ModerationAction.Kind.BAN)


INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


def hidden_ids(model: type[models.Model], community: Community) -> QuerySet:
    """Primary keys of `model` rows of `community` that are held; for `.exclude(pk__in=...)`.

    Targets are stored as text (any model can be held); the ids are cast back to the model's key type so
    the subquery compares like with like (PostgreSQL refuses bigint = varchar).
    """
    key_type = (
        models.BigIntegerField() if model._meta.pk.get_internal_type() in INTEGER_KEYS else models.CharField()
    )
    return (
        ContentHold.objects.filter(
            community=community,
            target_type=ContentType.objects.get_for_model(model),
            released_at__isnull=True,
        )
        .annotate(target_key=Cast("target_id", output_field=key_type))
        .values("target_key")
    )


def is_hidden(obj: models.Model) -> bool:
    return ContentHold.objects.filter(
        community_id=obj.community_id,
        target_type=ContentType.objects.get_for_model(type(obj)),
        target_id=str(obj.pk),
        released_at__isnull=True,
    ).exists()


def report_list(*, community: Community) -> QuerySet[Report]:
    return Report.objects.for_community(community).select_related(
        "reporter", "subject__user", "rule", "target_type"
    )


def report_get(*, community: Community, report_id: int) -> Report:
    report = report_list(community=community).filter(pk=report_id).first()
    if report is None:
        raise ReportNotFound()
    return report


@dataclass
class ReportGroup:
    """The open reports on one target, with what a moderator needs to decide."""

    first: Report
    reports: list[Report]
    target: object = None
    summary: str = ""
    removable: bool = False
    hidden: bool = False
    record: list[ModerationAction] = field(default_factory=list)
    proposal: dict | None = None

    @property
    def reporter_count(self) -> int:
        return len({report.reporter_id for report in self.reports})


def report_queue(
    *, community: Community, policy: MemberPolicy, of: Report | None = None
) -> list[ReportGroup]:
    """Open reports grouped by target, oldest report first; a fixed number of queries for any size.

    `of`: only the group of that report's target (the review page).
    """
    reports = report_list(community=community).filter(status=Report.Status.OPEN).order_by("created_at")
    if of is not None:
        reports = reports.filter(target_type_id=of.target_type_id, target_id=of.target_id)
    reports = list(reports)
    groups: dict[tuple[int, str], ReportGroup] = {}
    for report in reports:
        key = (report.target_type_id, report.target_id)
        if key not in groups:
            groups[key] = ReportGroup(first=report, reports=[])
        groups[key].reports.append(report)
    by_type: dict[int, list[str]] = {}
    for type_id, target_id in groups:
        by_type.setdefault(type_id, []).append(target_id)
    for type_id, ids in by_type.items():
        content_type = ContentType.objects.get_for_id(type_id)
        model = content_type.model_class()
        reportable = reportable_for(model)
        rows = model._default_manager.filter(community=community, pk__in=ids)
        if reportable is not None and reportable.related:
            rows = rows.select_related(*reportable.related)
        objects = {str(obj.pk): obj for obj in rows}
        held = set(hidden_ids(model, community).values_list("target_id", flat=True))
        for target_id in ids:
            group = groups[(type_id, target_id)]
            group.target = objects.get(target_id)
            group.hidden = target_id in held
            if reportable is not None and group.target is not None:
                group.summary = reportable.summary(group.target)
                group.removable = reportable.remove is not None
    subjects = {g.first.subject_id for g in groups.values() if g.first.subject_id}
    records = records_for(community=community, subject_ids=subjects, policy=policy)
    for group in groups.values():
        group.record = records.get(group.first.subject_id, [])
        group.proposal = proposed_step(policy=policy, record=group.record)
    return list(groups.values())


def records_for(*, community: Community, subject_ids, policy: MemberPolicy) -> dict[int, list]:
    """Each subject's penalties within the decay window, newest first (one query)."""
    since = timezone.now() - timedelta(days=policy.penalty_decay_days)
    actions = (
        ModerationAction.objects.for_community(community)
        .filter(subject_id__in=list(subject_ids), created_at__gte=since)
        .select_related("moderator", "rule")
        .order_by("-created_at")
    )
    records: dict[int, list] = {}
    for action in actions:
        records.setdefault(action.subject_id, []).append(action)
    return records


def member_record(*, community: Community, membership: Membership) -> QuerySet[ModerationAction]:
    """Every moderation action on the member, newest first."""
    return (
        ModerationAction.objects.for_community(community)
        .filter(subject=membership)
        .select_related("moderator", "rule")
        .order_by("-created_at")
    )


@dataclass
class ModerationRecord:
    """A member's moderation page (HTML) and record (API): every action on them, newest first, and the
    warning ladder's next step counted over the penalties still inside the decay window."""

    membership: Membership
    actions: list[ModerationAction]
    proposed_step: dict | None

    @property
    def membership_id(self) -> int:
        return self.membership.pk

    @property
    def status(self) -> str:
        return self.membership.status

    @property
    def muted_until(self):
        return self.membership.muted_until


def moderation_record(
    *, community: Community, membership: Membership, policy: MemberPolicy
) -> ModerationRecord:
    actions = list(member_record(community=community, membership=membership))
    return ModerationRecord(
        membership=membership, actions=actions, proposed_step=proposed_step(policy=policy, record=actions)
    )


def proposed_step(*, policy: MemberPolicy, record) -> dict | None:
    """The ladder's next step after the penalties in `record` (already limited to the decay window)."""
    ladder = policy.warning_ladder or []
    if not ladder:
        return None
    since = timezone.now() - timedelta(days=policy.penalty_decay_days)
    done = sum(1 for action in record if action.kind in PENALTIES and action.created_at >= since)
    return dict(ladder[min(done, len(ladder) - 1)])
