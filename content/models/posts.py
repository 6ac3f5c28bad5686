"""Knowledge posts: tutorials, case studies, tips, resources and announcements, with their tags, the
revision kept for every edit, the images uploaded for them, and the community's post settings."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded
from content.storage import community_files

TITLE_MAX = 200
BODY_MAX = 100_000  # characters of Markdown: a long tutorial is a tenth of it
TAG_MAX = 40
TAGS_PER_COMMUNITY = 30  # the capped set operators define
TAGS_PER_POST = 5
REVIEW_NOTE_MAX = 2000


class PostKind(models.TextChoices):
    TUTORIAL = "tutorial", _("Tutorial")
    CASE_STUDY = "case_study", _("Case study")
    TIP = "tip", _("Tip")
    RESOURCE = "resource", _("Resource")
    ANNOUNCEMENT = "announcement", _("Announcement")


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Awaiting review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class PostSettings(TenantModel):
    """One row per community, written by the first change; until then `post_settings_for` returns the
    defaults unsaved."""

    member_posts_need_review = models.BooleanField(
        _("members' posts need review"),
        default=False,
        help_text=_(
            "Posts by members (not operators or experts) wait in the review queue before they appear."
        ),
    )

    class Meta:
        verbose_name = _("post settings")
        verbose_name_plural = _("post settings")
        constraints = [models.UniqueConstraint(fields=["community"], name="postsettings_one_per_community")]

    def __str__(self):
        return f"post settings of {self.community_id}"


class PostTag(TenantModel):
    """One of the community's tags (at most TAGS_PER_COMMUNITY), defined by operators."""

    name = models.CharField(_("tag"), max_length=TAG_MAX)

    class Meta:
        verbose_name = _("post tag")
        verbose_name_plural = _("post tags")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["community", "name"], name="posttag_unique_name")]

    def __str__(self):
        return self.name


class Post(TenantModel):
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="posts", verbose_name=_("author")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PostKind.choices, default=PostKind.TUTORIAL)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("text (Markdown)"), max_length=BODY_MAX)
    skill_level = models.CharField(_("skill level"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    series = models.ForeignKey(
        "content.Series",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("series"),
    )
    series_position = models.PositiveIntegerField(
        _("position in the series"), null=True, blank=True, validators=bounded(1, MAX_POSITION)
    )
    pinned_at = models.DateTimeField(_("pinned"), null=True, blank=True)
    featured_at = models.DateTimeField(_("featured"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    review_note = models.TextField(_("reviewer's comment"), max_length=REVIEW_NOTE_MAX, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    revision_count = models.PositiveIntegerField(_("revisions"), default=0, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["community", "status", "-published_at"], name="post_status_published"),
            models.Index(fields=["community", "status", "publish_at"], name="post_status_publish_at"),
            models.Index(fields=["community", "author", "-created_at"], name="post_author"),
            models.Index(fields=["community", "series", "series_position"], name="post_series_position"),
        ]

    def __str__(self):
        return self.title

    @property
    def search_text(self) -> str:
        """What full-text search indexes: the title, then the Markdown body."""
        return f"{self.title}\n\n{self.body}"

    @property
    def is_published(self) -> bool:
        return self.status == PostStatus.PUBLISHED and self.removed_at is None


class PostTagging(TenantModel):
    """A tag on a post (the many-to-many goes through a tenant model)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="taggings", verbose_name=_("post"))
    tag = models.ForeignKey(PostTag, on_delete=models.CASCADE, related_name="taggings", verbose_name=_("tag"))

    class Meta:
        verbose_name = _("post tagging")
        verbose_name_plural = _("post taggings")
        constraints = [
            models.UniqueConstraint(fields=["community", "post", "tag"], name="posttagging_unique")
        ]
        indexes = [models.Index(fields=["community", "tag"], name="posttagging_tag")]

    def __str__(self):
        return f"{self.post_id}:{self.tag_id}"


class PostRevision(TenantModel):
    """The title and text of a post as saved by one edit (number 1 is the first version)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("post"))
    number = models.PositiveIntegerField(_("number"), editable=False)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("edited by"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("text (Markdown)"), max_length=BODY_MAX)

    class Meta:
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["community", "post", "number"], name="postrevision_unique")
        ]

    def __str__(self):
        return f"{self.post_id} #{self.number}"


def post_image_path(instance, filename: str) -> str:
    """Under the community's own media folder, with a random name (the uploader's name is not kept)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"communities/{instance.community_id}/posts/{uuid.uuid4().hex}.{extension}"


class PostImage(TenantModel):
    """An image uploaded from the editor (checked, resized and re-encoded by the service)."""

    image = models.ImageField(
        _("image"),
        upload_to=post_image_path,
        storage=community_files,
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("post image")
        verbose_name_plural = _("post images")
        ordering = ["-created_at"]

    def __str__(self):
        return self.image.name
