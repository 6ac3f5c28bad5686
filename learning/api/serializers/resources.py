"""Serializers of the resource library: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.markdown import render_markdown
from communities.validators import MAX_POSITION
from learning.models import FeaturedItem, FeaturedList, Resource, ResourceCost, ResourceKind, ResourceRating
from learning.models.resources import (
    LEVEL_MAX,
    LIST_ITEMS_MAX,
    LIST_NAME_MAX,
    REVIEW_MAX,
    TAG_MAX,
    TAGS_MAX,
    TEXT_MAX,
    TITLE_MAX,
    URL_MAX,
)


class ResourceOutputSerializer(serializers.ModelSerializer):
    description_html = serializers.SerializerMethodField()
    url = serializers.CharField(read_only=True, help_text=_("The resource's http(s) address."))
    tags = serializers.ListField(child=serializers.CharField(), read_only=True)
    recommended_by = serializers.SerializerMethodField()
    rating_average = serializers.DecimalField(
        max_digits=3, decimal_places=2, coerce_to_string=False, read_only=True
    )
    link_broken = serializers.BooleanField(source="is_broken", read_only=True)

    class Meta:
        model = Resource
        fields = [
            "id",
            "title",
            "description",
            "description_html",
            "url",
            "kind",
            "level",
            "cost",
            "tags",
            "recommended_by",
            "rating_count",
            "rating_average",
            "link_broken",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_description_html(self, resource) -> str:
        return render_markdown(resource.description)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_recommended_by(self, resource):
        """The recommender's username, for those who may see the members (null otherwise)."""
        return resource.recommended_by.user.username if self.context.get("names_shown") else None


class BrokenResourceOutputSerializer(ResourceOutputSerializer):
    """A resource flagged broken, with the link checker's record (for the curators)."""

    class Meta(ResourceOutputSerializer.Meta):
        fields = [
            *ResourceOutputSerializer.Meta.fields,
            "link_checked_at",
            "link_status",
            "link_error",
            "link_failures",
            "link_broken_at",
        ]
        read_only_fields = fields


class ResourceInputSerializer(StrictInputMixin, serializers.Serializer):
    """A resource to suggest (all fields but level, cost and tags required) or the fields to change."""

    title = serializers.CharField(max_length=TITLE_MAX)
    description = serializers.CharField(max_length=TEXT_MAX)
    url = serializers.CharField(
        max_length=URL_MAX,
        help_text=_("A public http:// or https:// address, without user name or password."),
    )
    kind = serializers.ChoiceField(choices=ResourceKind.choices)
    level = serializers.CharField(
        max_length=LEVEL_MAX,
        required=False,
        allow_blank=True,
        help_text=_("One of the community's skill levels, or empty for any level."),
    )
    cost = serializers.ChoiceField(choices=ResourceCost.choices, required=False)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=TAG_MAX), max_length=TAGS_MAX, required=False
    )


class RatingOutputSerializer(serializers.ModelSerializer):
    member = serializers.SerializerMethodField()
    mine = serializers.SerializerMethodField()

    class Meta:
        model = ResourceRating
        fields = ["id", "member", "mine", "score", "review", "created_at", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_member(self, rating):
        """The rater's username, for those who may see the members (null otherwise)."""
        return rating.membership.user.username if self.context.get("names_shown") else None

    def get_mine(self, rating) -> bool:
        return rating.membership_id == self.context.get("membership_id")


class RatingInputSerializer(StrictInputMixin, serializers.Serializer):
    score = serializers.IntegerField(min_value=1, max_value=5)
    review = serializers.CharField(max_length=REVIEW_MAX, required=False, allow_blank=True, default="")


class FeaturedResourceSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="resource.id", read_only=True)
    title = serializers.CharField(source="resource.title", read_only=True)
    kind = serializers.ChoiceField(source="resource.kind", choices=ResourceKind.choices, read_only=True)
    cost = serializers.ChoiceField(source="resource.cost", choices=ResourceCost.choices, read_only=True)
    url = serializers.CharField(source="resource.url", read_only=True)

    class Meta:
        model = FeaturedItem
        fields = ["id", "title", "kind", "cost", "url"]
        read_only_fields = fields


class FeaturedListOutputSerializer(serializers.ModelSerializer):
    resources = FeaturedResourceSerializer(source="items", many=True, read_only=True)

    class Meta:
        model = FeaturedList
        fields = ["id", "name", "position", "resources"]
        read_only_fields = fields


class FeaturedListInputSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=LIST_NAME_MAX)
    position = serializers.IntegerField(min_value=0, max_value=MAX_POSITION, required=False, default=0)
    resource_ids = serializers.ListField(
        child=IdField(),
        max_length=LIST_ITEMS_MAX,
        required=False,
        default=list,
        help_text=_("The list's resources, in order (each a resource of this community)."),
    )
