"""The tenant (Community), its rules, and the TenantModel every tenant-owned model inherits."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from communities import notices, schema, validators


class TenantQuerySet(models.QuerySet):
    """Queries on a tenant table: `for_community(community)` is where every community-scoped read starts.

    A distributed database (Citus, docs/scaling.md) runs a query on one shard when it names the
    community; joins to other tenant tables carry it by themselves (communities.colocation). A row lock
    (`select_for_update`) must name it: Citus refuses to lock rows across shards, so a locking query that
    does not filter by one community raises here, on every database, before it reaches one.
    """

    def for_community(self, community):
        return self.filter(community=community)

    def _fetch_all(self):
        if self._result_cache is None and self.query.select_for_update and not self._names_one_community():
            raise ImproperlyConfigured(
                f"select_for_update() on {self.model._meta.label} must filter by one community "
                "(start from for_community(community)): a distributed database locks rows on one shard only."
            )
        super()._fetch_all()

    def _names_one_community(self) -> bool:
        """True when the query's top-level conditions include `community = <one value>`."""
        return any(
            isinstance(child, Exact)
            and getattr(child.lhs, "target", None) is not None
            and child.lhs.target.name == "community"
            and child.lhs.target.model is self.model
            for child in self.query.where.children
        )


class TenantModelBase(models.base.ModelBase):
    """Gives every concrete tenant model its tenant keys in the database (communities.schema)."""

    def __new__(cls, name, bases, attrs, **kwargs):
        model = super().__new__(cls, name, bases, attrs, **kwargs)
        schema.declare_tenant_keys(model, tenant_metaclass=cls)
        return model


class TenantModel(models.Model, metaclass=TenantModelBase):
    """A row owned by one community. Services make sure it never points at another community's rows; the
    database does too: its primary key is `(id, community_id)` and a foreign key to another tenant model
    is `(community_id, x_id)` (the field's own single-column constraint is switched off). See
    communities.schema and docs/decisions/0016-distributed-tenant-keys.md."""

    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("community"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        """A save's UPDATE names the row by its community too: Citus runs it on that community's shard
        (it refuses `SET community_id = ...` unless the WHERE names the same community). A row never
        moves to another community: saving one whose community was changed raises."""
        updated = super()._do_update(
            base_qs.filter(community_id=self.community_id),
            using,
            pk_val,
            values,
            update_fields,
            forced_update,
        )
        if not updated and base_qs.filter(pk=pk_val).exists():
            raise ValueError(f"{self._meta.label} {pk_val} belongs to another community: rows never move")
        return updated


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
    rules_version = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("rules version"))
    # Events in the last 30 days, refreshed on a schedule by analytics.tasks.refresh_community_activity.
    activity_score = models.PositiveIntegerField(default=0, editable=False, verbose_name=_("activity score"))
    # Active memberships, kept by members.services.transitions (same transaction as the status change)
    # and reconciled on a schedule by communities.tasks.reconcile_member_counts.
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))
    archived_at = models.DateTimeField(null=True, blank=True, verbose_name=_("archived"))

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
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["community", "position", "id"]
        indexes = [models.Index(fields=["community", "position"])]

    def __str__(self):
        return self.title


class RulesVersion(TenantModel):
    """An immutable snapshot of a community's rules. Members accept a version when they join."""

    number = models.PositiveIntegerField(
        validators=validators.bounded(1, validators.INT32_MAX), verbose_name=_("number")
    )
    rules = models.JSONField(
        default=list, help_text=_("[{category, title, body}] in display order"), verbose_name=_("rules")
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("rules version")
        verbose_name_plural = _("rules versions")
        ordering = ["community", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["community", "number"], name="rulesversion_unique_number"),
        ]

    def __str__(self):
        return f"{self.community_id} v{self.number}"


class Notification(TenantModel):
    """One message in a user's in-site inbox; email copies are sent by communities.tasks.

    It stores what happened, a `kind` and its `params`, and reads in the reader's language: `title` and
    `body` are rendered from the kind registered in `communities.notices` each time they are read. `note`
    is what a person wrote with it (an operator's message, a moderator's reason), shown as written.
    `frozen_title` keeps the sentence of a notification stored before notices were rendered at read time
    (migration 0007): such a row shows its stored title and note unchanged.

    The inbox lists a user's notifications from all their communities: the one read that legitimately
    crosses communities, always filtered by recipient.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=40, help_text=_("for example application.approved"))
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    frozen_title = models.CharField(_("stored title"), max_length=200, blank=True)
    note = models.TextField(_("note"), max_length=10000, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["community", "recipient", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.recipient_id}"

    def _rendered(self) -> tuple[str, str]:
        if self.frozen_title:
            return self.frozen_title, self.note
        title, body, fallback = notices.render(
            kind=self.kind, params=self.params, community_name=self.community.name
        )
        return title, "\n\n".join(filter(None, [body, self.note or fallback]))

    @property
    def title(self) -> str:
        """The title in the active language."""
        return self._rendered()[0]

    @property
    def body(self) -> str:
        """The body (Markdown) in the active language: the kind's own text, then the note."""
        return self._rendered()[1]


class NotificationPreference(TenantModel):
    """A member's choice for one kind of notification in one community (default: inbox and email)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    kind = models.CharField(max_length=40, verbose_name=_("kind"))
    in_app = models.BooleanField(_("in the inbox"), default=True)
    email = models.BooleanField(_("by email"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user", "kind"], name="notificationpreference_unique"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}"
