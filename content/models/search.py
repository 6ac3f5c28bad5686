"""The search index: one row per searchable piece of content, written by the content services.

One table for every kind (posts, topics, replies, questions, answers, sessions) so that one ranked,
paginated query searches them all. A row exists only while its content may be found: published and not
removed or held; `space_id` names the members-only space that limits who may find it, `members_only`
limits it to the community's members.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel

TITLE_MAX = 300
# What a row keeps of the text: enough for a snippet and for finding words deep in a long tutorial.
BODY_MAX = 20_000


class SearchKind(models.TextChoices):
    POST = "post", _("Post")
    TOPIC = "topic", _("Topic")
    REPLY = "reply", _("Reply")
    QUESTION = "question", _("Question")
    ANSWER = "answer", _("Answer")
    SESSION = "session", _("Expert session")


class SearchEntry(TenantModel):
    kind = models.CharField(_("kind"), max_length=16, choices=SearchKind.choices)
    object_id = models.BigIntegerField(_("object"), editable=False)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    # Plain text (Markdown rendered and stripped) for snippets, and its words (content.segmentation).
    body = models.TextField(_("text"), max_length=BODY_MAX, blank=True)
    words = models.TextField(_("words"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    members_only = models.BooleanField(_("members only"), default=False)
    space_id = models.BigIntegerField(_("members-only space"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"))
    # PostgreSQL only: the weighted words (title A, text B), kept by content.services.search and indexed
    # with GIN by migration; NULL on SQLite, which searches `words`.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "kind", "object_id"], name="searchentry_one_per_object"
            )
        ]
        indexes = [models.Index(fields=["community", "-published_at"], name="searchentry_recent")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"
