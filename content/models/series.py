"""Series: an ordered sequence of posts that operators publish regularly (a weekly tutorial).

The posts carry their place (`Post.series`, `Post.series_position`); a post is in one series at most.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from content.models.posts import TITLE_MAX

DESCRIPTION_MAX = 4000


class Series(TenantModel):
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description (Markdown)"), max_length=DESCRIPTION_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title
