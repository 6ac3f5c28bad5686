"""Learning paths: operators (manage_learning) and the mentors they appoint build paths of ordered steps
for a skill track and level; members enrol, complete steps, submit work that reviewers mark, and pass
short quizzes. Members also keep a personal plan of goals with target dates.

Counts that lists show (`LearningPath.step_count`, `enrolment_count`, `Enrolment.completed_count`) are
columns kept by learning.services.paths and learning.services.progress in the transactions that change
them. A step completed is one StepProgress row (unique per enrolment and step), so completing it twice is
refused by the service and, in a race, by the database.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from communities.models import TenantModel
from communities.validators import MAX_POSITION, bounded
from members.models.policy import skill_level_label

TITLE_MAX = 200
TEXT_MAX = 10_000
TRACK_MAX = 60
LEVEL_MAX = 40
URL_MAX = 500
EFFORT_MAX = 10_000  # minutes per step (about a week of full-time work)
QUESTIONS_MAX = 20
CHOICES_MAX = 6
CHOICE_MAX = 200


class PathStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class MaterialKind(models.TextChoices):
    POST = "post", _("A post")
    SERIES = "series", _("A series of posts")
    EVENT = "event", _("An event")
    LINK = "link", _("A link")
    TEXT = "text", _("Text")


class Completion(models.TextChoices):
    DONE = "done", _("Mark as done")
    SUBMIT = "submit", _("Submit work for review")
    ATTEND = "attend", _("Attend the event")
    QUIZ = "quiz", _("Pass a quiz")


class LearningPath(TenantModel):
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    summary = models.TextField(_("summary (Markdown)"), max_length=TEXT_MAX, blank=True)
    track = models.CharField(
        _("skill track"), max_length=TRACK_MAX, help_text=_("A skill, in lower case, e.g. “portrait”.")
    )
    level = models.CharField(_("level"), max_length=LEVEL_MAX)
    status = models.CharField(_("status"), max_length=10, choices=PathStatus, default=PathStatus.DRAFT)
    author = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
    )
    step_count = models.PositiveSmallIntegerField(_("steps"), default=0, editable=False)
    effort_minutes = models.PositiveIntegerField(_("estimated effort (minutes)"), default=0, editable=False)
    enrolment_count = models.PositiveIntegerField(_("enrolled"), default=0, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")
        ordering = ["track", "title", "id"]
        indexes = [
            models.Index(fields=["community", "status", "track", "level"], name="path_filters"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == PathStatus.PUBLISHED

    @property
    def level_label(self) -> str:
        return skill_level_label(self.level)

    @property
    def effort_hours(self) -> float:
        return round(self.effort_minutes / 60, 1)


class PathMentor(TenantModel):
    """A member an operator appointed to a path: they edit it and review its submissions."""

    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="mentors")
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("mentor")
    )

    class Meta:
        verbose_name = _("path mentor")
        verbose_name_plural = _("path mentors")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "path", "membership"], name="pathmentor_unique")
        ]
        indexes = [models.Index(fields=["community", "membership"], name="pathmentor_membership")]

    def __str__(self):
        return f"{self.membership_id} mentors {self.path_id}"


class PathStep(TenantModel):
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"), default=0, validators=bounded(0, MAX_POSITION))
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    goal = models.TextField(_("goal (Markdown)"), max_length=TEXT_MAX, help_text=_("What the member learns."))
    material_kind = models.CharField(
        _("material"), max_length=10, choices=MaterialKind, default=MaterialKind.TEXT
    )
    post = models.ForeignKey(
        "content.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("post"),
    )
    series = models.ForeignKey(
        "content.Series",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("series"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event"),
    )
    material_url = models.URLField(_("link"), max_length=URL_MAX, blank=True)
    material_title = models.CharField(_("link title"), max_length=TITLE_MAX, blank=True)
    material_text = models.TextField(_("text (Markdown)"), max_length=TEXT_MAX, blank=True)
    completion = models.CharField(
        _("how it is completed"), max_length=10, choices=Completion, default=Completion.DONE
    )
    effort_minutes = models.PositiveIntegerField(
        _("estimated effort (minutes)"), default=30, validators=bounded(1, EFFORT_MAX)
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=bounded(1, 100),
        help_text=_("For a quiz: the share of right answers that passes."),
    )

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["community", "path", "position"], name="pathstep_path")]

    def __str__(self):
        return self.title


class StepPrerequisite(TenantModel):
    """`step` may be completed only once `requires` is (both steps of the same path; never a cycle)."""

    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="prerequisites")
    requires = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")
        constraints = [
            models.UniqueConstraint(fields=["community", "step", "requires"], name="prerequisite_unique")
        ]
        indexes = [models.Index(fields=["community", "path"], name="prerequisite_path")]

    def __str__(self):
        return f"{self.step_id} requires {self.requires_id}"


class QuizQuestion(TenantModel):
    """A single-choice question of a quiz step; `choices` is a list of strings, `correct` its right index."""

    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, validators=bounded(0, QUESTIONS_MAX)
    )
    prompt = models.CharField(_("question"), max_length=TITLE_MAX * 2)
    choices = models.JSONField(_("choices"), default=list)
    correct = models.PositiveSmallIntegerField(_("right choice"), validators=bounded(0, CHOICES_MAX - 1))

    class Meta:
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["community", "step", "position"], name="quizquestion_step")]

    def __str__(self):
        return self.prompt


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    COMPLETED = "completed", _("Completed")


class Enrolment(TenantModel):
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="enrolments")
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EnrolmentStatus, default=EnrolmentStatus.ACTIVE
    )
    completed_count = models.PositiveSmallIntegerField(_("steps completed"), default=0, editable=False)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "path", "membership"], name="enrolment_unique")
        ]
        indexes = [models.Index(fields=["community", "membership", "status"], name="enrolment_member")]

    def __str__(self):
        return f"{self.membership_id} on {self.path_id}"


class StepProgress(TenantModel):
    """A step the member completed (one row per enrolment and step); `completed_at` feeds the streak."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey("members.Membership", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("completed"))

    class Meta:
        verbose_name = _("step completed")
        verbose_name_plural = _("steps completed")
        ordering = ["completed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "enrolment", "step"], name="stepprogress_unique")
        ]
        indexes = [
            models.Index(fields=["community", "membership", "completed_at"], name="stepprogress_member")
        ]

    def __str__(self):
        return f"{self.enrolment_id}: {self.step_id}"


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    TRY_AGAIN = "try_again", _("Try again")


