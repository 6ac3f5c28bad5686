"""Reads of progress: a member's enrolments and the state of each step for them (done, waiting for review,
to do, locked by prerequisites), their next steps, their streak, the personal plan, the review queue and a
path's enrolments for those who may follow them.

Reads never write. An "attend the event" step whose event recorded the member's attendance shows as
`attended` (ready): the member's next learning action completes it (learning.services.progress,
decision 0031).

Who sees a member's progress: the member; learning operators (manage_learning) everyone's; a path's
mentors the progress of the members enrolled on that path. Goals are the member's own.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from communities.models import Community
from communities.permissions import has_capability
from events.models import Registration
from learning.errors import paths as errors
from learning.models import (
    Completion,
    Enrolment,
    EnrolmentStatus,
    LearningGoal,
    LearningPath,
    PathStep,
    QuizAttempt,
    StepProgress,
    Submission,
    SubmissionStatus,
)
from learning.selectors.paths import MANAGE, mentored_path_ids, prerequisite_map
from members.models import Membership

DONE, PENDING, TODO, LOCKED, ATTENDED = "done", "pending", "todo", "locked", "attended"
STREAK_WINDOW = 366  # days looked back for the streak


def enrolment_for(
    *, community: Community, path: LearningPath, membership: Membership | None
) -> Enrolment | None:
    if membership is None or membership.pk is None:
        return None
    return Enrolment.objects.for_community(community).filter(path=path, membership=membership).first()


def attended_event_ids(*, community: Community, membership: Membership, event_ids) -> set[int]:
    """The events among `event_ids` at which the member's attendance is recorded (checked in)."""
    event_ids = [pk for pk in event_ids if pk]
    if not event_ids:
        return set()
    return set(
        Registration.objects.for_community(community)
        .filter(membership=membership, event_id__in=event_ids, checked_in_at__isnull=False)
        .values_list("event_id", flat=True)
    )


@dataclass
class StepState:
    step: PathStep
    state: str
    missing: list[PathStep] = field(default_factory=list)  # prerequisites not completed yet


def step_states(
    *, community: Community, steps: list[PathStep], enrolment: Enrolment | None, prerequisites=None
) -> list[StepState]:
    """Each step's state for the enrolled member (all `todo`/`locked` without an enrolment), in order.

    A step is `locked` while a prerequisite is not done; `pending` while the member's work waits for
    review; `attended` for an attend-the-event step whose attendance is recorded (completed on the
    member's next learning action). Three queries whatever the number of steps.
    """
    if prerequisites is None:
        prerequisites = {step.pk: {p.requires_id for p in step.prerequisites.all()} for step in steps}
    done: set[int] = set()
    pending: set[int] = set()
    attended: set[int] = set()
    if enrolment is not None:
        done = set(
            StepProgress.objects.for_community(community)
            .filter(enrolment=enrolment)
            .values_list("step_id", flat=True)
        )
        pending = set(
            Submission.objects.for_community(community)
            .filter(enrolment=enrolment, status=SubmissionStatus.PENDING)
            .values_list("step_id", flat=True)
        )
        membership = Membership(pk=enrolment.membership_id, community_id=community.pk)
        attended = attended_event_ids(
            community=community,
            membership=membership,
            event_ids={s.event_id for s in steps if s.completion == Completion.ATTEND},
        )
    return _states(steps, prerequisites, done=done, pending=pending, attended=attended)


def _states(steps, prerequisites, *, done: set, pending: set, attended: set) -> list[StepState]:
    by_id = {step.pk: step for step in steps}
    states = []
    for step in steps:
        missing = [
            by_id[pk] for pk in sorted(prerequisites.get(step.pk, ())) if pk not in done and pk in by_id
        ]
        if step.pk in done:
            state = DONE
        elif missing:
            state = LOCKED
        elif step.pk in pending:
            state = PENDING
        elif step.completion == Completion.ATTEND and step.event_id in attended:
            state = ATTENDED
        else:
            state = TODO
        states.append(StepState(step, state, missing))
    return states


def next_step(states: list[StepState]) -> StepState | None:
    """The first step the member can act on now, in the path's order."""
    return next((s for s in states if s.state in (TODO, ATTENDED)), None)


