"""Membership serializers: what a caller sees of their own membership and of other members."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import RulesVersionField, StrictInputMixin
from members.models import Membership


class MembershipOutputSerializer(serializers.ModelSerializer):
    community = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    accepted_rules_version = serializers.IntegerField(read_only=True, allow_null=True)
    pending_rules_version = serializers.IntegerField(
        source="rules_pending",
        read_only=True,
        allow_null=True,
        help_text=_(
            "The rules version to accept (POST membership/accept-rules/) before taking part again; "
            "null when there is none."
        ),
    )

    class Meta:
        model = Membership
        fields = [
            "community",
            "role",
            "status",
            "joined_at",
            "left_at",
            "accepted_rules_version",
            "pending_rules_version",
        ]
        read_only_fields = fields


class ArrivalInputSerializer(serializers.Serializer):
    """Where the caller came from, as the site records it from a join link, `?ref=`, `?src=`, `?via=`.

    Shared by joining and applying. Unknown or inactive codes are ignored (the way in is then direct), as
    on the site; `arrival()` gives the values in the shape of `communities.arrival`.
    """

    join_link = serializers.CharField(
        required=False, allow_blank=True, max_length=32, help_text=_("The code of the join link followed.")
    )
    ref = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=16,
        help_text=_("The referral code of the member who sent you."),
    )
    src = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text=_("A campaign tag, such as newsletter.")
    )
    via = serializers.ChoiceField(
        choices=["directory"],
        required=False,
        help_text=_("directory: found through the community directory."),
    )

    ARRIVAL_KEYS = {"join_link": "link", "ref": "ref", "src": "src", "via": "via"}

    def arrival(self) -> dict[str, str]:
        return {
            key: self.validated_data[name]
            for name, key in self.ARRIVAL_KEYS.items()
            if self.validated_data.get(name)
        }


class RulesAcceptInputSerializer(StrictInputMixin, serializers.Serializer):
    accepted_rules_version = RulesVersionField(help_text=_("The current rules version, as read."))


class MembershipJoinInputSerializer(StrictInputMixin, ArrivalInputSerializer):
    accepted_rules_version = RulesVersionField(required=False, allow_null=True)
