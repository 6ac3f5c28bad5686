"""Project collaborations (events of kind project): members propose projects, others join their teams
up to the size the operators set, teams post progress updates, and a project may end as a showcase.

`Project.member_count` and `update_count` are kept by events.services.projects; joining locks the
project row, so a team never grows past the limit however many join at once.
"""

import uuid
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import bounded
from content.storage import community_files

TEAM_SIZE_MAX = 50
TITLE_MAX = 200
TEXT_MAX = 10_000
UPDATE_MAX = 5_000
URL_MAX = 500


class Collaboration(TenantModel):
    """A project event's rules; the defaults, unsaved, until an operator sets them."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    max_team_size = models.PositiveSmallIntegerField(
        _("largest team"),
        default=5,
        validators=bounded(1, TEAM_SIZE_MAX),
        help_text=_("Members per project, its proposer included."),
    )

    class Meta:
        verbose_name = _("project collaboration")
        verbose_name_plural = _("project collaborations")
        constraints = [models.UniqueConstraint(fields=["community", "event"], name="collaboration_unique")]

    def __str__(self):
        return f"collaboration {self.event_id}"


def showcase_image_path(instance, filename: str) -> str:
    return f"communities/{instance.community_id}/projects/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Project(TenantModel):
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description (Markdown)"), max_length=TEXT_MAX)
    proposed_by = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("proposed by")
    )
    member_count = models.PositiveSmallIntegerField(_("members"), default=1, editable=False)
    update_count = models.PositiveIntegerField(_("updates"), default=0, editable=False)
    # The showcase (issue 12 builds the gallery): the final description, a link and an image.
    showcased_at = models.DateTimeField(_("showcased"), null=True, blank=True, editable=False)
    showcase_description = models.TextField(
        _("final description (Markdown)"), max_length=TEXT_MAX, blank=True
    )
    showcase_link = models.URLField(_("link to the result"), max_length=URL_MAX, blank=True)
    showcase_image = models.ImageField(
        _("image"), upload_to=showcase_image_path, storage=community_files, blank=True
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["community", "event", "created_at"], name="project_event_created")]

    def __str__(self):
        return self.title

    @property
    def is_showcased(self) -> bool:
        return self.showcased_at is not None


class ProjectMember(TenantModel):
    """A member of a project's team (its proposer included); one team per member and event."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="members", verbose_name=_("project")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "event", "membership"], name="projectmember_unique")
        ]
        indexes = [models.Index(fields=["community", "project"], name="projectmember_project")]

    def __str__(self):
        return f"{self.membership_id} in {self.project_id}"


class ProjectUpdate(TenantModel):
    """A progress update a team member posts."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="updates", verbose_name=_("project")
    )
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("update (Markdown)"), max_length=UPDATE_MAX)

    class Meta:
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "project", "-created_at"], name="projectupdate_project")]

    def __str__(self):
        return self.body[:60]