class Submission(TenantModel):
    """Work a member submits for a step; a reviewer (never its author) writes feedback and an outcome."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="submissions")
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(
        "members.Membership", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("your work (Markdown)"), max_length=TEXT_MAX)
    link = models.URLField(_("link to your work"), max_length=URL_MAX, blank=True)
    status = models.CharField(
        _("outcome"), max_length=10, choices=SubmissionStatus, default=SubmissionStatus.PENDING
    )
    reviewer = models.ForeignKey(
        "members.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    feedback = models.TextField(_("feedback (Markdown)"), max_length=TEXT_MAX, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["community", "status", "created_at"], name="submission_queue"),
            models.Index(fields=["community", "enrolment", "step"], name="submission_step"),
        ]

    def __str__(self):
        return f"submission {self.pk}"


class QuizAttempt(TenantModel):
    """One attempt at a quiz step: started, then answered once (answers, score and outcome are final)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey("members.Membership", on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(_("answers"), default=list)
    score = models.PositiveSmallIntegerField(_("right answers"), default=0, editable=False)
    total = models.PositiveSmallIntegerField(_("questions"), default=0, editable=False)
    passed = models.BooleanField(_("passed"), default=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "enrolment", "step"], name="quizattempt_step")]

    def __str__(self):
        return f"attempt {self.pk}"


class LearningGoal(TenantModel):
    """A goal of a member's personal plan, with a target date; private to the member."""

    membership = models.ForeignKey("members.Membership", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("goal"), max_length=TITLE_MAX)
    target_date = models.DateField(_("target date"))
    path = models.ForeignKey(
        LearningPath,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("path"),
    )
    done_at = models.DateTimeField(_("reached"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("learning goal")
        verbose_name_plural = _("learning goals")
        ordering = ["target_date", "id"]
        indexes = [models.Index(fields=["community", "membership", "target_date"], name="goal_member")]

    def __str__(self):
        return self.title
