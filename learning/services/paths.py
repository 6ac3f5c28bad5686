"""Writes of learning paths: building a path (learning operators, and the path's mentors for theirs), its
steps with their material, order, prerequisites and quiz, publishing, copying, and appointing mentors.

The path row is locked (SELECT ... FOR UPDATE) by every write to its steps, so `step_count`,
`effort_minutes` and positions stay right when two editors work at once, and two prerequisite changes
cannot together make a cycle that neither makes alone.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, ensure_writable, has_capability, membership_of
from communities.races import sequential_on_race
from communities.roles import MembershipStatus
from content.models import Series
from content.selectors.posts import visible_posts
from learning.errors import paths as errors
from learning.models import (
    Completion,
    Enrolment,
    LearningPath,
    MaterialKind,
    PathMentor,
    PathStatus,
    PathStep,
    QuizQuestion,
    StepPrerequisite,
    StepProgress,
)
from learning.models.paths import CHOICE_MAX, CHOICES_MAX, QUESTIONS_MAX, TITLE_MAX
from learning.selectors.paths import MANAGE, is_mentor, level_choices, material_events
from members.models import Membership

PATH_FIELDS = ("title", "summary", "track", "level")
STEP_FIELDS = (
    "title",
    "goal",
    "material_kind",
    "material_url",
    "material_title",
    "material_text",
    "completion",
    "effort_minutes",
    "pass_mark",
)


def ensure_editor(actor, community: Community, path: LearningPath):
    """Learning operators edit every path, its mentors theirs; the membership, else NotPathEditor."""
    membership = membership_of(actor, community)
    if getattr(actor, "is_superuser", False) or has_capability(membership, MANAGE):
        return ensure_can(actor, MANAGE, community, membership=membership)
    if is_mentor(membership, path):
        ensure_writable(community)
        return membership
    raise errors.NotPathEditor()


def _lock(community: Community, path: LearningPath) -> LearningPath:
    return LearningPath.objects.for_community(community).select_for_update().get(pk=path.pk)


def _check(instance, error, exclude=()) -> None:
    try:
        instance.full_clean(
            exclude=["community", *exclude], validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        raise error(fields=exc.message_dict) from exc


def _clean_path(community: Community, path: LearningPath) -> None:
    path.title = (path.title or "").strip()
    path.track = (path.track or "").strip().lower()
    if path.level not in level_choices(community=community):
        raise errors.PathInvalid(fields={"level": [str(errors.PathInvalid.message)]})
    _check(path, errors.PathInvalid, exclude=("author", "copied_from"))


def _recount(community: Community, path: LearningPath) -> None:
    """Store the path's step count and total effort (the path row is locked by the caller)."""
    totals = (
        PathStep.objects.for_community(community)
        .filter(path=path)
        .aggregate(count=Count("id"), effort=Coalesce(Sum("effort_minutes"), 0))
    )
    path.step_count, path.effort_minutes = totals["count"], totals["effort"]
    path.save(update_fields=["step_count", "effort_minutes", "updated_at"])


@transaction.atomic
def path_create(
    *, actor, community: Community, title: str, track: str, level: str, summary: str = ""
) -> LearningPath:
    """A new draft path; its author is the actor (a learning operator)."""
    membership = ensure_can(actor, MANAGE, community)
    if membership is None:  # a superuser outside the community cannot author a path
        raise errors.NotPathEditor()
    path = LearningPath(
        community=community, author=membership, title=title, track=track, level=level, summary=summary
    )
    _clean_path(community, path)
    path.save()
    record(community=community, actor=actor, verb="path.created", target=path)
    return path


@transaction.atomic
def path_update(*, actor, community: Community, path: LearningPath, **fields) -> LearningPath:
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    for name in PATH_FIELDS:
        if name in fields:
            setattr(path, name, fields[name])
    _clean_path(community, path)
    path.save()
    record(community=community, actor=actor, verb="path.updated", target=path)
    return path


@transaction.atomic
def path_publish(*, actor, community: Community, path: LearningPath, publish: bool = True) -> LearningPath:
    """Publish a path (members see it and enrol), or take it back to draft (enrolments stay)."""
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    if publish and path.step_count == 0:
        raise errors.PathEmpty()
    path.status = PathStatus.PUBLISHED if publish else PathStatus.DRAFT
    if publish and path.published_at is None:
        path.published_at = timezone.now()
    path.save(update_fields=["status", "published_at", "updated_at"])
    record(
        community=community,
        actor=actor,
        verb="path.published" if publish else "path.unpublished",
        target=path,
    )
    return path


