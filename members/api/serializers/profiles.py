"""Profile serializers: a member's profile as the caller may see it, my profile input, notes and tags."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import PrebuiltFieldsMixin, StrictInputMixin
from communities.markdown import render_markdown
from members.models import MemberNote, Membership, MemberTag, ProfileVisibility
from members.selectors.profiles import is_operator, profile_of, profile_visible, skills_of, tags_of


class ProfileFieldsSerializer(serializers.Serializer):
    display_name = serializers.CharField(read_only=True)
    bio = serializers.CharField(read_only=True)
    bio_html = serializers.CharField(
        read_only=True, help_text=_("The bio rendered from Markdown and sanitised.")
    )
    skill_level = serializers.CharField(read_only=True)
    skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    learning_needs = serializers.CharField(read_only=True)
    goals = serializers.CharField(read_only=True)
    interests = serializers.CharField(read_only=True)
    links = serializers.ListField(child=serializers.URLField(), read_only=True)
    visibility = serializers.ChoiceField(choices=ProfileVisibility.choices, read_only=True)


def profile_data(membership: Membership, viewer) -> dict | None:
    """The profile fields of `membership` as `viewer` may see them (None when hidden); uses prefetches."""
    profile = profile_of(membership)
    if not profile_visible(profile, viewer=viewer, owner=membership):
        return None
    skills = skills_of(membership)
    if profile is None:
        return {
            "display_name": "",
            "bio": "",
            "bio_html": "",
            "skill_level": "",
            "skills": skills,
            "learning_needs": "",
            "goals": "",
            "interests": "",
            "links": [],
            "visibility": ProfileVisibility.MEMBERS,
        }
    return {
        "display_name": profile.display_name,
        "bio": profile.bio,
        "bio_html": str(render_markdown(profile.bio)),
        "skill_level": profile.skill_level,
        "skills": skills,
        "learning_needs": profile.learning_needs,
        "goals": profile.goals,
        "interests": profile.interests,
        "links": profile.links,
        "visibility": profile.visibility,
    }


class MemberDirectorySerializer(PrebuiltFieldsMixin, serializers.ModelSerializer):
    """A directory row: the membership, and its profile when the caller may read it (else null)."""

    user_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)
    display_name = serializers.CharField(source="user.display_name", read_only=True)
    last_active = serializers.DateTimeField(read_only=True, allow_null=True)
    profile = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField(help_text=_("Operators' tags; present for operators only."))

    class Meta:
        model = Membership
        fields = [
            "id",
            "user_id",
            "username",
            "display_name",
            "role",
            "joined_at",
            "last_active",
            "profile",
            "tags",
        ]
        read_only_fields = fields
        optional_fields = ["tags"]  # for the schema (communities.api.schema): absent for non-operators

    def get_fields(self):
        """Leave `tags` out for callers who are not operators (before it is computed: no wasted query).

        Schema generation has no resolved community on its request, so the schema keeps the field.
        """
        fields = super().get_fields()
        request = self.context.get("request")
        if hasattr(request, "membership") and not is_operator(request.membership):
            fields.pop("tags")
        return fields

    def get_tags(self, membership) -> list[str]:
        return tags_of(membership)

    @extend_schema_field(ProfileFieldsSerializer(allow_null=True))
    def get_profile(self, membership) -> dict | None:
        return profile_data(membership, self.context["request"].membership)


class ProfileInputSerializer(StrictInputMixin, serializers.Serializer):
    display_name = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    bio = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    skill_level = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    skills = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list, max_length=100
    )
    learning_needs = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    goals = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    interests = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    links = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, default=list, max_length=20
    )
    visibility = serializers.ChoiceField(choices=ProfileVisibility.choices, default=ProfileVisibility.MEMBERS)


class NoteSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True, allow_null=True)

    class Meta:
        model = MemberNote
        fields = ["id", "body", "author", "created_at"]
        read_only_fields = ["id", "author", "created_at"]


class NoteInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=4000)


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = MemberTag
        fields = ["id", "name", "created_at"]
        read_only_fields = fields


class TagInputSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=40)
