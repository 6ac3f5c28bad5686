"""Recruitment serializers: invitations, join links, referral link, growth report (input and output apart)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import RulesVersionField, StrictInputMixin
from communities.dates import sensible_date
from communities.roles import Role
from members.models import Invitation, JoinLink, JoinSource, Membership
from members.models.recruitment import MAX_INVITATION_USES
from members.selectors.recruitment import invitation_status, site_url


class InvitationOutputSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    created_by = serializers.CharField(
        source="created_by.username", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Invitation
        fields = [
            "id",
            "code",
            "label",
            "role",
            "max_uses",
            "uses_count",
            "expires_at",
            "revoked_at",
            "status",
            "url",
            "created_by",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["active", "revoked", "expired", "exhausted"]))
    def get_status(self, obj) -> str:
        return invitation_status(obj)

    def get_url(self, obj) -> str:
        return site_url(
            self.context["request"],
            reverse("members:invite", args=[self.context["community"].slug, obj.code]),
        )


class InvitationInputSerializer(StrictInputMixin, serializers.Serializer):
    label = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(
        choices=[value for value in Role.values if value != Role.OWNER], required=False, default=Role.MEMBER
    )
    max_uses = serializers.IntegerField(
        min_value=1, max_value=MAX_INVITATION_USES, required=False, allow_null=True, default=None
    )
    expires_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, validators=[sensible_date]
    )


class InvitationAcceptInputSerializer(StrictInputMixin, serializers.Serializer):
    code = serializers.CharField(max_length=32)
    accepted_rules_version = RulesVersionField(required=False, allow_null=True)


class RecruitedMemberOutputSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    display_name = serializers.CharField(source="user.display_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "username", "display_name", "role", "status", "source", "source_tag", "joined_at"]
        read_only_fields = fields


class JoinLinkOutputSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    qr_url = serializers.SerializerMethodField()
    members_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = JoinLink
        fields = [
            "id",
            "code",
            "channel",
            "source_tag",
            "retired_at",
            "url",
            "qr_url",
            "members_count",
            "created_at",
        ]
        read_only_fields = fields

    def get_url(self, obj) -> str:
        return site_url(
            self.context["request"],
            reverse("members:join-link", args=[self.context["community"].slug, obj.code]),
        )

    def get_qr_url(self, obj) -> str:
        return site_url(
            self.context["request"],
            reverse("members:join-link-qr", args=[self.context["community"].slug, obj.pk]),
        )


class JoinLinkInputSerializer(StrictInputMixin, serializers.Serializer):
    channel = serializers.CharField(max_length=80)
    source_tag = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class ReferralOutputSerializer(serializers.Serializer):
    code = serializers.CharField(
        allow_null=True, help_text=_("Your personal referral code in this community; null until made.")
    )
    url = serializers.CharField(
        allow_null=True, help_text=_("Share this link: who joins through it is recorded as yours.")
    )
    referred_count = serializers.IntegerField()


class GrowthSourceSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=JoinSource.choices)
    source_tag = serializers.CharField()
    count = serializers.IntegerField()


class GrowthRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="__str__")
    joined_count = serializers.IntegerField()


class GrowthReferrerSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.username")
    brought_count = serializers.IntegerField()
    brought = serializers.SerializerMethodField()

    def get_brought(self, obj) -> list[str]:
        return [member.user.username for member in obj.brought]


class GrowthOutputSerializer(serializers.Serializer):
    days = serializers.IntegerField(allow_null=True, help_text=_("The period in days; null for all time."))
    total = serializers.IntegerField()
    by_source = GrowthSourceSerializer(many=True)
    by_invitation = GrowthRowSerializer(many=True)
    by_join_link = GrowthRowSerializer(many=True)
    referrers = GrowthReferrerSerializer(many=True)


class GrowthQuerySerializer(serializers.Serializer):
    days = serializers.ChoiceField(choices=["7", "30", "90", "365", "all"], required=False, default="30")
