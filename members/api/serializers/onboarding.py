"""Onboarding serializers: steps, my checklist, the operators' progress report, introductions."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from communities.api.base import StrictInputMixin
from members.models import OnboardingStep


class OnboardingStepSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("Null for a default step the community has not stored.")
    )

    class Meta:
        model = OnboardingStep
        fields = ["id", "title", "description", "verb", "position"]
        read_only_fields = ["id"]


class OnboardingStepInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = OnboardingStep
        fields = ["title", "description", "verb", "position"]


class ChecklistItemSerializer(serializers.Serializer):
    step = OnboardingStepSerializer(read_only=True)
    done = serializers.BooleanField(read_only=True)


class ProgressRowSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(source="membership.pk", read_only=True)
    username = serializers.CharField(source="membership.user.username", read_only=True)
    joined_at = serializers.DateTimeField(source="membership.joined_at", read_only=True)
    done_count = serializers.IntegerField(read_only=True)
    first_missing_step = serializers.IntegerField(source="missing.pk", read_only=True, allow_null=True)
    first_missing_verb = serializers.CharField(source="missing.verb", read_only=True, allow_null=True)


class StepCountSerializer(serializers.Serializer):
    step = OnboardingStepSerializer(read_only=True)
    stopped_here = serializers.IntegerField(read_only=True)


class ProgressSerializer(serializers.Serializer):
    days = serializers.IntegerField(read_only=True)
    finished = serializers.IntegerField(read_only=True)
    steps = StepCountSerializer(many=True, read_only=True)
    members = ProgressRowSerializer(many=True, read_only=True)


class IntroductionInputSerializer(StrictInputMixin, serializers.Serializer):
    text = serializers.CharField(max_length=1000)


class IntroductionSerializer(serializers.Serializer):
    username = serializers.CharField(source="author.username", read_only=True)
    text = serializers.CharField(read_only=True)
    posted_at = serializers.DateTimeField(read_only=True)
