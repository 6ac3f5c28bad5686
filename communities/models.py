"""The tenant (Community), its rules, and the TenantModel every tenant-owned model inherits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities import validators


class TenantQuerySet(models.QuerySet):
    def for_community(self, community):
        return self.filter(community=community)


class TenantModel(models.Model):
    """A row owned by one community. Services make sure it never points at another community's rows."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_set"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True


class SkillDomain(models.TextChoices):
    PHOTOGRAPHY = "photography", _("Photography")
    PROGRAMMING = "programming", _("Programming")
    DESIGN = "design", _("Design")
    LANGUAGES = "languages", _("Languages")
    MUSIC = "music", _("Music")
    WRITING = "writing", _("Writing")
    CRAFTS = "crafts", _("Crafts")
    FITNESS = "fitness", _("Fitness and sport")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class Community(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can see it")
        PRIVATE = "private", _("Private: only members can see it")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: anyone can join")
        APPLICATION = "application", _("Application: operators vet applicants")
        INVITATION = "invitation", _("Invitation only")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ARCHIVED = "archived", _("Archived")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("address"),
        max_length=50,
        unique=True,
        validators=[validators.slug_format, validators.not_reserved_slug],
        help_text=_("Used in the community's web address: /c/<address>/."),
    )
    skill_domain = models.CharField(_("skill domain"), max_length=20, choices=SkillDomain.choices)
    tagline = models.CharField(_("tagline"), max_length=140, blank=True)
    positioning = models.TextField(_("positioning statement"), max_length=2000, blank=True)
    target_audience = models.TextField(_("target audience"), max_length=2000, blank=True)
    description = models.TextField(_("description (Markdown)"), max_length=20000, blank=True)
    culture = models.TextField(_("culture statement"), max_length=4000, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("join policy"), max_length=12, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validators.valid_timezone]
    )
    logo = models.ImageField(
        _("logo"), upload_to="communities/logos/", blank=True, validators=[validators.image_upload]
    )
    cover_image = models.ImageField(
        _("cover image"), upload_to="communities/covers/", blank=True, validators=[validators.image_upload]
    )
    accent_color = models.CharField(
        _("accent colour"), max_length=7, default="#2f6f4f", validators=[validators.hex_colour]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # Number of the current published rules version (0: none yet), kept by communities.services when it
    # publishes one; a member whose `Membership.rules_accepted` is lower is asked to accept it.
    rules_version = models.PositiveIntegerField(default=0, editable=False)
    # Events in the last 30 days, refreshed on a schedule by analytics.tasks.refresh_community_activity.
    activity_score = models.PositiveIntegerField(default=0, editable=False)
    # Active memberships, kept by members.services.transitions (same transaction as the status change)
    # and reconciled on a schedule by communities.tasks.reconcile_member_counts.
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "visibility", "skill_domain"]),
            models.Index(fields=["-created_at"]),
            models.Index(fields=["-member_count", "name"], name="community_member_count_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    @property
    def skill_domain_label(self) -> str:
        """`get_skill_domain_display()` without its cost: Django rebuilds and translates the whole choice
        list on every call (0.2 ms each, 24 times on a directory page)."""
        return SkillDomain(self.skill_domain).label if self.skill_domain in SkillDomain.values else ""


class Rule(TenantModel):
    """One rule of the code of conduct; the set is versioned by RulesVersion snapshots."""

    class Category(models.TextChoices):
        JOINING = "joining", _("Joining")
        COMMUNICATION = "communication", _("Communication")
        CONDUCT = "conduct", _("Conduct")
        CONTENT = "content", _("Content")

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("details (Markdown)"), max_length=5000, blank=True)
    position = models.PositiveIntegerField(
        _("position"), default=0, validators=validators.bounded(0, validators.MAX_POSITION)
    )

    class Meta:
        ordering = ["community", "position", "id"]
        indexes = [models.Index(fields=["community", "position"])]

    def __str__(self):
        return self.title


class RulesVersion(TenantModel):
    """An immutable snapshot of a community's rules. Members accept a version when they join."""

    number = models.PositiveIntegerField(validators=validators.bounded(1, validators.INT32_MAX))
    rules = models.JSONField(default=list, help_text=_("[{category, title, body}] in display order"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["community", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["community", "number"], name="rulesversion_unique_number"),
        ]

    def __str__(self):
        return f"{self.community_id} v{self.number}"


class Notification(TenantModel):
    """One message in a user's in-site inbox; email copies are sent by communities.tasks.

    The inbox lists a user's notifications from all their communities: the one read that legitimately
    crosses communities, always filtered by recipient.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, help_text=_("for example application.approved"))
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=10000, blank=True)
    url = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["community", "recipient", "-created_at"]),
        ]

    def __str__(self):
        return self.title


class NotificationPreference(TenantModel):
    """A member's choice for one kind of notification in one community (default: inbox and email)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    in_app = models.BooleanField(_("in the inbox"), default=True)
    email = models.BooleanField(_("by email"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user", "kind"], name="notificationpreference_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}"