@transaction.atomic
def path_copy(*, actor, community: Community, path: LearningPath, title: str = "") -> LearningPath:
    """A draft copy to adapt: the steps, their material, prerequisites and quizzes (not the mentors,
    enrolments or work). The copier (a learning operator) is its author."""
    membership = ensure_can(actor, MANAGE, community)
    if membership is None:
        raise errors.NotPathEditor()
    copy = LearningPath.objects.create(
        community=community,
        author=membership,
        copied_from=path,
        title=(title or "").strip()[:TITLE_MAX] or path.title,
        summary=path.summary,
        track=path.track,
        level=path.level,
        step_count=path.step_count,
        effort_minutes=path.effort_minutes,
    )
    new_ids: dict[int, PathStep] = {}
    steps = PathStep.objects.for_community(community).filter(path=path).order_by("position", "id")
    for step in steps:
        old_id = step.pk
        step.pk, step.id, step.path = None, None, copy
        step._state.adding = True
        step.save()
        new_ids[old_id] = step
    StepPrerequisite.objects.bulk_create(
        StepPrerequisite(
            community=community, path=copy, step=new_ids[p.step_id], requires=new_ids[p.requires_id]
        )
        for p in StepPrerequisite.objects.for_community(community).filter(path=path)
    )
    QuizQuestion.objects.bulk_create(
        QuizQuestion(
            community=community,
            step=new_ids[q.step_id],
            position=q.position,
            prompt=q.prompt,
            choices=q.choices,
            correct=q.correct,
        )
        for q in QuizQuestion.objects.for_community(community).filter(step__path=path)
    )
    record(community=community, actor=actor, verb="path.copied", target=copy, data={"from": path.pk})
    return copy


def _material(community: Community, step: PathStep, post_id, series_id, event_id) -> None:
    """Point the step at its material (one kind), checking the object is this community's."""
    step.post = step.series = step.event = None
    kind, problem = step.material_kind, None
    if kind == MaterialKind.POST:
        step.post = visible_posts(community=community).filter(pk=post_id).first() if post_id else None
        problem = None if step.post else "post_id"
    elif kind == MaterialKind.SERIES:
        step.series = (
            Series.objects.for_community(community).filter(pk=series_id).first() if series_id else None
        )
        problem = None if step.series else "series_id"
    elif kind == MaterialKind.EVENT:
        step.event = material_events(community=community).filter(pk=event_id).first() if event_id else None
        problem = None if step.event else "event_id"
    elif kind == MaterialKind.LINK:
        problem = None if step.material_url else "material_url"
    elif kind == MaterialKind.TEXT:
        problem = None if (step.material_text or "").strip() else "material_text"
    if problem:
        raise errors.StepInvalid(fields={problem: [str(errors.StepInvalid.message)]})
    if step.completion == Completion.ATTEND and step.event is None:
        raise errors.StepInvalid(fields={"completion": [str(errors.StepInvalid.message)]})


def _fill_step(community: Community, step: PathStep, fields: dict) -> None:
    for name in STEP_FIELDS:
        if name in fields and fields[name] is not None:
            setattr(step, name, fields[name])
    step.title = (step.title or "").strip()
    _material(
        community,
        step,
        fields.get("post_id", step.post_id),
        fields.get("series_id", step.series_id),
        fields.get("event_id", step.event_id),
    )
    _check(step, errors.StepInvalid, exclude=("path", "post", "series", "event"))


@transaction.atomic
def step_create(*, actor, community: Community, path: LearningPath, **fields) -> PathStep:
    """Add a step at the end of the path."""
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    last = PathStep.objects.for_community(community).filter(path=path).aggregate(top=Max("position"))["top"]
    step = PathStep(community=community, path=path, position=0 if last is None else last + 1)
    _fill_step(community, step, fields)
    step.save()
    _recount(community, path)
    record(community=community, actor=actor, verb="path.step_added", target=step)
    return step


@transaction.atomic
def step_update(*, actor, community: Community, path: LearningPath, step: PathStep, **fields) -> PathStep:
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    step = PathStep.objects.for_community(community).get(pk=step.pk, path=path)
    _fill_step(community, step, fields)
    step.save()
    _recount(community, path)
    record(community=community, actor=actor, verb="path.step_updated", target=step)
    return step


@transaction.atomic
def step_delete(*, actor, community: Community, path: LearningPath, step: PathStep) -> None:
    """Remove a step (its prerequisites, progress and work go with it); enrolments are recounted."""
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    PathStep.objects.for_community(community).filter(pk=step.pk, path=path).delete()
    _recount(community, path)
    done = StepProgress.objects.for_community(community).filter(enrolment=OuterRef("pk")).values("enrolment")
    Enrolment.objects.for_community(community).filter(path=path).update(
        completed_count=Coalesce(Subquery(done.annotate(n=Count("id")).values("n")[:1]), 0)
    )
    record(community=community, actor=actor, verb="path.step_removed", target=path)


@transaction.atomic
def step_move(*, actor, community: Community, path: LearningPath, step: PathStep, offset: int) -> None:
    """Move a step up (offset -1) or down (+1) the path: positions are renumbered 0, 1, 2..."""
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    steps = list(PathStep.objects.for_community(community).filter(path=path).order_by("position", "id"))
    index = next((i for i, s in enumerate(steps) if s.pk == step.pk), None)
    if index is None:
        raise errors.StepNotFound()
    target = max(0, min(len(steps) - 1, index + (1 if offset > 0 else -1)))
    steps.insert(target, steps.pop(index))
    for position, item in enumerate(steps):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position", "updated_at"])
    record(community=community, actor=actor, verb="path.steps_reordered", target=path)


