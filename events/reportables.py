"""Events kinds members may report (members.reportables), registered from `EventsConfig.ready()`:
competition entries, projects and their progress updates. Removing one is the hold `content_remove`
places on it: the selectors leave held rows out."""

from events.models import Entry, Project, ProjectUpdate
from members.reportables import register


def _held_only(obj, actor) -> None:
    """Nothing to do besides the hold: lists and pages leave a held entry, project or update out."""


def register_event_reportables() -> None:
    register(
        Entry,
        author=lambda entry: entry.submitted_by,
        summary=lambda entry: entry.title,
        remove=_held_only,
        related=("submitted_by__user",),
    )
    register(
        Project,
        author=lambda project: project.proposed_by,
        summary=lambda project: project.title,
        remove=_held_only,
        related=("proposed_by__user",),
    )
    register(
        ProjectUpdate,
        author=lambda update: update.author,
        summary=lambda update: update.body[:120],
        remove=_held_only,
        related=("author__user",),
    )
