"""Writes of progress: enrolling, completing steps (mark as done, attend an event), submitting work and its
review, quiz attempts, and the personal plan's goals.

Completing a step is one StepProgress row per enrolment and step (a unique constraint) written with the
enrolment row locked, so the same step completed twice at once is `step_already_completed` for the
second and `Enrolment.completed_count` stays exact. A step waits for its prerequisites.

Attending an event completes its step on the member's next learning action (decision 0031): the events
app records attendance and knows nothing of learning, and reads never write, so every progress write of
the member first completes the attend-the-event steps whose attendance is recorded
(`_complete_attended`), and the step page offers "Complete" as soon as the attendance shows.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, ensure_writable, has_capability, membership_of
from communities.races import sequential_on_race
from learning.errors import paths as errors
from learning.models import (
    Completion,
    Enrolment,
    EnrolmentStatus,
    LearningGoal,
    LearningPath,
    PathStatus,
    PathStep,
    QuizAttempt,
    QuizQuestion,
    StepProgress,
    Submission,
    SubmissionStatus,
)
from learning.models.paths import TITLE_MAX
from learning.selectors.paths import MANAGE, is_mentor, prerequisite_map
from learning.selectors.progress import attended_event_ids, goal_get

PARTICIPATE = "participate"


def _enrolment(community: Community, path: LearningPath, membership) -> Enrolment:
    """The member's enrolment on the path, locked; NotEnrolled when there is none."""
    enrolment = (
        Enrolment.objects.for_community(community)
        .select_for_update()
        .filter(path=path, membership=membership)
        .first()
    )
    if enrolment is None:
        raise errors.NotEnrolled()
    return enrolment


def _complete(community: Community, enrolment: Enrolment, step: PathStep, actor, *, via: str) -> StepProgress:
    """Record the step completed (the enrolment row is locked by the caller) and the path when it is the
    last one. Refused: done already, prerequisites not done."""
    done = set(
        StepProgress.objects.for_community(community)
        .filter(enrolment=enrolment)
        .values_list("step_id", flat=True)
    )
    if step.pk in done:
        raise errors.StepAlreadyCompleted()
    if prerequisite_map(community=community, path_ids=[enrolment.path_id]).get(step.pk, set()) - done:
        raise errors.PrerequisitesPending()
    try:
        with transaction.atomic():
            progress = StepProgress.objects.create(
                community=community,
                enrolment=enrolment,
                step=step,
                membership_id=enrolment.membership_id,
                completed_at=timezone.now(),
            )
    except IntegrityError as exc:  # pragma: no cover - the enrolment lock makes this the sequential case
        raise errors.StepAlreadyCompleted() from exc
    enrolment.completed_count = len(done) + 1
    path = LearningPath.objects.for_community(community).only("step_count").get(pk=enrolment.path_id)
    if enrolment.completed_count >= path.step_count and enrolment.status != EnrolmentStatus.COMPLETED:
        enrolment.status, enrolment.completed_at = EnrolmentStatus.COMPLETED, timezone.now()
        record(community=community, actor=actor, verb="path.completed", target=enrolment)
    enrolment.save(update_fields=["completed_count", "status", "completed_at", "updated_at"])
    record(community=community, actor=actor, verb="step.completed", target=progress, data={"via": via})
    return progress


def _complete_attended(community: Community, enrolment: Enrolment, actor, membership) -> int:
    """Complete the enrolment's attend-the-event steps whose attendance is recorded and whose
    prerequisites are done (in the path's order, so a chain of them completes at once)."""
    steps = list(
        PathStep.objects.for_community(community)
        .filter(path_id=enrolment.path_id, completion=Completion.ATTEND)
        .order_by("position", "id")
    )
    attended = attended_event_ids(
        community=community, membership=membership, event_ids={s.event_id for s in steps}
    )
    completed = 0
    for _round in range(len(steps)):
        progressed = False
        for step in steps:
            if step.event_id not in attended:
                continue
            try:
                with transaction.atomic():
                    _complete(community, enrolment, step, actor, via="attendance")
            except (errors.StepAlreadyCompleted, errors.PrerequisitesPending):
                continue
            completed, progressed = completed + 1, True
        if not progressed:
            break
    return completed


def _member_action(actor, community: Community, path: LearningPath):
    """The member's locked enrolment for a progress write, after completing attended events."""
    membership = ensure_can(actor, PARTICIPATE, community)
    if membership is None:
        raise errors.NotEnrolled()
    enrolment = _enrolment(community, path, membership)
    _complete_attended(community, enrolment, actor, membership)
    return membership, enrolment


