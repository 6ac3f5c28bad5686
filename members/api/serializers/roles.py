"""Roles: change a role, transfer ownership, remove a member; the People list."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import StrictInputMixin
from communities.roles import Role
from members.models import Membership


class RoleChangeInputSerializer(StrictInputMixin, serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class OwnershipTransferInputSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class MemberRemoveInputSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text=_("Why; kept in the audit log."))


class MemberRoleOutputSerializer(serializers.ModelSerializer):
    user_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)
    display_name = serializers.CharField(source="user.display_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user_id", "username", "display_name", "role", "status", "joined_at", "left_at"]
        read_only_fields = fields
