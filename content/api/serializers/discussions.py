"""Serializers of spaces and discussions: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.markdown import render_markdown
from communities.validators import MAX_POSITION
from content.api.serializers.questions import AuthorSerializer
from content.models import Reply, Space, SpaceMember, Topic
from content.models.discussions import (
    BODY_MAX,
    DESCRIPTION_MAX,
    NAME_MAX,
    SLOW_MODE_MAX,
    SLUG_MAX,
    TITLE_MAX,
    Emoji,
    Joining,
    WhoMayPost,
)
from content.rendering import render_post_markdown


class ReactionCountsSerializer(serializers.Serializer):
    """The stored count of each reaction."""

    thumbs_up = serializers.IntegerField(source="react_thumbs_up")
    heart = serializers.IntegerField(source="react_heart")
    laugh = serializers.IntegerField(source="react_laugh")
    celebrate = serializers.IntegerField(source="react_celebrate")
    insightful = serializers.IntegerField(source="react_insightful")


class SpaceOutputSerializer(serializers.ModelSerializer):
    description_html = serializers.SerializerMethodField()
    is_member = serializers.SerializerMethodField(help_text=_("Whether the caller is a member of the space."))
    readable = serializers.SerializerMethodField(help_text=_("Whether the caller may read its topics."))

    class Meta:
        model = Space
        fields = [
            "id",
            "name",
            "slug",
            "description",
            "description_html",
            "position",
            "who_may_post",
            "joining",
            "members_only",
            "slow_mode_minutes",
            "read_only_until",
            "topic_count",
            "member_count",
            "last_activity_at",
            "is_member",
            "readable",
        ]
        read_only_fields = fields

    def get_description_html(self, space: Space) -> str:
        return str(render_markdown(space.description))

    def get_is_member(self, space: Space) -> bool:
        return space.pk in self.context["member_of"]

    def get_readable(self, space: Space) -> bool:
        return not space.members_only or self.context["sees_all"] or space.pk in self.context["member_of"]


class SpaceInputSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=NAME_MAX)
    slug = serializers.CharField(max_length=SLUG_MAX, required=False, allow_blank=True, default="")
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX, required=False, allow_blank=True, default=""
    )
    position = serializers.IntegerField(min_value=0, max_value=MAX_POSITION, required=False, default=0)
    who_may_post = serializers.ChoiceField(choices=WhoMayPost.choices, required=False, default="everyone")
    joining = serializers.ChoiceField(choices=Joining.choices, required=False, default="none")
    members_only = serializers.BooleanField(required=False, default=False)
    slow_mode_minutes = serializers.IntegerField(
        min_value=0, max_value=SLOW_MODE_MAX, required=False, default=0
    )


class SpaceUpdateSerializer(SpaceInputSerializer):
    """Every field optional: only those given change."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.required = False
            field.default = serializers.empty
        return fields


class SpaceMemberOutputSerializer(serializers.ModelSerializer):
    member = AuthorSerializer(source="membership", read_only=True)
    username = serializers.CharField(source="membership.user.username", read_only=True)

    class Meta:
        model = SpaceMember
        fields = ["member", "username", "created_at"]
        read_only_fields = fields


class SpaceMemberInputSerializer(StrictInputMixin, serializers.Serializer):
    membership_id = IdField(help_text=_("An active member of the community."))


class SpaceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


class TopicOutputSerializer(serializers.ModelSerializer):
    space = SpaceRefSerializer(read_only=True)
    author = AuthorSerializer(read_only=True)
    body_html = serializers.SerializerMethodField()
    reactions = serializers.SerializerMethodField()
    my_reactions = serializers.SerializerMethodField(
        help_text=_("The reactions the caller gave the topic (on its own page; empty in lists).")
    )

    class Meta:
        model = Topic
        fields = [
            "id",
            "space",
            "author",
            "title",
            "body",
            "body_html",
            "is_prompt",
            "pinned_at",
            "locked_at",
            "closed_at",
            "read_only_until",
            "slow_mode_minutes",
            "reply_count",
            "reactions",
            "my_reactions",
            "last_activity_at",
            "edited_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_body_html(self, topic: Topic) -> str:
        return str(render_post_markdown(topic.body))

    @extend_schema_field(ReactionCountsSerializer)
    def get_reactions(self, topic: Topic) -> dict:
        return topic.reaction_counts

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Emoji.choices)))
    def get_my_reactions(self, topic: Topic) -> list[str]:
        mine = self.context.get("mine", set())
        return sorted(emoji for reply_id, emoji in mine if reply_id is None)


class TopicInputSerializer(StrictInputMixin, serializers.Serializer):
    space = serializers.SlugField(max_length=SLUG_MAX, help_text=_("The address (slug) of the space."))
    title = serializers.CharField(max_length=TITLE_MAX)
    body = serializers.CharField(max_length=BODY_MAX)
    is_prompt = serializers.BooleanField(
        required=False, default=False, help_text=_("Prompt of the week (operators).")
    )


class TopicUpdateSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX, required=False)
    body = serializers.CharField(max_length=BODY_MAX, required=False)


class ReplyOutputSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    body_html = serializers.SerializerMethodField()
    reactions = serializers.SerializerMethodField()
    my_reactions = serializers.SerializerMethodField(help_text=_("The reactions the caller gave the reply."))

    class Meta:
        model = Reply
        fields = [
            "id",
            "topic_id",
            "parent_id",
            "quoted_id",
            "quote",
            "author",
            "body",
            "body_html",
            "reactions",
            "my_reactions",
            "edited_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_body_html(self, reply: Reply) -> str:
        return str(render_post_markdown(reply.body))

    @extend_schema_field(ReactionCountsSerializer)
    def get_reactions(self, reply: Reply) -> dict:
        return reply.reaction_counts

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Emoji.choices)))
    def get_my_reactions(self, reply: Reply) -> list[str]:
        mine = self.context.get("mine", set())
        return sorted(emoji for reply_id, emoji in mine if reply_id == reply.pk)


class ReplyInputSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX)
    parent_id = IdField(
        required=False, allow_null=True, default=None,
        help_text=_("A reply of this topic to answer (a nested reply attaches to its top-level parent)."),
    )  # fmt: skip
    quoted_id = IdField(
        required=False, allow_null=True, default=None, help_text=_("A reply of this topic to quote.")
    )


class ReplyUpdateSerializer(StrictInputMixin, serializers.Serializer):
    body = serializers.CharField(max_length=BODY_MAX)


class ReactionInputSerializer(StrictInputMixin, serializers.Serializer):
    emoji = serializers.ChoiceField(choices=Emoji.choices)


class ReactionOutputSerializer(serializers.Serializer):
    emoji = serializers.ChoiceField(choices=Emoji.choices)
    reacted = serializers.BooleanField(
        help_text=_("Whether the caller's reaction is there after the toggle.")
    )
    reactions = ReactionCountsSerializer(help_text=_("The counts after the toggle."))


class MentionSuggestionSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.username")
    name = serializers.CharField(source="user.name")
