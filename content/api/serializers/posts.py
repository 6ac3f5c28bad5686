"""Post serializers: output for lists and for one post (with its HTML), input for writing, publishing,
pins, features, reviews, tags, settings, the editor's preview and image upload."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, PrebuiltFieldsMixin, StrictInputMixin
from communities.dates import sensible_date
from communities.roles import Role
from content.models import Post, PostImage, PostKind, PostRevision, PostSettings, PostTag
from content.models.posts import BODY_MAX, REVIEW_NOTE_MAX, TAG_MAX, TAGS_PER_POST, TITLE_MAX
from content.rendering import render_post_markdown
from content.services.posts import ReviewDecision


class PostTagOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = PostTag
        fields = ["id", "name"]
        read_only_fields = fields


class PostAuthorSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(source="pk", read_only=True)
    name = serializers.CharField(source="user.name", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)


class PostOutputSerializer(PrebuiltFieldsMixin, serializers.ModelSerializer):
    """A post in a list: no text (read one post for it)."""

    author = PostAuthorSerializer(read_only=True)
    tags = serializers.SerializerMethodField()
    pinned = serializers.SerializerMethodField()
    featured = serializers.SerializerMethodField()

    class Meta:
        model = Post
        fields = [
            "id",
            "kind",
            "title",
            "skill_level",
            "status",
            "author",
            "tags",
            "series",
            "series_position",
            "pinned",
            "featured",
            "publish_at",
            "published_at",
            "revision_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(PostTagOutputSerializer(many=True))
    def get_tags(self, obj) -> list:
        return [{"id": tagging.tag_id, "name": tagging.tag.name} for tagging in obj.taggings.all()]

    def get_pinned(self, obj) -> bool:
        return obj.pinned_at is not None

    def get_featured(self, obj) -> bool:
        return obj.featured_at is not None


class PostDetailOutputSerializer(PostOutputSerializer):
    """One post: its Markdown, the HTML the site shows (sanitised), the reviewer's comment and the
    previous / next post of its series (`previous_id`, `next_id`, from the view's context)."""

    body_html = serializers.SerializerMethodField()
    previous_id = serializers.SerializerMethodField()
    next_id = serializers.SerializerMethodField()

    class Meta(PostOutputSerializer.Meta):
        fields = [
            *PostOutputSerializer.Meta.fields,
            "body",
            "body_html",
            "review_note",
            "previous_id",
            "next_id",
        ]
        read_only_fields = fields

    def get_body_html(self, obj) -> str:
        return str(render_post_markdown(obj.body))

    def get_previous_id(self, obj) -> int | None:
        neighbour = self.context.get("neighbours", (None, None))[0]
        return neighbour.pk if neighbour else None

    def get_next_id(self, obj) -> int | None:
        neighbour = self.context.get("neighbours", (None, None))[1]
        return neighbour.pk if neighbour else None


class PostInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    body = serializers.CharField(max_length=BODY_MAX, trim_whitespace=False)
    kind = serializers.ChoiceField(choices=PostKind.choices, default=PostKind.TUTORIAL)
    skill_level = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    tags = serializers.ListField(child=IdField(), max_length=TAGS_PER_POST, required=False, default=list)
    series = IdField(required=False, allow_null=True, default=None)


class PostPublishInputSerializer(StrictInputMixin, serializers.Serializer):
    publish_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, validators=[sensible_date]
    )


class PostPinInputSerializer(StrictInputMixin, serializers.Serializer):
    pinned = serializers.BooleanField(default=True)


class PostFeatureInputSerializer(StrictInputMixin, serializers.Serializer):
    featured = serializers.BooleanField(default=True)


class PostReviewInputSerializer(StrictInputMixin, serializers.Serializer):
    decision = serializers.ChoiceField(choices=ReviewDecision.CHOICES)
    comment = serializers.CharField(max_length=REVIEW_NOTE_MAX, required=False, allow_blank=True, default="")


class PostRevisionOutputSerializer(serializers.ModelSerializer):
    editor = serializers.CharField(source="editor.name", read_only=True, allow_null=True, default=None)

    class Meta:
        model = PostRevision
        fields = ["id", "number", "title", "body", "editor", "created_at"]
        read_only_fields = fields


class PostTagInputSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=TAG_MAX)


class PostSettingsSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = PostSettings
        fields = ["member_posts_need_review"]


class PostPreviewInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX, allow_blank=True, trim_whitespace=False)


class PostPreviewOutputSerializer(serializers.Serializer):
    html = serializers.CharField(read_only=True)


class PostImageInputSerializer(StrictInputMixin, serializers.Serializer):
    image = serializers.FileField()


class PostImageOutputSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    markdown = serializers.SerializerMethodField()

    class Meta:
        model = PostImage
        fields = ["id", "url", "markdown", "width", "height", "created_at"]
        read_only_fields = fields

    def get_url(self, obj) -> str:
        return obj.image.url

    def get_markdown(self, obj) -> str:
        return f"![]({obj.image.url})"
