"""The operators' side of a competition before results: its rules, weighted criteria and judges.

Criteria and judges are frozen while judging is closed (`judging_closed`); reopening judging
(events.services.competitions.judging) unfreezes them until the results are published.
"""

from django.db import transaction

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from communities.races import sequential_on_race
from communities.roles import MembershipStatus
from events.errors import competitions as errors
from events.models import Competition, Criterion, Event, Judge, Score
from events.models.competitions import CRITERIA_MAX, JUDGES_MAX
from events.selectors.competitions import criterion_list
from events.services.competitions.common import MANAGE, check, competition_url, locked
from members.models import Membership


@transaction.atomic
def competition_update(
    *,
    actor,
    community: Community,
    event: Event,
    entries_close_at=None,
    max_team_size: int = 1,
    members_vote: bool = False,
) -> Competition:
    """Set the deadline for entries (None: the event's end), the largest team and the members' vote."""
    ensure_can(actor, MANAGE, community)
    competition = locked(community, event)
    if competition.results_published:
        raise errors.ResultsPublished()
    competition.entries_close_at, competition.max_team_size, competition.members_vote = (
        entries_close_at,
        max_team_size,
        members_vote,
    )
    check(competition)
    competition.save()
    record(community=community, actor=actor, verb="competition.updated", target=event)
    return competition


@transaction.atomic
def criterion_create(
    *, actor, community: Community, event: Event, name: str, description: str = "", weight: int = 1
) -> Criterion:
    ensure_can(actor, MANAGE, community)
    competition = locked(community, event)
    if competition.judging_closed:
        raise errors.JudgingClosed()
    existing = criterion_list(community=community, event=event)
    if existing.count() >= CRITERIA_MAX:
        raise errors.CompetitionInvalid(fields={"name": [errors.CompetitionInvalid.message]})
    last = existing.last()
    criterion = Criterion(
        community=community,
        event=event,
        name=(name or "").strip(),
        description=(description or "").strip(),
        weight=weight,
        position=(last.position + 1) if last else 1,
    )
    check(criterion)
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, actor, community: Community, event: Event, criterion: Criterion) -> None:
    """Remove a criterion and the scores given on it, while judging is open."""
    ensure_can(actor, MANAGE, community)
    if locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    Score.objects.for_community(community).filter(criterion=criterion).delete()
    criterion.delete()


@sequential_on_race  # the same judge added twice at once: the rerun answers judge_invalid
@transaction.atomic
def judge_add(*, actor, community: Community, event: Event, membership_id) -> Judge:
    """Appoint an active member as a judge (they are told); refused once judging is closed."""
    ensure_can(actor, MANAGE, community)
    if locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    invalid = errors.JudgeInvalid(fields={"membership": [errors.JudgeInvalid.message]})
    membership = (
        Membership.objects.for_community(community)
        .filter(pk=membership_id, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .first()
    )
    judges = Judge.objects.for_community(community).filter(event=event)
    if membership is None or judges.filter(membership=membership).exists() or judges.count() >= JUDGES_MAX:
        raise invalid
    judge = Judge.objects.create(community=community, event=event, membership=membership)
    record(community=community, actor=actor, verb="judge.appointed", target=judge)
    notify(
        community=community,
        recipient=membership.user,
        kind="competition.judge",
        params={"event": event.title},
        url=competition_url(event),
    )
    return judge


@transaction.atomic
def judge_remove(*, actor, community: Community, event: Event, judge: Judge) -> None:
    """Remove a judge while judging is open; their scores go with them."""
    ensure_can(actor, MANAGE, community)
    if locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    judge.delete()
