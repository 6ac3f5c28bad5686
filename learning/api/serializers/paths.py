"""Serializers of learning paths, progress, reviews and plans: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.dates import sensible_date
from learning.models import (
    Completion,
    Enrolment,
    LearningGoal,
    LearningPath,
    MaterialKind,
    PathMentor,
    PathStep,
    QuizAttempt,
    Submission,
    SubmissionStatus,
)
from learning.models.paths import (
    CHOICE_MAX,
    CHOICES_MAX,
    EFFORT_MAX,
    LEVEL_MAX,
    QUESTIONS_MAX,
    TEXT_MAX,
    TITLE_MAX,
    TRACK_MAX,
    URL_MAX,
)


class PathOutputSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.user.username", read_only=True)

    class Meta:
        model = LearningPath
        fields = [
            "id",
            "title",
            "summary",
            "track",
            "level",
            "status",
            "author",
            "copied_from",
            "step_count",
            "effort_minutes",
            "enrolment_count",
            "published_at",
            "created_at",
        ]
        read_only_fields = fields


class PathInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    track = serializers.CharField(max_length=TRACK_MAX, help_text=_("A skill; stored in lower case."))
    level = serializers.CharField(max_length=LEVEL_MAX, help_text=_("One of the community's skill levels."))
    summary = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")


class PathUpdateInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX, required=False)
    track = serializers.CharField(max_length=TRACK_MAX, required=False)
    level = serializers.CharField(max_length=LEVEL_MAX, required=False)
    summary = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True)


class PathPublishInputSerializer(StrictInputMixin, serializers.Serializer):
    publish = serializers.BooleanField(default=True, help_text=_("false: back to draft"))


class PathCopyInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX, required=False, allow_blank=True, default="")


class QuizQuestionSerializer(serializers.Serializer):
    prompt = serializers.CharField(max_length=TITLE_MAX * 2)
    choices = serializers.ListField(
        child=serializers.CharField(max_length=CHOICE_MAX), min_length=2, max_length=CHOICES_MAX
    )
    correct = serializers.IntegerField(
        min_value=0,
        max_value=CHOICES_MAX - 1,
        allow_null=True,
        help_text=_("The right choice's index: shown to the path's editors only (null for others)."),
    )


class StepQuizInputSerializer(StrictInputMixin, serializers.Serializer):
    questions = serializers.ListField(child=QuizQuestionSerializer(), min_length=1, max_length=QUESTIONS_MAX)


class PathStepOutputSerializer(serializers.ModelSerializer):
    # A plain string, not a URI: empty when the material is not a link.
    material_url = serializers.CharField(read_only=True, help_text="The material's link; empty when none.")
    requires_ids = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()

    class Meta:
        model = PathStep
        fields = [
            "id",
            "position",
            "title",
            "goal",
            "material_kind",
            "post_id",
            "series_id",
            "event_id",
            "material_url",
            "material_title",
            "material_text",
            "completion",
            "effort_minutes",
            "pass_mark",
            "requires_ids",
            "questions",
        ]
        read_only_fields = fields

    def get_requires_ids(self, step) -> list[int]:
        return sorted(p.requires_id for p in step.prerequisites.all())

    @extend_schema_field(QuizQuestionSerializer(many=True))
    def get_questions(self, step):
        editor = self.context.get("editor", False)
        return [
            {"prompt": q.prompt, "choices": q.choices, "correct": q.correct if editor else None}
            for q in step.questions.all()
        ]


class PathStepInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    goal = serializers.CharField(max_length=TEXT_MAX)
    material_kind = serializers.ChoiceField(choices=MaterialKind.choices)
    post_id = IdField(required=False, allow_null=True, default=None)
    series_id = IdField(required=False, allow_null=True, default=None)
    event_id = IdField(required=False, allow_null=True, default=None)
    material_url = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True, default="")
    material_title = serializers.CharField(max_length=TITLE_MAX, required=False, allow_blank=True, default="")
    material_text = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")
    completion = serializers.ChoiceField(choices=Completion.choices, default=Completion.DONE)
    effort_minutes = serializers.IntegerField(min_value=1, max_value=EFFORT_MAX, default=30)
    pass_mark = serializers.IntegerField(min_value=1, max_value=100, default=70)


class PathStepUpdateInputSerializer(PathStepInputSerializer):
    """Every field optional: only those sent change."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.required = False
            if field.default is not serializers.empty:
                field.default = serializers.empty
        return fields


