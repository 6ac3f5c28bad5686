"""Series serializers (input and output apart)."""

from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from content.models import Series
from content.models.posts import TITLE_MAX
from content.models.series import DESCRIPTION_MAX
from content.rendering import render_post_markdown


class SeriesOutputSerializer(serializers.ModelSerializer):
    description_html = serializers.SerializerMethodField()
    published_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Series
        fields = [
            "id",
            "title",
            "description",
            "description_html",
            "published_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_description_html(self, obj) -> str:
        return str(render_post_markdown(obj.description))


class SeriesInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX, required=False, allow_blank=True, default=""
    )


class SeriesOrderInputSerializer(StrictInputMixin, serializers.Serializer):
    post_ids = serializers.ListField(child=IdField(), max_length=1000)
