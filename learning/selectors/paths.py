"""Reads of learning paths: who may edit and review a path, the paths a member may see (with filters by
track and level), a path's steps with their prerequisites and quiz questions, and its mentors.

Published paths are read by every member (the `view` capability); a draft by learning operators
(manage_learning), its author and its mentors. A path named in a URL that the viewer may not see is
PathNotFound, as a missing one.
"""

from django.db.models import Prefetch, Q, QuerySet

from communities.models import Community
from communities.permissions import has_capability
from communities.roles import MembershipStatus
from events.models import Event, EventStatus
from learning.errors import paths as errors
from learning.models import LearningPath, PathMentor, PathStatus, PathStep, QuizQuestion, StepPrerequisite
from members.models import Membership
from members.selectors.policy import policy_for

MANAGE = "manage_learning"


def level_choices(*, community: Community) -> list[str]:
    """The community's ordered skill levels (the profiles' `skill_level` uses the same list)."""
    return list(policy_for(community=community).skill_levels)


def mentored_path_ids(*, community: Community, membership: Membership | None) -> set[int]:
    """The paths `membership` mentors (one query; none for a visitor or an inactive member)."""
    if not has_capability(membership, "participate"):
        return set()
    return set(
        PathMentor.objects.for_community(community)
        .filter(membership=membership)
        .values_list("path_id", flat=True)
    )


def is_mentor(membership: Membership | None, path: LearningPath) -> bool:
    """Does `membership` (active) mentor `path`? One query."""
    if not has_capability(membership, "participate"):
        return False
    return PathMentor.objects.filter(
        community_id=path.community_id, path=path, membership=membership
    ).exists()


def may_edit_path(membership: Membership | None, path: LearningPath) -> bool:
    """Learning operators edit every path; a path's mentors edit theirs."""
    return has_capability(membership, MANAGE) or is_mentor(membership, path)


def may_review(membership: Membership | None, path: LearningPath) -> bool:
    """Reviewers of a path's submissions: learning operators and the path's mentors (never of their own
    work, which the service refuses)."""
    return may_edit_path(membership, path)


def path_list(
    *, community: Community, membership: Membership | None, track: str = "", level: str = ""
) -> QuerySet[LearningPath]:
    """The paths the viewer may see: published ones, and the drafts they may edit; by track and level."""
    paths = LearningPath.objects.for_community(community).select_related("author__user")
    if not has_capability(membership, MANAGE):
        visible = Q(status=PathStatus.PUBLISHED)
        if membership is not None and membership.pk is not None:
            visible |= Q(author=membership) | Q(
                pk__in=mentored_path_ids(community=community, membership=membership)
            )
        paths = paths.filter(visible)
    if track:
        paths = paths.filter(track=track.strip().lower())
    if level:
        paths = paths.filter(level=level)
    return paths.order_by("track", "title", "id")


def path_get(*, community: Community, membership: Membership | None, path_id) -> LearningPath:
    path = path_list(community=community, membership=membership).filter(pk=path_id).first()
    if path is None:
        raise errors.PathNotFound()
    return path


def track_choices(*, community: Community) -> list[str]:
    """The tracks of the community's published paths, for the filter (one query)."""
    return list(
        LearningPath.objects.for_community(community)
        .filter(status=PathStatus.PUBLISHED)
        .order_by("track")
        .values_list("track", flat=True)
        .distinct()
    )


def step_list(*, community: Community, path: LearningPath) -> QuerySet[PathStep]:
    """A path's steps in order with their material, prerequisites and quiz questions (four queries)."""
    return (
        PathStep.objects.for_community(community)
        .filter(path=path)
        .select_related("post", "series", "event")
        .prefetch_related(
            Prefetch(
                "prerequisites",
                queryset=StepPrerequisite.objects.for_community(community).select_related("requires"),
            ),
            Prefetch(
                "questions", queryset=QuizQuestion.objects.for_community(community).order_by("position", "id")
            ),
        )
        .order_by("position", "id")
    )


def step_get(*, community: Community, path: LearningPath, step_id) -> PathStep:
    step = step_list(community=community, path=path).filter(pk=step_id).first()
    if step is None:
        raise errors.StepNotFound()
    return step


def mentor_list(*, community: Community, path: LearningPath) -> QuerySet[PathMentor]:
    return (
        PathMentor.objects.for_community(community)
        .filter(path=path)
        .select_related("membership__user")
        .order_by("id")
    )


def material_events(*, community: Community) -> QuerySet[Event]:
    """Events a step may point at: published ones (every member sees them), newest first."""
    return (
        Event.objects.for_community(community)
        .filter(status=EventStatus.PUBLISHED)
        .order_by("-starts_at", "-id")
    )


def mentor_candidates(*, community: Community) -> QuerySet[Membership]:
    """Active members who may be appointed mentors, by name."""
    return (
        Membership.objects.for_community(community)
        .filter(status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("user__display_name", "user__username", "id")
    )


def prerequisite_map(*, community: Community, path_ids) -> dict[int, set[int]]:
    """step id -> the ids of the steps it requires, for the given paths (one query)."""
    found: dict[int, set[int]] = {}
    rows = StepPrerequisite.objects.for_community(community).filter(path_id__in=list(path_ids))
    for step_id, requires_id in rows.values_list("step_id", "requires_id"):
        found.setdefault(step_id, set()).add(requires_id)
    return found
