"""Per-community member profiles, their skills, and operators' private notes and tags."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel


class ProfileVisibility(models.TextChoices):
    PUBLIC = "public", _("Anyone who can see the community")
    MEMBERS = "members", _("Members of the community")
    OPERATORS = "operators", _("Only the community's operators")


class MemberProfile(TenantModel):
    # A ForeignKey with a (community, membership) unique constraint rather than a OneToOneField, whose
    # unique index on membership alone could not be kept by a database sharded by community.
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="profiles", verbose_name=_("membership")
    )
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    bio = models.TextField(_("bio (Markdown)"), max_length=4000, blank=True)
    skill_level = models.CharField(_("skill level"), max_length=40, blank=True)
    learning_needs = models.TextField(_("learning needs"), max_length=2000, blank=True)
    goals = models.TextField(_("goals"), max_length=2000, blank=True)
    interests = models.CharField(_("interests"), max_length=300, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    visibility = models.CharField(
        _("who can see this profile"),
        max_length=10,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.MEMBERS,
    )

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        constraints = [
            models.UniqueConstraint(fields=["community", "membership"], name="memberprofile_unique")
        ]
        indexes = [models.Index(fields=["community", "skill_level"])]

    def __str__(self):
        return self.display_name or str(self.membership_id)


class MemberSkill(TenantModel):
    """One skill of a member, normalised to lower case so the directory can filter by it."""

    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="skills", verbose_name=_("membership")
    )
    name = models.CharField(_("skill"), max_length=60)

    class Meta:
        verbose_name = _("member skill")
        verbose_name_plural = _("member skills")
        constraints = [
            models.UniqueConstraint(fields=["community", "membership", "name"], name="memberskill_unique")
        ]
        indexes = [models.Index(fields=["community", "name"])]

    def __str__(self):
        return self.name


class MemberTag(TenantModel):
    """An operator's private tag on a member ("core member", "opinion leader"); members never see it."""

    CORE_MEMBER = "core member"
    OPINION_LEADER = "opinion leader"

    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="tags", verbose_name=_("membership")
    )
    name = models.CharField(_("tag"), max_length=40)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        verbose_name = _("member tag")
        verbose_name_plural = _("member tags")
        constraints = [
            models.UniqueConstraint(fields=["community", "membership", "name"], name="membertag_unique")
        ]
        indexes = [models.Index(fields=["community", "name"])]

    def __str__(self):
        return self.name


class MemberNote(TenantModel):
    """An operator's private note on a member; members never see it."""

    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="notes", verbose_name=_("membership")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("note"), max_length=4000)

    class Meta:
        verbose_name = _("member note")
        verbose_name_plural = _("member notes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.body[:40]