class StepMoveInputSerializer(StrictInputMixin, serializers.Serializer):
    offset = serializers.ChoiceField(choices=[(-1, "-1"), (1, "1")], help_text=_("-1: up, 1: down"))


class StepPrerequisitesInputSerializer(StrictInputMixin, serializers.Serializer):
    requires_ids = serializers.ListField(child=IdField(), max_length=200)


class PathMentorOutputSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="membership.user.username", read_only=True)
    name = serializers.CharField(source="membership.user.name", read_only=True)

    class Meta:
        model = PathMentor
        fields = ["membership_id", "username", "name", "created_at"]
        read_only_fields = fields


class PathMentorInputSerializer(StrictInputMixin, serializers.Serializer):
    membership_id = IdField()


class PathEnrolmentOutputSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="membership.user.username", read_only=True)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "path_id",
            "membership_id",
            "username",
            "status",
            "completed_count",
            "completed_at",
            "created_at",
        ]
        read_only_fields = fields


class PathStepStateSerializer(serializers.Serializer):
    step_id = serializers.IntegerField(source="step.pk")
    title = serializers.CharField(source="step.title")
    state = serializers.ChoiceField(choices=["done", "pending", "todo", "locked", "attended"])


class PathProgressOutputSerializer(serializers.Serializer):
    """One of my enrolments: its path, each step's state and the next step."""

    enrolment_id = serializers.IntegerField(source="enrolment.pk")
    path_id = serializers.IntegerField(source="enrolment.path_id")
    path_title = serializers.CharField(source="enrolment.path.title")
    status = serializers.CharField(source="enrolment.status")
    percent = serializers.IntegerField()
    next_step_id = serializers.SerializerMethodField()
    steps = PathStepStateSerializer(source="states", many=True)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_next_step_id(self, progress):
        return progress.next.step.pk if progress.next else None


class LearningSubmissionOutputSerializer(serializers.ModelSerializer):
    link = serializers.CharField(read_only=True, help_text="The work's link; empty when none.")
    author = serializers.CharField(source="membership.user.username", read_only=True)
    reviewer = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "path_id",
            "step_id",
            "author",
            "body",
            "link",
            "status",
            "feedback",
            "reviewer",
            "reviewed_at",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reviewer(self, submission):
        return submission.reviewer.user.username if submission.reviewer_id else None


class LearningSubmissionInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=TEXT_MAX)
    link = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True, default="")


class SubmissionReviewInputSerializer(StrictInputMixin, serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[SubmissionStatus.APPROVED, SubmissionStatus.TRY_AGAIN])
    feedback = serializers.CharField(max_length=TEXT_MAX)


class QuizAttemptOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = QuizAttempt
        fields = ["id", "step_id", "score", "total", "passed", "answered_at", "created_at"]
        read_only_fields = fields


class QuizAnswerInputSerializer(StrictInputMixin, serializers.Serializer):
    attempt_id = IdField()
    answers = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=CHOICES_MAX - 1),
        max_length=QUESTIONS_MAX,
        help_text=_("One choice index per question, in the questions' order."),
    )


class LearningGoalOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = LearningGoal
        fields = ["id", "title", "target_date", "path_id", "done_at", "created_at"]
        read_only_fields = fields


class LearningGoalInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    target_date = serializers.DateField(validators=[sensible_date])
    path_id = IdField(required=False, allow_null=True, default=None)


class LearningGoalReachInputSerializer(StrictInputMixin, serializers.Serializer):
    goal_id = IdField()
    reached = serializers.BooleanField(default=True, help_text=_("false: open the goal again"))


class LearningGoalRemoveInputSerializer(StrictInputMixin, serializers.Serializer):
    goal_id = IdField()


class PlanTodaySerializer(serializers.Serializer):
    path_id = serializers.IntegerField()
    path_title = serializers.CharField()
    step_id = serializers.IntegerField()
    step_title = serializers.CharField()


class LearningPlanOutputSerializer(serializers.Serializer):
    streak = serializers.IntegerField(help_text=_("Consecutive days with a learning activity"))
    today = serializers.SerializerMethodField()
    goals = LearningGoalOutputSerializer(many=True)
    paths = PathProgressOutputSerializer(many=True)

    @extend_schema_field(PlanTodaySerializer(many=True))
    def get_today(self, plan):
        return [
            {
                "path_id": path.pk,
                "path_title": path.title,
                "step_id": state.step.pk,
                "step_title": state.step.title,
            }
            for path, state in plan.today
        ]
