"""Reads of project collaborations: the rules, the projects with their teams, a project's updates, the
viewer's team. A project event is an event of kind project the viewer may see (events.selectors.events);
its projects, teams and updates are read by whoever sees it. Held projects and updates (members'
reports) are left out."""

from django.db.models import Prefetch, QuerySet

from communities.models import Community
from events.errors import projects as errors
from events.errors.events import EventNotFound
from events.models import Collaboration, Event, EventKind, Project, ProjectMember, ProjectUpdate
from events.selectors.events import event_get
from members.models import Membership
from members.selectors.moderation import hidden_ids

# Updates shown under each project on the event page (the project's page shows them all).
RECENT_UPDATES = 3


def project_event_get(*, community: Community, membership: Membership | None, event_id) -> Event:
    """The project event named in a URL: a missing, hidden or other kind of event is CollaborationNotFound."""
    try:
        event = event_get(community=community, membership=membership, event_id=event_id)
    except EventNotFound as exc:
        raise errors.CollaborationNotFound() from exc
    if event.kind != EventKind.PROJECT:
        raise errors.CollaborationNotFound()
    return event


def collaboration_for(*, community: Community, event: Event) -> Collaboration:
    """The event's rules, or the defaults unsaved (a read never writes)."""
    return Collaboration.objects.for_community(community).filter(event=event).first() or Collaboration(
        community=community, event=event
    )


def team_member_list(*, community: Community, project: Project | None = None) -> QuerySet[ProjectMember]:
    qs = ProjectMember.objects.for_community(community).select_related("membership__user").order_by("id")
    return qs.filter(project=project) if project is not None else qs


def project_list(*, community: Community, event: Event) -> QuerySet[Project]:
    """The event's projects, oldest first, with their proposer and team (two queries whatever the number)."""
    return (
        Project.objects.for_community(community)
        .filter(event=event)
        .exclude(pk__in=hidden_ids(Project, community))
        .select_related("proposed_by__user")
        .prefetch_related(Prefetch("members", queryset=team_member_list(community=community)))
        .order_by("created_at", "id")
    )


def project_get(*, community: Community, event: Event, project_id) -> Project:
    project = project_list(community=community, event=event).filter(pk=project_id).first()
    if project is None:
        raise errors.ProjectNotFound()
    return project


def update_list(*, community: Community, project: Project) -> QuerySet[ProjectUpdate]:
    """A project's progress updates, newest first, with their authors (one query)."""
    return (
        ProjectUpdate.objects.for_community(community)
        .filter(project=project)
        .exclude(pk__in=hidden_ids(ProjectUpdate, community))
        .select_related("author__user")
        .order_by("-created_at", "-id")
    )


def recent_updates(*, community: Community, projects: list[Project]) -> dict[int, list[ProjectUpdate]]:
    """The latest RECENT_UPDATES updates of each project, in one query (for the event page)."""
    found: dict[int, list[ProjectUpdate]] = {project.pk: [] for project in projects}
    if not found:
        return found
    rows = (
        ProjectUpdate.objects.for_community(community)
        .filter(project_id__in=list(found))
        .exclude(pk__in=hidden_ids(ProjectUpdate, community))
        .select_related("author__user")
        .order_by("-created_at", "-id")[: RECENT_UPDATES * len(found) * 4]
    )
    for update in rows:
        if len(found[update.project_id]) < RECENT_UPDATES:
            found[update.project_id].append(update)
    return found


def my_project_id(*, community: Community, event: Event, membership: Membership | None) -> int | None:
    """The project whose team the member is in at this event, if any."""
    if membership is None or membership.pk is None:
        return None
    return (
        ProjectMember.objects.for_community(community)
        .filter(event=event, membership=membership)
        .values_list("project_id", flat=True)
        .first()
    )
