"""Relationship log: followed members, touchpoints and cadences (inputs and outputs apart)."""

from rest_framework import serializers

from communities.api.base import StrictInputMixin
from communities.dates import sensible_date
from members.models import ContactCadence, Membership, Touchpoint
from members.services.relationships import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS


class RelationshipOutputSerializer(serializers.ModelSerializer):
    membership_id = serializers.IntegerField(source="pk", read_only=True)
    user_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)
    tags = serializers.SerializerMethodField()
    every_days = serializers.IntegerField(read_only=True, allow_null=True)
    caretaker = serializers.CharField(source="caretaker_name", read_only=True, allow_null=True)
    last_touchpoint_at = serializers.DateTimeField(source="last_touch", read_only=True, allow_null=True)
    due_on = serializers.DateField(read_only=True, allow_null=True)
    overdue = serializers.BooleanField(read_only=True)
    trend = serializers.ListField(child=serializers.IntegerField(), read_only=True)

    class Meta:
        model = Membership
        fields = [
            "membership_id",
            "user_id",
            "username",
            "role",
            "trust_level",
            "tags",
            "every_days",
            "caretaker",
            "last_touchpoint_at",
            "due_on",
            "overdue",
            "trend",
        ]
        read_only_fields = fields

    def get_tags(self, membership) -> list[str]:
        return [tag.name for tag in membership.followed_tags]


class TouchpointOutputSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Touchpoint
        fields = ["id", "membership", "kind", "note", "happened_at", "author", "created_at"]
        read_only_fields = fields


class TouchpointInputSerializer(StrictInputMixin, serializers.Serializer):
    kind = serializers.ChoiceField(choices=Touchpoint.Kind.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000, default="")
    happened_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, validators=[sensible_date]
    )


class CadenceOutputSerializer(serializers.ModelSerializer):
    caretaker = serializers.CharField(
        source="caretaker.username", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = ContactCadence
        fields = ["membership", "every_days", "caretaker", "updated_at"]
        read_only_fields = fields


class CadenceInputSerializer(StrictInputMixin, serializers.Serializer):
    every_days = serializers.IntegerField(min_value=MIN_CADENCE_DAYS, max_value=MAX_CADENCE_DAYS)
    caretaker = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None)
