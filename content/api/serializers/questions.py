"""Q&A serializers: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.markdown import render_markdown
from content.models import Answer, Question
from content.models.questions import BODY_MAX, TAG_MAX, TAGS_PER_QUESTION, TITLE_MAX


class AuthorSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(source="pk", read_only=True)
    name = serializers.CharField(source="user.name", read_only=True)
    role = serializers.CharField(read_only=True)


class QaQuestionOutputSerializer(serializers.ModelSerializer):
    """A Q&A question (not an application's screening question)."""

    author = AuthorSerializer(read_only=True)
    tags = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()
    time_to_first_answer = serializers.SerializerMethodField(
        help_text=_("Seconds from asking to the first answer; null until answered.")
    )
    time_to_accepted_answer = serializers.SerializerMethodField(
        help_text=_("Seconds from asking to the first accepted answer; null until one is accepted.")
    )

    class Meta:
        model = Question
        fields = [
            "id",
            "title",
            "body",
            "body_html",
            "skill_level",
            "tags",
            "author",
            "answer_count",
            "accepted_answer_id",
            "created_at",
            "last_activity_at",
            "first_answered_at",
            "accepted_at",
            "edited_at",
            "time_to_first_answer",
            "time_to_accepted_answer",
        ]
        read_only_fields = fields

    def get_tags(self, question: Question) -> list[str]:
        return [tag.name for tag in question.tags.all()]

    def get_body_html(self, question: Question) -> str:
        return str(render_markdown(question.body))

    def get_time_to_first_answer(self, question: Question) -> float | None:
        delta = question.time_to_first_answer
        return None if delta is None else delta.total_seconds()

    def get_time_to_accepted_answer(self, question: Question) -> float | None:
        delta = question.time_to_accepted_answer
        return None if delta is None else delta.total_seconds()


class QaQuestionInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    body = serializers.CharField(max_length=BODY_MAX, required=False, allow_blank=True, default="")
    tags = serializers.ListField(
        child=serializers.CharField(max_length=TAG_MAX),
        max_length=TAGS_PER_QUESTION,
        required=False,
        default=list,
    )
    skill_level = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class AnswerOutputSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    body_html = serializers.SerializerMethodField()
    is_accepted = serializers.SerializerMethodField()
    voted_by_me = serializers.SerializerMethodField()

    class Meta:
        model = Answer
        fields = [
            "id",
            "question_id",
            "author",
            "body",
            "body_html",
            "by_expert",
            "vote_count",
            "is_accepted",
            "voted_by_me",
            "created_at",
            "edited_at",
        ]
        read_only_fields = fields

    def get_body_html(self, answer: Answer) -> str:
        return str(render_markdown(answer.body))

    def get_is_accepted(self, answer: Answer) -> bool:
        return answer.pk == self.context["question"].accepted_answer_id

    def get_voted_by_me(self, answer: Answer) -> bool:
        return answer.pk in self.context["voted"]


class AnswerInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX)


class AcceptInputSerializer(StrictInputMixin, serializers.Serializer):
    answer_id = IdField(help_text=_("An answer to this question."))
