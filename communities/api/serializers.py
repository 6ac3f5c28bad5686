"""Community and rules serializers. Input and output are separate classes: outputs are read-only views of
a row, inputs validate what a client may send (and refuse anything else) before a service is called."""

from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, MemoisedListSerializer, PrebuiltFieldsMixin, StrictInputMixin
from communities.images import ImageUploadSerializerField
from communities.markdown import render_markdown
from communities.models import Community, Rule, RulesVersion
from communities.roles import MembershipStatus, Role
from communities.services import EDITABLE_FIELDS

# --- Communities ------------------------------------------------------------------------------------------

# Uploaded images go through the shared check and re-encoding (communities/images.py).
IMAGE_FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.ImageField: ImageUploadSerializerField,
}


class CommunityOutputSerializer(PrebuiltFieldsMixin, serializers.ModelSerializer):
    """A community's profile with the caller's role and status. In lists each item is kept in the cache
    by its row's values (`MemoisedListSerializer`): it reads only the row and its annotations."""

    member_count = serializers.IntegerField(read_only=True)
    my_role = serializers.ChoiceField(choices=Role.choices, read_only=True, allow_null=True)
    my_status = serializers.ChoiceField(choices=MembershipStatus.choices, read_only=True, allow_null=True)
    description_html = serializers.SerializerMethodField()

    class Meta:
        model = Community
        fields = [
            "id",
            "slug",
            "name",
            "skill_domain",
            "tagline",
            "positioning",
            "target_audience",
            "description",
            "description_html",
            "culture",
            "visibility",
            "join_policy",
            "language",
            "timezone",
            "logo",
            "cover_image",
            "accent_color",
            "status",
            "activity_score",
            "member_count",
            "my_role",
            "my_status",
            "created_at",
            "updated_at",
            "archived_at",
        ]
        read_only_fields = fields
        list_serializer_class = MemoisedListSerializer

    @extend_schema_field(OpenApiTypes.STR)
    def get_description_html(self, community: Community) -> str:
        """The description's Markdown rendered to sanitised HTML."""
        return str(render_markdown(community.description))


IMAGE_FIELDS = ("logo", "cover_image")


class CommunityCreateInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """Sent as multipart/form-data to upload a logo or cover image."""

    serializer_field_mapping = IMAGE_FIELD_MAPPING

    class Meta:
        model = Community
        fields = ["slug", *sorted(EDITABLE_FIELDS)]


class CommunityCreateJSONInputSerializer(CommunityCreateInputSerializer):
    """The same fields without the images, which only multipart/form-data can carry. For the schema:
    a generated client tells its two request bodies apart by their classes."""

    class Meta(CommunityCreateInputSerializer.Meta):
        fields = [name for name in CommunityCreateInputSerializer.Meta.fields if name not in IMAGE_FIELDS]


class CommunityUpdateInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """Profile and branding fields only, sent as multipart/form-data to upload an image; an empty value
    for an image clears it."""

    serializer_field_mapping = IMAGE_FIELD_MAPPING

    class Meta:
        model = Community
        fields = sorted(EDITABLE_FIELDS)
        extra_kwargs = {"logo": {"allow_null": True}, "cover_image": {"allow_null": True}}


class CommunityUpdateJSONInputSerializer(CommunityUpdateInputSerializer):
    """Profile and branding fields without the images (a JSON `null` for an image still clears it)."""

    class Meta(CommunityUpdateInputSerializer.Meta):
        fields = [name for name in CommunityUpdateInputSerializer.Meta.fields if name not in IMAGE_FIELDS]


class CommunityDeleteInputSerializer(StrictInputMixin, serializers.Serializer):
    confirm_slug = serializers.CharField(required=False, allow_blank=True, max_length=50)


# --- Rules ------------------------------------------------------------------------------------------------


class RuleOutputSerializer(serializers.ModelSerializer):
    body_html = serializers.SerializerMethodField()

    class Meta:
        model = Rule
        fields = ["id", "category", "title", "body", "body_html", "position", "created_at", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_body_html(self, rule: Rule) -> str:
        return str(render_markdown(rule.body))


class RuleInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = Rule
        fields = ["category", "title", "body", "position"]
        extra_kwargs = {"position": {"required": False}}


class RulesReorderInputSerializer(StrictInputMixin, serializers.Serializer):
    rule_ids = serializers.ListField(child=IdField(), max_length=500)


class RuleSnapshotSerializer(serializers.Serializer):
    """One rule as it stood when a version was published."""

    category = serializers.ChoiceField(choices=Rule.Category.choices, read_only=True)
    title = serializers.CharField(read_only=True)
    body = serializers.CharField(read_only=True)


class RulesVersionOutputSerializer(serializers.ModelSerializer):
    rules = RuleSnapshotSerializer(many=True, read_only=True)
    published_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    published_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = RulesVersion
        fields = ["number", "rules", "published_by", "published_at"]
        read_only_fields = fields