@sequential_on_race  # enrolling twice at once: the rerun answers already_enrolled
@transaction.atomic
def enrolment_create(*, actor, community: Community, path: LearningPath) -> Enrolment:
    """Enrol the actor on a published path."""
    membership = ensure_can(actor, PARTICIPATE, community)
    if membership is None:
        raise errors.NotEnrolled()
    path = LearningPath.objects.for_community(community).select_for_update().get(pk=path.pk)
    if path.status != PathStatus.PUBLISHED:
        raise errors.PathNotPublished()
    if Enrolment.objects.for_community(community).filter(path=path, membership=membership).exists():
        raise errors.AlreadyEnrolled()
    enrolment = Enrolment.objects.create(community=community, path=path, membership=membership)
    path.enrolment_count += 1
    path.save(update_fields=["enrolment_count", "updated_at"])
    record(community=community, actor=actor, verb="path.enrolled", target=enrolment)
    _complete_attended(community, enrolment, actor, membership)
    return enrolment


@transaction.atomic
def step_complete(*, actor, community: Community, path: LearningPath, step: PathStep) -> StepProgress:
    """Complete a mark-as-done step, or an attend-the-event step once the attendance is recorded."""
    membership, enrolment = _member_action(actor, community, path)
    if step.completion not in (Completion.DONE, Completion.ATTEND):
        raise errors.WrongCompletion()
    if StepProgress.objects.for_community(community).filter(enrolment=enrolment, step=step).exists():
        raise errors.StepAlreadyCompleted()
    if step.completion == Completion.ATTEND and step.event_id not in attended_event_ids(
        community=community, membership=membership, event_ids=[step.event_id]
    ):
        raise errors.NotAttended()
    return _complete(community, enrolment, step, actor, via=step.completion)


def _ready(community: Community, enrolment: Enrolment, step: PathStep, completion: str) -> None:
    if step.completion != completion:
        raise errors.WrongCompletion()
    done = set(
        StepProgress.objects.for_community(community)
        .filter(enrolment=enrolment)
        .values_list("step_id", flat=True)
    )
    if step.pk in done:
        raise errors.StepAlreadyCompleted()
    if prerequisite_map(community=community, path_ids=[enrolment.path_id]).get(step.pk, set()) - done:
        raise errors.PrerequisitesPending()


@transaction.atomic
def submission_create(
    *, actor, community: Community, path: LearningPath, step: PathStep, body: str, link: str = ""
) -> Submission:
    """Submit work for a submit-for-review step (one submission waits for review at a time)."""
    membership, enrolment = _member_action(actor, community, path)
    _ready(community, enrolment, step, Completion.SUBMIT)
    if (
        Submission.objects.for_community(community)
        .filter(enrolment=enrolment, step=step, status=SubmissionStatus.PENDING)
        .exists()
    ):
        raise errors.SubmissionPending()
    if not (body or "").strip():
        raise errors.StepInvalid(fields={"body": [str(errors.StepInvalid.message)]})
    submission = Submission(
        community=community,
        enrolment=enrolment,
        path=path,
        step=step,
        membership=membership,
        body=body,
        link=(link or "").strip(),
    )
    try:
        submission.full_clean(exclude=["community", "enrolment", "path", "step", "membership", "reviewer"])
    except ValidationError as exc:
        raise errors.StepInvalid(fields=exc.message_dict) from exc
    submission.save()
    record(community=community, actor=actor, verb="submission.created", target=submission)
    return submission


@transaction.atomic
def submission_review(
    *, actor, community: Community, submission: Submission, outcome: str, feedback: str
) -> Submission:
    """Review work: approved (the step is completed for its author) or try again, with written feedback.

    Reviewers are learning operators and the path's mentors, never the work's author; a submission is
    reviewed once (its row is locked: two reviewers at once, the second is `already_reviewed`)."""
    membership = membership_of(actor, community)
    path = LearningPath.objects.for_community(community).get(pk=submission.path_id)
    if getattr(actor, "is_superuser", False) or has_capability(membership, MANAGE):
        ensure_can(actor, MANAGE, community, membership=membership)
    elif is_mentor(membership, path):
        ensure_writable(community)
    else:
        raise errors.NotReviewer()
    if membership is not None and submission.membership_id == membership.pk:
        raise errors.OwnWork()
    if outcome not in (SubmissionStatus.APPROVED, SubmissionStatus.TRY_AGAIN):
        raise errors.StepInvalid(fields={"outcome": [str(errors.StepInvalid.message)]})
    if not (feedback or "").strip():
        raise errors.FeedbackRequired(fields={"feedback": [str(errors.FeedbackRequired.message)]})
    enrolment = Enrolment.objects.for_community(community).select_for_update().get(pk=submission.enrolment_id)
    submission = Submission.objects.for_community(community).select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.PENDING:
        raise errors.AlreadyReviewed()
    submission.status, submission.feedback = outcome, feedback
    submission.reviewer, submission.reviewed_at = membership, timezone.now()
    submission.save(update_fields=["status", "feedback", "reviewer", "reviewed_at", "updated_at"])
    record(
        community=community,
        actor=actor,
        verb="submission.reviewed",
        target=submission,
        data={"outcome": outcome},
    )
    if outcome == SubmissionStatus.APPROVED:
        step = PathStep.objects.for_community(community).get(pk=submission.step_id)
        _complete(community, enrolment, step, actor, via="review")
    return submission


