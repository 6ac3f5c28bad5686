"""Serializers of the critique exchange: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.images import ImageUploadSerializerField
from communities.markdown import render_markdown
from content.models import (
    CreditAccount,
    CreditTransaction,
    Critique,
    CritiqueScore,
    CritiqueSettings,
    RubricCriterion,
    Work,
)
from content.models.critiques import MAX_GRANT, MAX_IMAGES, MAX_LINKS, MAX_SCORE, MIN_SCORE


class CriterionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = RubricCriterion
        fields = ["id", "name", "guidance", "position", "active"]
        read_only_fields = fields


class CriterionCreateInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = RubricCriterion
        fields = ["name", "guidance"]


class CriterionUpdateInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = RubricCriterion
        fields = ["name", "guidance", "position", "active"]
        extra_kwargs = {
            "guidance": {"required": True},
            "position": {"required": True},
            "active": {"required": True},
        }


class CritiqueSettingsSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = CritiqueSettings
        fields = ["request_cost", "critique_reward"]
        extra_kwargs = {"request_cost": {"required": True}, "critique_reward": {"required": True}}


class WorkOutputSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.user.username", read_only=True)
    author_name = serializers.CharField(source="author.user.name", read_only=True)
    description_html = serializers.SerializerMethodField()
    images = serializers.SerializerMethodField()
    links = serializers.ListField(child=serializers.URLField(), read_only=True)

    class Meta:
        model = Work
        fields = [
            "id",
            "title",
            "author",
            "author_name",
            "description",
            "description_html",
            "images",
            "links",
            "critique_count",
            "first_critique_at",
            "time_to_first_critique",
            "created_at",
            "edited_at",
        ]
        read_only_fields = fields

    def get_description_html(self, work) -> str:
        return render_markdown(work.description)

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_images(self, work) -> list[str]:
        request = self.context.get("request")
        urls = [image.image.url for image in work.images.all()]
        return [request.build_absolute_uri(url) for url in urls] if request is not None else urls


class WorkInputSerializer(StrictInputMixin, serializers.Serializer):
    """JSON (links only) or multipart (images as repeated `images` parts)."""

    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    links = serializers.ListField(
        child=serializers.CharField(max_length=500), max_length=MAX_LINKS, required=False, default=list
    )
    images = serializers.ListField(
        child=ImageUploadSerializerField(), max_length=MAX_IMAGES, required=False, default=list
    )


class WorkEditInputSerializer(StrictInputMixin, serializers.Serializer):
    """What an edit may change (each optional: what is left out stays); the images stay as posted."""

    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    links = serializers.ListField(
        child=serializers.CharField(max_length=500), max_length=MAX_LINKS, required=False
    )


class ScoreInputSerializer(StrictInputMixin, serializers.Serializer):
    criterion = IdField()
    score = serializers.IntegerField(min_value=MIN_SCORE, max_value=MAX_SCORE)
    comment = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class CritiqueInputSerializer(StrictInputMixin, serializers.Serializer):
    overall = serializers.CharField(max_length=10000)
    scores = ScoreInputSerializer(many=True, help_text=_("One entry per criterion of the rubric in use."))


class ScoreOutputSerializer(serializers.ModelSerializer):
    criterion_name = serializers.CharField(source="criterion.name", read_only=True)

    class Meta:
        model = CritiqueScore
        fields = ["criterion", "criterion_name", "score", "comment"]
        read_only_fields = fields


class CritiqueOutputSerializer(serializers.ModelSerializer):
    critic = serializers.CharField(source="critic.user.username", read_only=True)
    critic_name = serializers.CharField(source="critic.user.name", read_only=True)
    critic_role = serializers.CharField(source="critic.role", read_only=True)
    overall_html = serializers.SerializerMethodField()
    scores = ScoreOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Critique
        fields = [
            "id",
            "work",
            "critic",
            "critic_name",
            "critic_role",
            "scores",
            "overall",
            "overall_html",
            "helpful",
            "marked_helpful_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_overall_html(self, critique) -> str:
        return render_markdown(critique.overall)


class AccountOutputSerializer(serializers.ModelSerializer):
    member = serializers.CharField(source="membership.user.username", read_only=True)
    membership_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = CreditAccount
        fields = ["membership_id", "member", "balance", "critiques_given", "helpful_received"]
        read_only_fields = fields


class TransactionOutputSerializer(serializers.ModelSerializer):
    work = serializers.IntegerField(source="work_id", read_only=True, allow_null=True)
    critique = serializers.IntegerField(source="critique_id", read_only=True, allow_null=True)
    by = serializers.CharField(source="actor.username", read_only=True, default=None)

    class Meta:
        model = CreditTransaction
        fields = ["id", "kind", "amount", "balance_after", "work", "critique", "reason", "by", "created_at"]
        read_only_fields = fields


class GrantInputSerializer(StrictInputMixin, serializers.Serializer):
    amount = serializers.IntegerField(min_value=1, max_value=MAX_GRANT)
    reason = serializers.CharField(max_length=300)
