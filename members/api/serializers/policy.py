"""Member policy: the output and the (partial, strictly validated) input of PATCH."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import StrictInputMixin
from members.models import MemberPolicy
from members.models.policy import POLICY_RANGES


def _days(name: str) -> serializers.IntegerField:
    low, high = POLICY_RANGES[name]
    return serializers.IntegerField(required=False, min_value=low, max_value=high)


class MemberPolicyOutputSerializer(serializers.ModelSerializer):
    updated_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text=_("Null while the community keeps the defaults.")
    )

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
    """Types and ranges; the service checks the ranges again and the JSON shapes, field by field."""

    reapply_cooldown_days = _days("reapply_cooldown_days")
    welcome_message = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    newcomer_guide = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    skill_levels = serializers.ListField(child=serializers.CharField(allow_blank=True), required=False)
    trust_thresholds = serializers.DictField(required=False)
    trust_lookback_days = _days("trust_lookback_days")
    trust_demotion_grace_days = _days("trust_demotion_grace_days")
    new_member_limits = serializers.DictField(required=False)
