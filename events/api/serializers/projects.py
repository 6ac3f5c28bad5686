"""Serializers of project collaborations: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import StrictInputMixin
from communities.images import ImageUploadSerializerField
from communities.markdown import render_markdown
from events.models import Collaboration, Project, ProjectMember, ProjectUpdate
from events.models.projects import TEAM_SIZE_MAX, TEXT_MAX, TITLE_MAX, UPDATE_MAX, URL_MAX


class CollaborationSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = Collaboration
        fields = ["max_team_size"]
        extra_kwargs = {"max_team_size": {"required": True, "min_value": 1, "max_value": TEAM_SIZE_MAX}}


class TeamMemberOutputSerializer(serializers.ModelSerializer):
    membership_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="membership.user.username", read_only=True)
    name = serializers.CharField(source="membership.user.name", read_only=True)

    class Meta:
        model = ProjectMember
        fields = ["membership_id", "username", "name", "created_at"]
        read_only_fields = fields


class ProjectOutputSerializer(serializers.ModelSerializer):
    proposed_by = serializers.SerializerMethodField()
    description_html = serializers.SerializerMethodField()
    members = serializers.SerializerMethodField()
    showcased = serializers.BooleanField(source="is_showcased", read_only=True)
    showcase_link = serializers.CharField(read_only=True, help_text=_("A web address, or empty."))
    showcase_image = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "description",
            "description_html",
            "proposed_by",
            "members",
            "member_count",
            "update_count",
            "showcased",
            "showcased_at",
            "showcase_description",
            "showcase_link",
            "showcase_image",
            "created_at",
        ]
        read_only_fields = fields

    def get_description_html(self, project) -> str:
        return render_markdown(project.description)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_proposed_by(self, project):
        """The proposer's username, for those who may see the members (null otherwise)."""
        return project.proposed_by.user.username if self.context.get("names_shown") else None

    @extend_schema_field(TeamMemberOutputSerializer(many=True))
    def get_members(self, project):
        """The team, for those who may see the members (empty otherwise)."""
        if not self.context.get("names_shown"):
            return []
        return TeamMemberOutputSerializer(project.members.all(), many=True).data

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_showcase_image(self, project):
        if not project.showcase_image:
            return None
        request = self.context.get("request")
        url = project.showcase_image.url
        return request.build_absolute_uri(url) if request is not None else url


class ProjectInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX)
    description = serializers.CharField(max_length=TEXT_MAX)


class ShowcaseInputSerializer(StrictInputMixin, serializers.Serializer):
    """JSON, or multipart with an `image` part."""

    description = serializers.CharField(max_length=TEXT_MAX)
    link = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True, default="")
    image = ImageUploadSerializerField(required=False, allow_null=True, default=None)


class UpdateOutputSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()

    class Meta:
        model = ProjectUpdate
        fields = ["id", "author", "body", "body_html", "created_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_author(self, update):
        return update.author.user.username if self.context.get("names_shown") else None

    def get_body_html(self, update) -> str:
        return render_markdown(update.body)


class UpdateInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=UPDATE_MAX)
