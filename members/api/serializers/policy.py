"""Member policy: the output and the (partial, strictly validated) input of PATCH."""

from rest_framework import serializers

from communities.api.base import StrictInputMixin
from members.models import MemberPolicy


class MemberPolicyOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = MemberPolicy
        fields = [
            "reapply_cooldown_days",
            "welcome_message",
            "newcomer_guide",
            "skill_levels",
            "trust_thresholds",
            "trust_lookback_days",
            "trust_demotion_grace_days",
            "new_member_limits",
            "updated_at",
        ]
        read_only_fields = fields


class MemberPolicyInputSerializer(StrictInputMixin, serializers.Serializer):
    """Types only; the service checks ranges and the JSON shapes, field by field."""

    reapply_cooldown_days = serializers.IntegerField(required=False)
    welcome_message = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    newcomer_guide = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    skill_levels = serializers.ListField(child=serializers.CharField(allow_blank=True), required=False)
    trust_thresholds = serializers.DictField(required=False)
    trust_lookback_days = serializers.IntegerField(required=False)
    trust_demotion_grace_days = serializers.IntegerField(required=False)
    new_member_limits = serializers.DictField(required=False)
