"""Membership serializers: what a caller sees of their own membership and of other members."""

from rest_framework import serializers

from communities.api.base import RulesVersionField, StrictInputMixin
from members.models import Membership


class MembershipOutputSerializer(serializers.ModelSerializer):
    community = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    accepted_rules_version = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = ["community", "role", "status", "joined_at", "left_at", "accepted_rules_version"]
        read_only_fields = fields


class MembershipJoinInputSerializer(StrictInputMixin, serializers.Serializer):
    accepted_rules_version = RulesVersionField(required=False, allow_null=True)
