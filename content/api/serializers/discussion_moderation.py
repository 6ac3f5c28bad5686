"""Serializers of the moderation of discussions: input only (the answers are topics, spaces and the
community's discussion settings)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.dates import sensible_date
from content.models import DiscussionSettings
from content.models.discussions import BODY_MAX, SLOW_MODE_MAX, SLUG_MAX, TITLE_MAX

REASON_MAX = 2000
SPLIT_MAX = 200


class ReasonInputSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=REASON_MAX, required=False, allow_blank=True, default="")


class MoveInputSerializer(ReasonInputSerializer):
    space = serializers.SlugField(max_length=SLUG_MAX, help_text=_("The address (slug) of the space."))


class SplitInputSerializer(ReasonInputSerializer):
    reply_ids = serializers.ListField(child=IdField(), min_length=1, max_length=SPLIT_MAX)
    title = serializers.CharField(max_length=TITLE_MAX)
    body = serializers.CharField(max_length=BODY_MAX)


class SlowModeInputSerializer(StrictInputMixin, serializers.Serializer):
    minutes = serializers.IntegerField(
        min_value=0, max_value=SLOW_MODE_MAX, help_text=_("Minutes between two posts of a member; 0: off.")
    )


class ReadOnlyInputSerializer(ReasonInputSerializer):
    until = serializers.DateTimeField(
        allow_null=True,
        validators=[sensible_date],
        help_text=_("Read-only until this time (within 30 days); null ends it now."),
    )


class DiscussionSettingsOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = DiscussionSettings
        fields = ["read_only_until"]
        read_only_fields = fields
