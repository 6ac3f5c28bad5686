"""Writes of project collaborations: the operators' team size, proposing a project, joining and leaving
its team, progress updates and the showcase.

A team never outgrows the limit (decision 0028): joining locks the project's row (SELECT ... FOR
UPDATE), reads its stored `member_count` and writes the member and the count in the same transaction,
so members joining at once queue on the lock and the last place is given once. A member is in one team
per event (a unique constraint; two joins at once answer as the sequential case: already_in_a_team).
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, has_capability, membership_of
from communities.races import sequential_on_race
from events.errors import projects as errors
from events.errors.events import EventCancelled
from events.models import Collaboration, Event, EventStatus, Project, ProjectMember, ProjectUpdate
from events.selectors.projects import collaboration_for
from members.services.publishing import ensure_may_post

MANAGE = "manage_events"


def _check(instance, exclude=()) -> None:
    instance.full_clean(
        exclude=["community", "event", *exclude], validate_unique=False, validate_constraints=False
    )


def _ensure_open(event: Event) -> None:
    """New projects and members while the event is published and not over."""
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if event.status != EventStatus.PUBLISHED or event.is_past:
        raise errors.ProjectsClosed()


def _in_team(community: Community, project: Project, membership) -> bool:
    return (
        membership is not None
        and ProjectMember.objects.for_community(community)
        .filter(project=project, membership=membership)
        .exists()
    )


@transaction.atomic
def collaboration_update(*, actor, community: Community, event: Event, max_team_size: int) -> Collaboration:
    """Set the largest team; teams already larger keep their members but take no more."""
    ensure_can(actor, MANAGE, community)
    Collaboration.objects.get_or_create(community=community, event=event)
    collaboration = Collaboration.objects.for_community(community).select_for_update().get(event=event)
    collaboration.max_team_size = max_team_size
    _check(collaboration)
    collaboration.save()
    record(community=community, actor=actor, verb="collaboration.updated", target=event)
    return collaboration


@sequential_on_race  # proposing twice at once: the rerun answers already_in_a_team
@transaction.atomic
def project_propose(*, actor, community: Community, event: Event, title: str, description: str) -> Project:
    """Propose a project: its proposer is its team's first member (one team per member and event)."""
    membership = ensure_may_post(actor=actor, community=community, text=description, field="description")
    _ensure_open(event)
    if ProjectMember.objects.for_community(community).filter(event=event, membership=membership).exists():
        raise errors.AlreadyInATeam()
    project = Project(
        community=community,
        event=event,
        title=(title or "").strip(),
        description=description,
        proposed_by=membership,
    )
    _check(project)
    project.save()
    ProjectMember.objects.create(community=community, event=event, project=project, membership=membership)
    record(community=community, actor=actor, verb="project.proposed", target=project)
    return project


@sequential_on_race  # one member joining two teams at once: the rerun answers already_in_a_team
@transaction.atomic
def project_join(*, actor, community: Community, event: Event, project: Project) -> ProjectMember:
    """Join a project's team while it has room (the project row is locked: the limit is exact)."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise errors.NotInTeam()
    _ensure_open(event)
    project = Project.objects.for_community(community).select_for_update().get(pk=project.pk)
    if ProjectMember.objects.for_community(community).filter(event=event, membership=membership).exists():
        raise errors.AlreadyInATeam()
    if project.member_count >= collaboration_for(community=community, event=event).max_team_size:
        raise errors.TeamFull()
    member = ProjectMember.objects.create(
        community=community, event=event, project=project, membership=membership
    )
    project.member_count += 1
    project.save(update_fields=["member_count", "updated_at"])
    record(community=community, actor=actor, verb="project.joined", target=project)
    return member


@transaction.atomic
def project_leave(*, actor, community: Community, event: Event, project: Project) -> None:
    """Leave a project's team (its proposer stays)."""
    membership = ensure_can(actor, "participate", community)
    project = Project.objects.for_community(community).select_for_update().get(pk=project.pk)
    if not _in_team(community, project, membership):
        raise errors.NotInTeam()
    if project.proposed_by_id == membership.pk:
        raise errors.ProposerStays()
    ProjectMember.objects.for_community(community).filter(project=project, membership=membership).delete()
    project.member_count = max(project.member_count - 1, 0)
    project.save(update_fields=["member_count", "updated_at"])
    record(community=community, actor=actor, verb="project.left", target=project)


@transaction.atomic
def project_update_post(
    *, actor, community: Community, event: Event, project: Project, body: str
) -> ProjectUpdate:
    """A team member posts a progress update (while the event is not cancelled)."""
    membership = ensure_may_post(actor=actor, community=community, text=body, field="body")
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if not _in_team(community, project, membership):
        raise errors.NotInTeam()
    update = ProjectUpdate(community=community, event=event, project=project, author=membership, body=body)
    _check(update, exclude=("project",))
    update.save()
    Project.objects.for_community(community).filter(pk=project.pk).update(update_count=F("update_count") + 1)
    record(community=community, actor=actor, verb="project.update_posted", target=update)
    return update


@transaction.atomic
def project_showcase(
    *,
    actor,
    community: Community,
    event: Event,
    project: Project,
    description: str,
    link: str = "",
    image=None,
) -> Project:
    """End a project with its showcase entry: a final description, a link and an image (a team member or
    an event operator). `image` is an upload already checked and re-encoded (communities.images)."""
    membership = membership_of(actor, community)
    if not (has_capability(membership, MANAGE) or getattr(actor, "is_superuser", False)):
        ensure_may_post(actor=actor, community=community, text=description, field="description")
        if not _in_team(community, project, membership):
            raise errors.NotInTeam()
    else:
        ensure_can(actor, MANAGE, community, membership=membership)
    project = Project.objects.for_community(community).select_for_update().get(pk=project.pk)
    if project.is_showcased:
        raise errors.AlreadyShowcased()
    if not (description or "").strip():
        raise errors.ProjectInvalid(fields={"description": [errors.ProjectInvalid.message]})
    project.showcase_description, project.showcase_link = description, (link or "").strip()
    if image is not None:
        project.showcase_image = image
    project.showcased_at = timezone.now()
    _check(project)
    project.save()
    record(community=community, actor=actor, verb="project.showcased", target=project)
    return project
