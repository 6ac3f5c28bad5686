"""Spaces and discussions: spaces inside a community (a study group 小组, "Gear talk"), the members of a
space, topics started in a space, replies (one level of nesting), reactions, and the community's
discussion settings (its timed read-only state).

Counts a list shows (`Space.topic_count`, `Topic.reply_count`, the reaction counters of topics and
replies) are columns kept by content.services.discussions with F() updates; no list counts child rows.
Visibility, nesting, counters, slow mode and read-only are decided in docs/decisions/0023-discussions.md.
"""

from django.db import models
from django.db.models import ExpressionWrapper, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded

NAME_MAX = 80
SLUG_MAX = 60
DESCRIPTION_MAX = 2000
TITLE_MAX = 200
BODY_MAX = 20_000
QUOTE_MAX = 500
SLOW_MODE_MAX = 24 * 60  # minutes


class Emoji(models.TextChoices):
    """The fixed set of reactions; each has its counter column on topics and replies (`react_<value>`)."""

    THUMBS_UP = "thumbs_up", "👍"
    HEART = "heart", "❤️"
    LAUGH = "laugh", "😄"
    CELEBRATE = "celebrate", "🎉"
    INSIGHTFUL = "insightful", "💡"


class WhoMayPost(models.TextChoices):
    EVERYONE = "everyone", _("Every member")
    OPERATORS = "operators", _("Operators only")
    MEMBERS = "members", _("Members of the space")


class Joining(models.TextChoices):
    NONE = "none", _("No membership: the space belongs to the whole community")
    OPEN = "open", _("Open: any member may join")
    INVITATION = "invitation", _("By invitation: operators add members")


class DiscussionSettings(TenantModel):
    """One row per community, written by the first change: the community-wide timed read-only state."""

    read_only_until = models.DateTimeField(_("discussions read-only until"), null=True, blank=True)

    class Meta:
        verbose_name = _("discussion settings")
        verbose_name_plural = _("discussion settings")
        constraints = [
            models.UniqueConstraint(fields=["community"], name="discussionsettings_one_per_community")
        ]

    def __str__(self):
        return f"discussion settings of {self.community_id}"


class Space(TenantModel):
    name = models.CharField(_("name"), max_length=NAME_MAX)
    slug = models.SlugField(_("address"), max_length=SLUG_MAX, allow_unicode=False)
    description = models.TextField(_("description (Markdown)"), max_length=DESCRIPTION_MAX, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))
    who_may_post = models.CharField(
        _("who may start topics"), max_length=16, choices=WhoMayPost.choices, default=WhoMayPost.EVERYONE
    )
    joining = models.CharField(_("membership"), max_length=16, choices=Joining.choices, default=Joining.NONE)
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only members of the space (and moderators) see its topics."),
    )
    slow_mode_minutes = models.PositiveIntegerField(
        _("slow mode (minutes)"), default=0, validators=bounded(0, SLOW_MODE_MAX)
    )
    read_only_until = models.DateTimeField(_("read-only until"), null=True, blank=True)
    topic_count = models.PositiveIntegerField(_("topics"), default=0, editable=False)
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["community", "slug"], name="space_unique_slug")]

    def __str__(self):
        return self.name

    @property
    def has_members(self) -> bool:
        return self.joining != Joining.NONE

    @property
    def is_read_only(self) -> bool:
        return self.read_only_until is not None and self.read_only_until > timezone.now()


class SpaceMember(TenantModel):
    """A member of a space (a study group's roster): joined, or added by an operator."""

    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, related_name="members", verbose_name=_("space")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    added_by = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        verbose_name = _("space member")
        verbose_name_plural = _("space members")
        constraints = [
            models.UniqueConstraint(fields=["community", "space", "membership"], name="spacemember_unique")
        ]
        indexes = [models.Index(fields=["community", "membership"], name="content_spacemember_member")]

    def __str__(self):
        return f"{self.membership_id} in {self.space_id}"


