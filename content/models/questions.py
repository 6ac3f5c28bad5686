"""Q&A: members' questions (not the screening questions of members.ApplicationQuestion), their answers
and the votes on answers.

Counts a list shows (`Question.answer_count`, `Answer.vote_count`) are columns kept by the services in
content.services.questions; the times to the first and to the accepted answer are stored on the question
for analytics.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel

TITLE_MAX = 200
BODY_MAX = 20_000
TAG_MAX = 30
TAGS_PER_QUESTION = 5


class Question(TenantModel):
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("body (Markdown)"), max_length=BODY_MAX, blank=True)
    skill_level = models.CharField(_("skill level"), max_length=40, blank=True)
    answer_count = models.PositiveIntegerField(_("answers"), default=0, editable=False)
    accepted_answer = models.ForeignKey(
        "content.Answer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted answer"),
    )
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("answer accepted"), null=True, blank=True)
    time_to_first_answer = models.DurationField(_("time to first answer"), null=True, blank=True)
    time_to_accepted_answer = models.DurationField(_("time to accepted answer"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [
            models.Index(fields=["community", "-created_at"], name="content_question_new"),
            models.Index(
                fields=["community", "answer_count", "created_at"], name="content_question_unanswered"
            ),
            models.Index(fields=["community", "-last_activity_at"], name="content_question_active"),
        ]

    def __str__(self):
        return self.title


class QuestionTag(TenantModel):
    """One tag of a question, lower-cased so that lists filter by it."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="tags", verbose_name=_("question")
    )
    name = models.CharField(_("tag"), max_length=TAG_MAX)

    class Meta:
        verbose_name = _("question tag")
        verbose_name_plural = _("question tags")
        constraints = [
            models.UniqueConstraint(fields=["community", "question", "name"], name="questiontag_unique")
        ]
        indexes = [models.Index(fields=["community", "name"], name="content_questiontag_name")]

    def __str__(self):
        return self.name


class Answer(TenantModel):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("answer (Markdown)"), max_length=BODY_MAX)
    # Whether the author answered as an expert (held `answer_as_expert` when posting): kept on the row so
    # the mark stays true to the moment and a list needs no role lookup.
    by_expert = models.BooleanField(_("expert's answer"), default=False)
    vote_count = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["community", "question", "-vote_count"], name="content_answer_votes"),
        ]

    def __str__(self):
        return self.body[:60]


class AnswerVote(TenantModel):
    """One member's upvote on one answer (a second vote by the same member takes it back)."""

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="votes", verbose_name=_("answer")
    )
    voter = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("voter")
    )

    class Meta:
        verbose_name = _("answer vote")
        verbose_name_plural = _("answer votes")
        constraints = [
            models.UniqueConstraint(fields=["community", "answer", "voter"], name="answervote_unique")
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.answer_id}"