@transaction.atomic
def quiz_attempt_start(*, actor, community: Community, path: LearningPath, step: PathStep) -> QuizAttempt:
    """Start an attempt at a quiz step (the open one, if the member has one unanswered)."""
    membership, enrolment = _member_action(actor, community, path)
    _ready(community, enrolment, step, Completion.QUIZ)
    total = QuizQuestion.objects.for_community(community).filter(step=step).count()
    if not total:
        raise errors.QuizEmpty()
    attempt = (
        QuizAttempt.objects.for_community(community)
        .filter(enrolment=enrolment, step=step, answered_at__isnull=True)
        .first()
    )
    if attempt is None:
        attempt = QuizAttempt.objects.create(
            community=community, enrolment=enrolment, step=step, membership=membership, total=total
        )
    return attempt


@transaction.atomic
def quiz_attempt_answer(
    *, actor, community: Community, path: LearningPath, step: PathStep, attempt_id: int, answers: list[int]
) -> QuizAttempt:
    """Answer an attempt once: one choice per question, marked now; passing completes the step.

    The attempt row is locked, so the same attempt answered twice at once is `attempt_answered`."""
    _membership, enrolment = _member_action(actor, community, path)
    attempt = (
        QuizAttempt.objects.for_community(community)
        .select_for_update()
        .filter(pk=attempt_id, enrolment=enrolment, step=step)
        .first()
    )
    if attempt is None:
        raise errors.AttemptNotFound()
    if attempt.answered_at is not None:
        raise errors.AttemptAnswered()
    questions = list(
        QuizQuestion.objects.for_community(community).filter(step=step).order_by("position", "id")
    )
    if not questions:
        raise errors.QuizEmpty()
    if len(answers) != len(questions) or any(
        not isinstance(a, int) or not 0 <= a < len(q.choices)
        for a, q in zip(answers, questions, strict=False)
    ):
        raise errors.AnswersInvalid(fields={"answers": [str(errors.AnswersInvalid.message)]})
    attempt.answers = list(answers)
    attempt.total = len(questions)
    attempt.score = sum(a == q.correct for a, q in zip(answers, questions, strict=True))
    attempt.passed = attempt.score * 100 >= step.pass_mark * attempt.total
    attempt.answered_at = timezone.now()
    attempt.save(update_fields=["answers", "total", "score", "passed", "answered_at", "updated_at"])
    record(
        community=community,
        actor=actor,
        verb="quiz.answered",
        target=attempt,
        data={"score": attempt.score, "total": attempt.total, "passed": attempt.passed},
    )
    if (
        attempt.passed
        and not StepProgress.objects.for_community(community).filter(enrolment=enrolment, step=step).exists()
    ):
        _complete(community, enrolment, step, actor, via="quiz")
    return attempt


@transaction.atomic
def goal_create(
    *, actor, community: Community, title: str, target_date, path: LearningPath | None = None
) -> LearningGoal:
    """A goal of the actor's plan, with a target date and optionally the path it is about."""
    membership = ensure_can(actor, PARTICIPATE, community)
    if membership is None:
        raise errors.NotEnrolled()
    title = (title or "").strip()
    if not title:
        raise errors.StepInvalid(fields={"title": [str(errors.StepInvalid.message)]})
    goal = LearningGoal.objects.create(
        community=community,
        membership=membership,
        title=title[:TITLE_MAX],
        target_date=target_date,
        path=path,
    )
    record(community=community, actor=actor, verb="goal.created", target=goal)
    return goal


@transaction.atomic
def goal_done(*, actor, community: Community, goal_id: int, done: bool = True) -> LearningGoal:
    """Mark one of the actor's goals reached (or open again)."""
    membership = ensure_can(actor, PARTICIPATE, community)
    goal = goal_get(community=community, membership=membership, goal_id=goal_id)
    goal.done_at = timezone.now() if done else None
    goal.save(update_fields=["done_at", "updated_at"])
    record(community=community, actor=actor, verb="goal.reached" if done else "goal.reopened", target=goal)
    return goal


@transaction.atomic
def goal_delete(*, actor, community: Community, goal_id: int) -> None:
    membership = ensure_can(actor, PARTICIPATE, community)
    goal_get(community=community, membership=membership, goal_id=goal_id).delete()
    record(community=community, actor=actor, verb="goal.removed")