class Reactable(TenantModel):
    """The reaction counters of a topic or a reply, one column per emoji of `Emoji`."""

    react_thumbs_up = models.PositiveIntegerField(_("thumbs-up reactions"), default=0, editable=False)
    react_heart = models.PositiveIntegerField(_("heart reactions"), default=0, editable=False)
    react_laugh = models.PositiveIntegerField(_("laughing reactions"), default=0, editable=False)
    react_celebrate = models.PositiveIntegerField(_("celebrating reactions"), default=0, editable=False)
    react_insightful = models.PositiveIntegerField(_("insightful reactions"), default=0, editable=False)

    class Meta:
        abstract = True

    @property
    def reaction_counts(self) -> dict[str, int]:
        return {emoji: getattr(self, f"react_{emoji}") for emoji in Emoji.values}


# Pinned topics before the others in a space's list, as an expression that the list's index holds too
# ("NULLS LAST", which would say the same, is refused in an index by SQLite).
UNPINNED = ExpressionWrapper(Q(pinned_at__isnull=True), output_field=models.BooleanField())


class Topic(Reactable):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="topics", verbose_name=_("space"))
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("text (Markdown)"), max_length=BODY_MAX)
    # The prompt of the week (operators set it): shown first in its space and on the home feed.
    is_prompt = models.BooleanField(_("prompt of the week"), default=False)
    pinned_at = models.DateTimeField(_("pinned"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    read_only_until = models.DateTimeField(_("read-only until"), null=True, blank=True)
    slow_mode_minutes = models.PositiveIntegerField(
        _("slow mode (minutes)"), default=0, validators=bounded(0, SLOW_MODE_MAX)
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0, editable=False)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["community", "space", "-last_activity_at"], name="content_topic_space"),
            # A space's topic list in its order (content.selectors.discussions.topics_in_order): the
            # prompt of the week, pinned topics, then by activity; a page reads 20 index entries.
            models.Index(
                F("community"),
                F("space"),
                F("is_prompt").desc(),
                UNPINNED,
                F("pinned_at").desc(),
                F("last_activity_at").desc(),
                F("id").desc(),
                name="content_topic_space_order",
                condition=Q(removed_at__isnull=True),
            ),
            models.Index(fields=["community", "-last_activity_at"], name="content_topic_active"),
            models.Index(fields=["community", "author", "-created_at"], name="content_topic_author"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_read_only(self) -> bool:
        return self.read_only_until is not None and self.read_only_until > timezone.now()


class Reply(Reactable):
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="replies", verbose_name=_("topic")
    )
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    # One level of nesting: a reply to a reply is stored under that reply's top-level parent.
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("in reply to"),
    )
    # A quoted reply: its excerpt as it read when quoted, and the reply it links to.
    quoted = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quoted reply"),
    )
    quote = models.TextField(_("quote"), max_length=QUOTE_MAX, blank=True)
    body = models.TextField(_("text (Markdown)"), max_length=BODY_MAX)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        indexes = [
            models.Index(fields=["community", "topic", "created_at"], name="content_reply_topic"),
            models.Index(fields=["community", "author", "-created_at"], name="content_reply_author"),
        ]

    def __str__(self):
        return self.body[:60]


class Reaction(TenantModel):
    """One member's reaction (one emoji) to a topic, or to one of its replies; a second click takes it
    back. `topic` is set for both, `reply` only for a reaction to a reply."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("reply")
    )
    member = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    emoji = models.CharField(_("reaction"), max_length=16, choices=Emoji.choices)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "topic", "member", "emoji"],
                condition=models.Q(reply__isnull=True),
                name="reaction_unique_on_topic",
            ),
            models.UniqueConstraint(
                fields=["community", "reply", "member", "emoji"],
                condition=models.Q(reply__isnull=False),
                name="reaction_unique_on_reply",
            ),
        ]
        indexes = [models.Index(fields=["community", "member", "topic"], name="content_reaction_member")]

    def __str__(self):
        return f"{self.member_id} {self.emoji} → {self.reply_id or self.topic_id}"
