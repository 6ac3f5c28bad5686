"""Polls in a topic and following a topic.

A topic carries at most one `Poll` (a question and 2 to 10 `PollOption`s, single or multiple choice, an
optional closing time). A member votes once: one `PollBallot` per member and poll (the unique constraint
is the rule, single or multiple choice alike), with one `PollChoice` per chosen option. The counts a poll
shows (`Poll.voter_count`, `PollOption.vote_count`) are columns the vote service keeps with F() updates,
so showing results never counts rows.

`TopicFollow`: a member follows a topic (started it, replied, or chose to) and hears of new replies; its
columns are the follower's notice window (docs/decisions/0025-polls-and-follows.md): after a few notices
within the hour, replies wait in `pending` for one digest notice.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import bounded

QUESTION_MAX = 200
OPTION_MAX = 100
OPTIONS_MIN = 2
OPTIONS_MAX = 10


class PollResults(models.TextChoices):
    AFTER_VOTING = "after_voting", _("To each member once they voted, and to all after it closes")
    AFTER_CLOSING = "after_closing", _("To all once it closes")


class Poll(TenantModel):
    topic = models.ForeignKey(
        "content.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )
    question = models.CharField(_("question"), max_length=QUESTION_MAX)
    multiple = models.BooleanField(_("multiple choice"), default=False)
    results = models.CharField(
        _("results shown"), max_length=16, choices=PollResults.choices, default=PollResults.AFTER_VOTING
    )
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    # Set when the topic's author or a moderator closes the poll before its time.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("created by")
    )
    voter_count = models.PositiveIntegerField(_("voters"), default=0, editable=False)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        constraints = [models.UniqueConstraint(fields=["community", "topic"], name="poll_one_per_topic")]

    def __str__(self):
        return self.question

    def is_closed_at(self, now) -> bool:
        """Closed early, or past its closing time: compared with the clock, no job closes it."""
        return self.closed_at is not None or (self.closes_at is not None and self.closes_at <= now)

    @property
    def is_closed(self) -> bool:
        return self.is_closed_at(timezone.now())

    def results_visible(self, *, voted: bool) -> bool:
        return self.is_closed or (voted and self.results == PollResults.AFTER_VOTING)


class PollOption(TenantModel):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options", verbose_name=_("poll"))
    text = models.CharField(_("option"), max_length=OPTION_MAX)
    position = models.PositiveSmallIntegerField(_("position"), validators=bounded(0, OPTIONS_MAX))
    vote_count = models.PositiveIntegerField(_("votes"), default=0, editable=False)

    class Meta:
        verbose_name = _("poll option")
        verbose_name_plural = _("poll options")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "poll", "position"], name="polloption_unique_position"
            )
        ]

    def __str__(self):
        return self.text

    def share_of(self, voters: int) -> int:
        """Percentage of the poll's voters who chose this option (0 without voters)."""
        return round(100 * self.vote_count / voters) if voters else 0


class PollBallot(TenantModel):
    """One member's vote in one poll: the unique constraint keeps it to one, whatever the kind of poll."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="+", verbose_name=_("poll"))
    voter = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("voter")
    )

    class Meta:
        verbose_name = _("poll ballot")
        verbose_name_plural = _("poll ballots")
        constraints = [
            models.UniqueConstraint(fields=["community", "poll", "voter"], name="pollballot_unique")
        ]

    def __str__(self):
        return f"{self.voter_id} in {self.poll_id}"


class PollChoice(TenantModel):
    """One option chosen on a ballot (one for a single-choice poll, a set for a multiple-choice one)."""

    ballot = models.ForeignKey(
        PollBallot, on_delete=models.CASCADE, related_name="+", verbose_name=_("ballot")
    )
    option = models.ForeignKey(
        PollOption, on_delete=models.CASCADE, related_name="+", verbose_name=_("option")
    )

    class Meta:
        verbose_name = _("poll choice")
        verbose_name_plural = _("poll choices")
        constraints = [
            models.UniqueConstraint(fields=["community", "ballot", "option"], name="pollchoice_unique")
        ]

    def __str__(self):
        return f"{self.ballot_id} → {self.option_id}"


class TopicFollow(TenantModel):
    """A member following a topic. The notice window (decision 0025): `window_notices` notices were sent
    since `window_started_at`; past the limit, replies wait in `pending` for one digest. Replies up to
    `last_reply_id` are counted, so the notice task counts a reply once however often it runs."""

    topic = models.ForeignKey(
        "content.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )
    member = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    # Kept by content.services.follows only (not editable anywhere).
    window_started_at = models.DateTimeField(
        _("notice window started"), null=True, blank=True, editable=False
    )
    window_notices = models.PositiveSmallIntegerField(_("notices in the window"), default=0, editable=False)
    pending = models.PositiveIntegerField(_("replies waiting for a digest"), default=0, editable=False)
    last_reply_id = models.BigIntegerField(_("last reply counted"), default=0, editable=False)

    class Meta:
        verbose_name = _("topic follow")
        verbose_name_plural = _("topic follows")
        constraints = [
            models.UniqueConstraint(fields=["community", "topic", "member"], name="topicfollow_unique")
        ]
        indexes = [
            models.Index(fields=["community", "member", "-created_at"], name="content_follow_member"),
            models.Index(
                fields=["window_started_at"], name="content_follow_digest", condition=models.Q(pending__gt=0)
            ),
        ]

    def __str__(self):
        return f"{self.member_id} follows {self.topic_id}"