def enrolment_list(*, community: Community, membership: Membership) -> QuerySet[Enrolment]:
    """A member's enrolments with their paths, in progress first, then newest (one query)."""
    return (
        Enrolment.objects.for_community(community)
        .filter(membership=membership)
        .select_related("path")
        .order_by("status", "-created_at", "-id")
    )


def may_follow(*, community: Community, viewer: Membership | None, path: LearningPath) -> bool:
    """May `viewer` see the progress of every member enrolled on `path`?"""
    return has_capability(viewer, MANAGE) or path.pk in mentored_path_ids(
        community=community, membership=viewer
    )


def path_enrolment_list(
    *, community: Community, path: LearningPath, viewer: Membership | None
) -> QuerySet[Enrolment]:
    """A path's enrolments with the members: all for learning operators and the path's mentors, the
    viewer's own for anyone else (one query)."""
    enrolments = (
        Enrolment.objects.for_community(community)
        .filter(path=path)
        .select_related("membership__user")
        .order_by("-created_at", "-id")
    )
    if may_follow(community=community, viewer=viewer, path=path):
        return enrolments
    if viewer is None or viewer.pk is None:
        return enrolments.none()
    return enrolments.filter(membership=viewer)


def visible_submissions(*, community: Community, viewer: Membership | None) -> QuerySet[Submission]:
    """Submissions the viewer may read: their own, and those of the paths they review."""
    submissions = Submission.objects.for_community(community).select_related(
        "membership__user", "reviewer__user", "path", "step"
    )
    if has_capability(viewer, MANAGE):
        return submissions
    if viewer is None or viewer.pk is None:
        return submissions.none()
    mentored = mentored_path_ids(community=community, membership=viewer)
    return submissions.filter(Q(membership=viewer) | Q(path_id__in=mentored))


def submission_list(
    *, community: Community, viewer: Membership | None, status: str = "", path_id: int | None = None
) -> QuerySet[Submission]:
    submissions = visible_submissions(community=community, viewer=viewer)
    if status:
        submissions = submissions.filter(status=status)
    if path_id:
        submissions = submissions.filter(path_id=path_id)
    return submissions.order_by("created_at", "id")


def review_queue(*, community: Community, viewer: Membership | None) -> QuerySet[Submission]:
    """Work waiting for the viewer's review, oldest first: of the paths they review, not their own."""
    if not has_capability(viewer, MANAGE) and not mentored_path_ids(community=community, membership=viewer):
        return Submission.objects.none()
    return submission_list(community=community, viewer=viewer, status=SubmissionStatus.PENDING).exclude(
        membership=viewer
    )


def is_reviewer_anywhere(*, community: Community, membership: Membership | None) -> bool:
    return has_capability(membership, MANAGE) or bool(
        mentored_path_ids(community=community, membership=membership)
    )


def submission_get(*, community: Community, viewer: Membership | None, submission_id) -> Submission:
    submission = visible_submissions(community=community, viewer=viewer).filter(pk=submission_id).first()
    if submission is None:
        raise errors.SubmissionNotFound()
    return submission


def step_submissions(
    *, community: Community, enrolment: Enrolment | None, step: PathStep
) -> list[Submission]:
    """The member's submissions for a step, newest first, with their reviewers."""
    if enrolment is None:
        return []
    return list(
        Submission.objects.for_community(community)
        .filter(enrolment=enrolment, step=step)
        .select_related("reviewer__user")
        .order_by("-created_at", "-id")
    )


def quiz_attempts(*, community: Community, enrolment: Enrolment | None, step: PathStep) -> list[QuizAttempt]:
    """The member's attempts at a quiz step, newest first (an unanswered one is open)."""
    if enrolment is None:
        return []
    return list(
        QuizAttempt.objects.for_community(community)
        .filter(enrolment=enrolment, step=step)
        .order_by("-created_at", "-id")
    )


def goal_list(*, community: Community, membership: Membership) -> QuerySet[LearningGoal]:
    """A member's goals: open ones by target date, then reached ones."""
    return (
        LearningGoal.objects.for_community(community)
        .filter(membership=membership)
        .select_related("path")
        .order_by("done_at", "target_date", "id")
    )