def _has_cycle(edges: dict[int, set[int]]) -> bool:
    """Does the graph step -> required steps hold a cycle? (iterative depth-first search)"""
    state: dict[int, int] = {}  # 1: on the current path, 2: finished
    for start in edges:
        if state.get(start):
            continue
        stack = [(start, iter(edges.get(start, ())))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                return True
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(edges.get(child, ()))))
    return False


@transaction.atomic
def step_prerequisites_set(
    *, actor, community: Community, path: LearningPath, step: PathStep, requires_ids: list[int]
) -> list[StepPrerequisite]:
    """Replace the steps `step` requires. Refused: a step of another path, the step itself, a cycle."""
    ensure_editor(actor, community, path)
    path = _lock(community, path)
    wanted = set(requires_ids)
    steps = set(PathStep.objects.for_community(community).filter(path=path).values_list("pk", flat=True))
    if step.pk in wanted:
        raise errors.PrerequisiteCycle(fields={"requires_ids": [str(errors.PrerequisiteCycle.message)]})
    if not wanted <= steps:
        raise errors.StepInvalid(fields={"requires_ids": [str(errors.StepNotFound.message)]})
    edges: dict[int, set[int]] = {}
    others = StepPrerequisite.objects.for_community(community).filter(path=path).exclude(step=step)
    for step_id, requires_id in others.values_list("step_id", "requires_id"):
        edges.setdefault(step_id, set()).add(requires_id)
    edges[step.pk] = wanted
    if _has_cycle(edges):
        raise errors.PrerequisiteCycle(fields={"requires_ids": [str(errors.PrerequisiteCycle.message)]})
    StepPrerequisite.objects.for_community(community).filter(step=step).delete()
    created = StepPrerequisite.objects.bulk_create(
        StepPrerequisite(community=community, path=path, step_id=step.pk, requires_id=pk)
        for pk in sorted(wanted)
    )
    record(community=community, actor=actor, verb="path.prerequisites_set", target=step)
    return created


def clean_questions(questions: list[dict]) -> list[dict]:
    """Each question: a prompt, 2 to CHOICES_MAX choices and the index of the right one."""
    if not questions or len(questions) > QUESTIONS_MAX:
        raise errors.StepInvalid(fields={"questions": [str(errors.QuizEmpty.message)]})
    cleaned = []
    for question in questions:
        prompt = str(question.get("prompt", "")).strip()
        choices = [
            str(choice).strip()[:CHOICE_MAX] for choice in question.get("choices", []) if str(choice).strip()
        ]
        correct = question.get("correct")
        if (
            not prompt
            or not 2 <= len(choices) <= CHOICES_MAX
            or not isinstance(correct, int)
            or not 0 <= correct < len(choices)
        ):
            raise errors.StepInvalid(fields={"questions": [str(errors.AnswersInvalid.message)]})
        cleaned.append({"prompt": prompt[: TITLE_MAX * 2], "choices": choices, "correct": correct})
    return cleaned


@transaction.atomic
def step_quiz_set(
    *, actor, community: Community, path: LearningPath, step: PathStep, questions: list[dict]
) -> list[QuizQuestion]:
    """Replace a quiz step's questions (attempts already answered keep their score)."""
    ensure_editor(actor, community, path)
    _lock(community, path)
    if step.completion != Completion.QUIZ:
        raise errors.WrongCompletion()
    cleaned = clean_questions(questions)
    QuizQuestion.objects.for_community(community).filter(step=step).delete()
    created = QuizQuestion.objects.bulk_create(
        QuizQuestion(community=community, step=step, position=i, **question)
        for i, question in enumerate(cleaned)
    )
    record(community=community, actor=actor, verb="path.quiz_set", target=step)
    return created


@sequential_on_race  # two appointments at once: the rerun answers already_mentor
@transaction.atomic
def mentor_add(*, actor, community: Community, path: LearningPath, membership_id: int) -> PathMentor:
    """Appoint an active member as a mentor of the path (operators: appoint_mentors)."""
    ensure_can(actor, "appoint_mentors", community)
    membership = (
        Membership.objects.for_community(community)
        .filter(pk=membership_id, status=MembershipStatus.ACTIVE)
        .first()
    )
    if membership is None:
        raise errors.PathInvalid(fields={"membership_id": [str(errors.PathInvalid.message)]})
    if PathMentor.objects.for_community(community).filter(path=path, membership=membership).exists():
        raise errors.AlreadyMentor()
    mentor = PathMentor.objects.create(community=community, path=path, membership=membership)
    record(community=community, actor=actor, verb="path.mentor_appointed", target=mentor)
    return mentor


@transaction.atomic
def mentor_remove(*, actor, community: Community, path: LearningPath, membership_id: int) -> None:
    ensure_can(actor, "appoint_mentors", community)
    PathMentor.objects.for_community(community).filter(path=path, membership_id=membership_id).delete()
    record(community=community, actor=actor, verb="path.mentor_removed", target=path)
