"""Expert session serializers: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.dates import sensible_date
from communities.markdown import render_markdown
from content.api.serializers.questions import AuthorSerializer
from content.models import ExpertSession, GuestExpert, SessionQuestion
from content.models.sessions import (
    ANSWER_MAX,
    DESCRIPTION_MAX,
    QUESTION_MAX,
    TITLE_MAX,
    TOPIC_MAX,
    SessionStatus,
)


class SessionOutputSerializer(serializers.ModelSerializer):
    expert = AuthorSerializer(read_only=True)
    status = serializers.ChoiceField(choices=SessionStatus.choices, read_only=True)
    description_html = serializers.SerializerMethodField()

    class Meta:
        model = ExpertSession
        fields = [
            "id",
            "title",
            "topic",
            "description",
            "description_html",
            "starts_at",
            "ends_at",
            "status",
            "expert",
            "question_count",
            "answered_count",
            "created_at",
        ]
        read_only_fields = fields

    def get_description_html(self, session: ExpertSession) -> str:
        return str(render_markdown(session.description))


class SessionInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    topic = serializers.CharField(max_length=TOPIC_MAX)
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX, required=False, allow_blank=True, default=""
    )
    starts_at = serializers.DateTimeField(validators=[sensible_date])
    ends_at = serializers.DateTimeField(validators=[sensible_date])
    expert_id = IdField(help_text=_("The membership id of an active expert (or operator) of the community."))


class SessionQuestionOutputSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    answer_html = serializers.SerializerMethodField()
    voted_by_me = serializers.SerializerMethodField()

    class Meta:
        model = SessionQuestion
        fields = [
            "id",
            "session_id",
            "author",
            "body",
            "vote_count",
            "voted_by_me",
            "answer",
            "answer_html",
            "answered_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_answer_html(self, question: SessionQuestion) -> str:
        return str(render_markdown(question.answer))

    def get_voted_by_me(self, question: SessionQuestion) -> bool:
        return question.pk in self.context["voted"]


class SessionQuestionInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=QUESTION_MAX)


class SessionAnswerInputSerializer(StrictInputMixin, serializers.Serializer):
    answer = serializers.CharField(max_length=ANSWER_MAX)


class GuestExpertOutputSerializer(serializers.ModelSerializer):
    membership = AuthorSerializer(read_only=True)
    username = serializers.CharField(source="membership.user.username", read_only=True)

    class Meta:
        model = GuestExpert
        fields = ["id", "membership", "username", "note", "created_at"]
        read_only_fields = fields


class GuestExpertInputSerializer(StrictInputMixin, serializers.Serializer):
    account = serializers.CharField(max_length=254, help_text=_("The person's username or email."))
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
