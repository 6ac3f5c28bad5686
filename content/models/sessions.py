"""Expert sessions (AMA and talks): an invited expert answers members' questions, the most upvoted first,
within a time window; afterwards the session stays as a readable archive.

Also the guest experts (`GuestExpert`): people an operator brought in as experts without a membership
fee or an application (docs/decisions/0021-expert-sessions-and-guests.md), and the reminder rows that
make the reminder task send one reminder per member and session.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel

TITLE_MAX = 200
TOPIC_MAX = 120
DESCRIPTION_MAX = 20_000
QUESTION_MAX = 2_000
ANSWER_MAX = 20_000


class SessionStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    LIVE = "live", _("Live now")
    FINISHED = "finished", _("Finished")


class ExpertSession(TenantModel):
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    topic = models.CharField(_("topic"), max_length=TOPIC_MAX)
    description = models.TextField(_("description (Markdown)"), max_length=DESCRIPTION_MAX, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    expert = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("expert")
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    question_count = models.PositiveIntegerField(_("questions"), default=0, editable=False)
    answered_count = models.PositiveIntegerField(_("answered questions"), default=0, editable=False)
    # Set by the reminder task when it has reminded the members (their SessionReminder rows say who).
    reminded_at = models.DateTimeField(_("members reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("expert session")
        verbose_name_plural = _("expert sessions")
        indexes = [models.Index(fields=["community", "starts_at"], name="content_session_starts")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="expertsession_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def status_at(self, now) -> str:
        if now < self.starts_at:
            return SessionStatus.UPCOMING
        return SessionStatus.LIVE if now < self.ends_at else SessionStatus.FINISHED

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        return SessionStatus(self.status).label

    @property
    def is_finished(self) -> bool:
        return self.status == SessionStatus.FINISHED


class SessionQuestion(TenantModel):
    """A member's question to a session, upvoted by others and answered by the expert."""

    session = models.ForeignKey(
        ExpertSession, on_delete=models.CASCADE, related_name="questions", verbose_name=_("session")
    )
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("question"), max_length=QUESTION_MAX)
    vote_count = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    answer = models.TextField(_("answer (Markdown)"), max_length=ANSWER_MAX, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("session question")
        verbose_name_plural = _("session questions")
        indexes = [models.Index(fields=["community", "session", "-vote_count"], name="content_sq_votes")]

    def __str__(self):
        return self.body[:60]


class SessionQuestionVote(TenantModel):
    question = models.ForeignKey(
        SessionQuestion, on_delete=models.CASCADE, related_name="votes", verbose_name=_("question")
    )
    voter = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("voter")
    )

    class Meta:
        verbose_name = _("session question vote")
        verbose_name_plural = _("session question votes")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "question", "voter"], name="sessionquestionvote_unique"
            )
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.question_id}"


class SessionReminder(TenantModel):
    """One member reminded of one session: the reminder task skips whoever has a row (idempotent)."""

    session = models.ForeignKey(
        ExpertSession, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("session")
    )
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("membership")
    )

    class Meta:
        verbose_name = _("session reminder")
        verbose_name_plural = _("session reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "session", "membership"], name="sessionreminder_unique"
            )
        ]

    def __str__(self):
        return f"{self.session_id} → {self.membership_id}"


class GuestExpert(TenantModel):
    """A guest expert (嘉宾): an expert membership an operator granted directly, without the join policy,
    an application or a fee. The membership itself is an ordinary active one with the expert role."""

    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("membership")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("guest expert")
        verbose_name_plural = _("guest experts")
        constraints = [models.UniqueConstraint(fields=["community", "membership"], name="guestexpert_unique")]

    def __str__(self):
        return str(self.membership_id)