def goal_get(*, community: Community, membership: Membership, goal_id) -> LearningGoal:
    goal = goal_list(community=community, membership=membership).filter(pk=goal_id).first()
    if goal is None:
        raise errors.GoalNotFound()
    return goal


def activity_days(*, community: Community, membership: Membership, since: date) -> set[date]:
    """The days (in the community's time zone) with a learning activity of the member: a step completed,
    work submitted, a quiz answered. Three queries over indexed columns."""
    tz = zoneinfo.ZoneInfo(community.timezone)
    start = timezone.make_aware(timezone.datetime.combine(since, timezone.datetime.min.time()), tz)
    days: set[date] = set()
    for model, column in (
        (StepProgress, "completed_at"),
        (Submission, "created_at"),
        (QuizAttempt, "answered_at"),
    ):
        days.update(
            model.objects.for_community(community)
            .filter(membership=membership, **{f"{column}__gte": start})
            .annotate(day=TruncDate(column, tzinfo=tz))
            .values_list("day", flat=True)
            .distinct()
        )
    return days


def streak(*, community: Community, membership: Membership | None, today: date | None = None) -> int:
    """Consecutive days with a learning activity, ending today, or yesterday while today has none yet (a
    streak is kept until the day ends)."""
    if membership is None or membership.pk is None:
        return 0
    tz = zoneinfo.ZoneInfo(community.timezone)
    today = today or timezone.now().astimezone(tz).date()
    days = activity_days(
        community=community, membership=membership, since=today - timedelta(days=STREAK_WINDOW)
    )
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass
class PathProgress:
    enrolment: Enrolment
    states: list[StepState]

    @property
    def next(self) -> StepState | None:
        return next_step(self.states)

    @property
    def percent(self) -> int:
        total = len(self.states)
        return round(100 * sum(s.state == DONE for s in self.states) / total) if total else 0


@dataclass
class Plan:
    goals: list[LearningGoal]
    paths: list[PathProgress]
    streak: int

    @property
    def today(self) -> list[tuple[LearningPath, StepState]]:
        """What to do next today: the next step of each path in progress."""
        return [
            (p.enrolment.path, p.next)
            for p in self.paths
            if p.enrolment.status == EnrolmentStatus.ACTIVE and p.next is not None
        ]


def plan_for(*, community: Community, membership: Membership) -> Plan:
    """The personal plan page in a fixed number of queries: goals, each enrolment's step states, streak."""
    enrolments = list(enrolment_list(community=community, membership=membership))
    path_ids = [e.path_id for e in enrolments]
    steps_by_path: dict[int, list[PathStep]] = {pk: [] for pk in path_ids}
    for step in (
        PathStep.objects.for_community(community).filter(path_id__in=path_ids).order_by("position", "id")
    ):
        steps_by_path[step.path_id].append(step)
    prerequisites = prerequisite_map(community=community, path_ids=path_ids)
    enrolment_ids = [e.pk for e in enrolments]
    done: dict[int, set[int]] = {pk: set() for pk in enrolment_ids}
    for enrolment_id, step_id in (
        StepProgress.objects.for_community(community)
        .filter(enrolment_id__in=enrolment_ids)
        .values_list("enrolment_id", "step_id")
    ):
        done[enrolment_id].add(step_id)
    pending: dict[int, set[int]] = {pk: set() for pk in enrolment_ids}
    for enrolment_id, step_id in (
        Submission.objects.for_community(community)
        .filter(enrolment_id__in=enrolment_ids, status=SubmissionStatus.PENDING)
        .values_list("enrolment_id", "step_id")
    ):
        pending[enrolment_id].add(step_id)
    attended = attended_event_ids(
        community=community,
        membership=membership,
        event_ids={
            s.event_id for steps in steps_by_path.values() for s in steps if s.completion == Completion.ATTEND
        },
    )
    paths = [
        PathProgress(
            enrolment,
            _states(
                steps_by_path[enrolment.path_id],
                prerequisites,
                done=done[enrolment.pk],
                pending=pending[enrolment.pk],
                attended=attended,
            ),
        )
        for enrolment in enrolments
    ]
    return Plan(
        goals=list(goal_list(community=community, membership=membership)),
        paths=paths,
        streak=streak(community=community, membership=membership),
    )
