"""Errors of project collaborations: projects, teams, progress updates and showcases."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class CollaborationNotFound(NotFound):
    code = "collaboration_not_found"
    message = _("No such project collaboration in this community.")


class ProjectNotFound(NotFound):
    code = "project_not_found"
    message = _("No such project in this event.")


class ProjectInvalid(DomainError):
    code = "project_invalid"
    message = _("Check the project's fields.")


class ProjectsClosed(Conflict):
    code = "projects_closed"
    message = _("This event takes no new projects or team members: it is over or not published.")


class TeamFull(Conflict):
    code = "team_full"
    message = _("This project's team is full.")


class AlreadyInATeam(Conflict):
    code = "already_in_a_team"
    message = _("You are already in a project team of this event.")


class NotInTeam(DomainError):
    """A 400, not a 403: the caller may write (the route's capability), only not to this project."""

    code = "not_in_team"
    message = _("Only the project's team members may do this.")


class ProposerStays(DomainError):
    code = "proposer_stays"
    message = _("The member who proposed the project stays in its team.")


class AlreadyShowcased(Conflict):
    code = "already_showcased"
    message = _("This project is already in the showcase.")
