"""Reports, moderation actions, a member's record and the moderation settings."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from members.models import MemberPolicy, ModerationAction, Report
from members.models.policy import POLICY_RANGES
from members.services.moderation import MAX_MUTE_DAYS


class ReportCreateInputSerializer(StrictInputMixin, serializers.Serializer):
    target_type = serializers.CharField(
        max_length=100, help_text=_('What is reported: "members.membership" or a registered content kind.')
    )
    target_id = serializers.CharField(max_length=64)
    rule = IdField(help_text=_("Id of the rule of this community that was broken."))
    reason = serializers.CharField(max_length=2000)


class ReportOutputSerializer(serializers.ModelSerializer):
    target_type = serializers.SerializerMethodField()
    reporter = serializers.CharField(source="reporter.username", read_only=True, default=None)
    subject_id = serializers.IntegerField(read_only=True, allow_null=True)
    rule = serializers.IntegerField(source="rule_id", read_only=True, allow_null=True)
    rule_title = serializers.CharField(source="rule.title", read_only=True, default=None)

    class Meta:
        model = Report
        fields = [
            "id",
            "target_type",
            "target_id",
            "subject_id",
            "reporter",
            "rule",
            "rule_title",
            "reason",
            "status",
            "created_at",
            "resolved_at",
            "resolution_note",
        ]
        read_only_fields = fields

    def get_target_type(self, report) -> str:
        return f"{report.target_type.app_label}.{report.target_type.model}"


class ModerationInputSerializer(StrictInputMixin, serializers.Serializer):
    """warn, unmute, unban: a reason; warn also takes an optional rule and the report it answers."""

    reason = serializers.CharField(max_length=2000)
    rule = IdField(required=False, allow_null=True)
    report = IdField(required=False, allow_null=True, help_text=_("The report this answers."))


class MuteInputSerializer(ModerationInputSerializer):
    days = serializers.IntegerField(min_value=1, max_value=MAX_MUTE_DAYS)


class BanInputSerializer(ModerationInputSerializer):
    rule = IdField()


class ReasonInputSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ContentRemoveInputSerializer(ReasonInputSerializer):
    rule = IdField(required=False, allow_null=True)


class ModerationActionOutputSerializer(serializers.ModelSerializer):
    subject_id = serializers.IntegerField(read_only=True)
    moderator = serializers.CharField(source="moderator.username", read_only=True, default=None)
    rule = serializers.IntegerField(source="rule_id", read_only=True, allow_null=True)
    report = serializers.IntegerField(source="report_id", read_only=True, allow_null=True)

    class Meta:
        model = ModerationAction
        fields = [
            "id",
            "subject_id",
            "kind",
            "moderator",
            "rule",
            "reason",
            "report",
            "ends_at",
            "created_at",
        ]
        read_only_fields = fields


class DismissOutputSerializer(serializers.Serializer):
    dismissed = serializers.IntegerField(help_text=_("How many open reports were dismissed."))


class LadderStepSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["warn", "mute", "ban"])
    days = serializers.IntegerField(required=False, min_value=1, max_value=MAX_MUTE_DAYS)


class MemberRecordOutputSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField()
    status = serializers.CharField()
    muted_until = serializers.DateTimeField(allow_null=True)
    proposed_step = LadderStepSerializer(allow_null=True)
    actions = ModerationActionOutputSerializer(many=True)


class ModerationSettingsSerializer(StrictInputMixin, serializers.ModelSerializer):
    """The whole settings (PUT replaces them): every field is required, whatever the model's defaults."""

    warning_ladder = LadderStepSerializer(many=True)

    class Meta:
        model = MemberPolicy
        fields = ["report_hide_threshold", "warning_ladder", "penalty_decay_days"]
        extra_kwargs = {
            name: {"required": True, "min_value": POLICY_RANGES[name][0], "max_value": POLICY_RANGES[name][1]}
            for name in ("report_hide_threshold", "penalty_decay_days")
        }
