"""Poll and follow serializers: input and output kept apart. A poll is read as the caller sees it
(content.selectors.polls.PollView): counts only once they may see the results."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.dates import sensible_date
from content.models.polls import OPTION_MAX, OPTIONS_MAX, QUESTION_MAX, PollResults


class PollOptionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    position = serializers.IntegerField()
    vote_count = serializers.IntegerField(
        allow_null=True,
        help_text=_("Null while the caller may not see the results (before voting, or before closing)."),
    )
    chosen = serializers.BooleanField(help_text=_("The caller chose this option."))


class PollOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="poll.pk")
    topic_id = serializers.IntegerField(source="poll.topic_id")
    question = serializers.CharField(source="poll.question")
    multiple = serializers.BooleanField(source="poll.multiple")
    results = serializers.ChoiceField(source="poll.results", choices=PollResults.choices)
    closes_at = serializers.DateTimeField(source="poll.closes_at", allow_null=True)
    closed_at = serializers.DateTimeField(source="poll.closed_at", allow_null=True)
    is_closed = serializers.BooleanField(source="closed")
    voted = serializers.BooleanField(help_text=_("The caller voted in this poll."))
    voter_count = serializers.SerializerMethodField(
        help_text=_("Null while the caller may not see the results.")
    )
    options = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(source="poll.created_at")

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_voter_count(self, view) -> int | None:
        return view.poll.voter_count if view.show_results else None

    @extend_schema_field(PollOptionOutputSerializer(many=True))
    def get_options(self, view) -> list:
        chosen = view.chosen or set()
        rows = [
            {
                "id": option.pk,
                "text": option.text,
                "position": option.position,
                "vote_count": option.vote_count if view.show_results else None,
                "chosen": option.pk in chosen,
            }
            for option in view.options
        ]
        return PollOptionOutputSerializer(rows, many=True).data


class PollInputSerializer(StrictInputMixin, serializers.Serializer):
    question = serializers.CharField(max_length=QUESTION_MAX)
    options = serializers.ListField(
        child=serializers.CharField(max_length=OPTION_MAX),
        max_length=OPTIONS_MAX,
        help_text=_("From 2 to 10 options, in order."),
    )
    multiple = serializers.BooleanField(required=False, default=False)
    closes_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, validators=[sensible_date]
    )
    results = serializers.ChoiceField(
        choices=PollResults.choices, required=False, default=PollResults.AFTER_VOTING
    )


class PollVoteInputSerializer(StrictInputMixin, serializers.Serializer):
    options = serializers.ListField(
        child=IdField(),
        max_length=OPTIONS_MAX,
        help_text=_("The ids of the chosen options: one for a single-choice poll."),
    )


class FollowOutputSerializer(serializers.Serializer):
    topic_id = serializers.IntegerField()
    following = serializers.BooleanField()
