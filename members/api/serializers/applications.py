"""Serializers of vetting: screening questions, applications and decisions (input and output apart)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, RulesVersionField, StrictInputMixin
from members.api.serializers.membership import ArrivalInputSerializer
from members.models import Application, ApplicationQuestion


class QuestionOutputSerializer(serializers.ModelSerializer):
    retired = serializers.SerializerMethodField()

    class Meta:
        model = ApplicationQuestion
        fields = ["id", "label", "help_text", "kind", "choices", "required", "position", "retired"]
        read_only_fields = fields

    def get_retired(self, question) -> bool:
        return question.retired_at is not None


class QuestionInputSerializer(StrictInputMixin, serializers.Serializer):
    label = serializers.CharField(max_length=300)
    help_text = serializers.CharField(max_length=500, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=ApplicationQuestion.Kind.choices, required=False)
    choices = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, max_length=100
    )
    required = serializers.BooleanField(required=False)


class QuestionsReorderInputSerializer(StrictInputMixin, serializers.Serializer):
    ids = serializers.ListField(child=IdField(), max_length=500)


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {
            "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
        },
        "description": _("{question id: answer}; a list of choices for multiple choice questions"),
    }
)
class AnswersField(serializers.DictField):
    pass


class ApplyInputSerializer(StrictInputMixin, ArrivalInputSerializer):
    answers = AnswersField(required=False, default=dict, help_text=_("{question id: answer}"))
    accepted_rules_version = RulesVersionField(required=False, allow_null=True, default=None)


class AnswerSerializer(serializers.Serializer):
    question_id = serializers.IntegerField(read_only=True)
    label = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    answer = serializers.JSONField(read_only=True)


class MyApplicationOutputSerializer(serializers.ModelSerializer):
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = ["id", "status", "answers", "created_at", "decided_at", "message_to_applicant"]
        read_only_fields = fields


class OtherMembershipSerializer(serializers.Serializer):
    community = serializers.CharField(source="community.slug", read_only=True)
    name = serializers.CharField(source="community.name", read_only=True)
    role = serializers.CharField(read_only=True)


class ApplicationOutputSerializer(serializers.ModelSerializer):
    """What operators see in the review queue."""

    answers = AnswerSerializer(many=True, read_only=True)
    applicant_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="applicant.username", read_only=True)
    email = serializers.EmailField(source="applicant.email", read_only=True)
    display_name = serializers.CharField(source="applicant.display_name", read_only=True)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True, allow_null=True)
    public_memberships = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "id",
            "status",
            "applicant_id",
            "username",
            "email",
            "display_name",
            "answers",
            "public_memberships",
            "created_at",
            "decided_at",
            "decided_by",
            "decision_note",
            "message_to_applicant",
        ]
        read_only_fields = fields

    @extend_schema_field(OtherMembershipSerializer(many=True))
    def get_public_memberships(self, application):
        memberships = getattr(application.applicant, "public_memberships", [])
        return OtherMembershipSerializer(memberships, many=True).data


class DecideInputSerializer(StrictInputMixin, serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approve", "reject"])
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    message = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class BulkDecideInputSerializer(DecideInputSerializer):
    ids = serializers.ListField(child=IdField(), min_length=1, max_length=200)
