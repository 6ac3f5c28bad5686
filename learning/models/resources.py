"""The resource library: books, tools, courses, articles and videos members suggest, rate and review;
the operators' featured lists; the link checker's record of each resource's address.

Counts a list shows are columns kept by learning.services.resources in the transaction that changes
them: `rating_count`, `rating_total` and `rating_average` (ratings are never counted to draw a list).
The link checker (learning.services.linkcheck) keeps `link_*`: a resource is flagged broken after
BROKEN_AFTER consecutive failures, and the flag clears the first time its link works again.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded

TITLE_MAX = 200
TEXT_MAX = 5_000
REVIEW_MAX = 2_000
URL_MAX = 500
TAG_MAX = 40
TAGS_MAX = 8
LEVEL_MAX = 40
LIST_NAME_MAX = 80
LIST_ITEMS_MAX = 50
# Consecutive failed checks after which a resource's link is flagged broken (and operators told once).
BROKEN_AFTER = 3


class ResourceKind(models.TextChoices):
    BOOK = "book", _("Book")
    TOOL = "tool", _("Tool")
    COURSE = "course", _("Course")
    ARTICLE = "article", _("Article")
    VIDEO = "video", _("Video")


class ResourceCost(models.TextChoices):
    FREE = "free", _("Free")
    PAID = "paid", _("Paid")


class Resource(TenantModel):
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description (Markdown)"), max_length=TEXT_MAX)
    url = models.CharField(_("link"), max_length=URL_MAX)
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices)
    # One of the community's skill levels (members.selectors.policy), or empty: any level.
    level = models.CharField(_("skill level"), max_length=LEVEL_MAX, blank=True)
    cost = models.CharField(_("cost"), max_length=8, choices=ResourceCost.choices, default=ResourceCost.FREE)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    # " tag1 tag2 ": the tags between spaces, so that a tag filter is one LIKE on every database.
    tag_index = models.CharField(max_length=TAGS_MAX * (TAG_MAX + 1) + 1, default=" ", editable=False)
    # Title, description and tags as words (content.segmentation: Chinese segmented), for the text filter.
    search_words = models.TextField(default="", editable=False)
    recommended_by = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("recommended by")
    )
    rating_count = models.PositiveIntegerField(_("ratings"), default=0, editable=False)
    rating_total = models.PositiveIntegerField(default=0, editable=False)
    rating_average = models.DecimalField(
        _("average rating"), max_digits=3, decimal_places=2, default=0, editable=False
    )
    link_checked_at = models.DateTimeField(_("link last checked"), null=True, blank=True, editable=False)
    link_status = models.PositiveSmallIntegerField(_("link's HTTP status"), null=True, editable=False)
    link_error = models.CharField(_("link's problem"), max_length=200, blank=True, editable=False)
    link_failures = models.PositiveSmallIntegerField(_("failed checks in a row"), default=0, editable=False)
    link_broken_at = models.DateTimeField(_("flagged broken"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "-created_at"], name="resource_created"),
            models.Index(fields=["community", "link_checked_at"], name="resource_link_checked"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_broken(self) -> bool:
        return self.link_broken_at is not None


class ResourceRating(TenantModel):
    """A member's rating of a resource (1-5) with an optional review; one per member, never their own."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("resource")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    score = models.PositiveSmallIntegerField(_("rating"), validators=bounded(1, 5))
    review = models.TextField(_("review"), max_length=REVIEW_MAX, blank=True)

    class Meta:
        verbose_name = _("resource rating")
        verbose_name_plural = _("resource ratings")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "resource", "membership"], name="resourcerating_unique"
            )
        ]
        indexes = [
            models.Index(fields=["community", "resource", "-updated_at"], name="resourcerating_resource")
        ]

    def __str__(self):
        return f"{self.score}/5 on {self.resource_id}"


class FeaturedList(TenantModel):
    """A named, ordered list of resources operators feature on top of the library ("Start here")."""

    name = models.CharField(_("name"), max_length=LIST_NAME_MAX)
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))

    class Meta:
        verbose_name = _("featured list")
        verbose_name_plural = _("featured lists")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name


class FeaturedItem(TenantModel):
    featured_list = models.ForeignKey(
        FeaturedList, on_delete=models.CASCADE, related_name="items", verbose_name=_("featured list")
    )
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="+", verbose_name=_("resource")
    )
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))

    class Meta:
        verbose_name = _("featured resource")
        verbose_name_plural = _("featured resources")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "featured_list", "resource"], name="featureditem_unique"
            )
        ]

    def __str__(self):
        return f"{self.resource_id} in {self.featured_list_id}"
