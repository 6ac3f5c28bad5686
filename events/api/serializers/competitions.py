"""Serializers of competitions: input and output kept apart."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from communities.api.base import IdField, StrictInputMixin
from communities.dates import sensible_date
from communities.images import ImageUploadSerializerField
from communities.markdown import render_markdown
from events.models import Competition, Criterion, Entry, Judge, Score, Vote
from events.models.competitions import (
    COMMENT_MAX,
    ENTRY_IMAGES_MAX,
    REASON_MAX,
    SCORE_MAX,
    SCORE_MIN,
    TEAM_SIZE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    URL_MAX,
    WEIGHT_MAX,
    WEIGHT_MIN,
)


class CompetitionOutputSerializer(serializers.ModelSerializer):
    event = serializers.IntegerField(source="event_id", read_only=True)
    deadline = serializers.SerializerMethodField()
    judging_closed = serializers.BooleanField(read_only=True)
    results_published = serializers.BooleanField(read_only=True)

    class Meta:
        model = Competition
        fields = [
            "event",
            "entries_close_at",
            "deadline",
            "max_team_size",
            "members_vote",
            "judging_closed",
            "judging_closed_at",
            "results_published",
            "results_published_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField())
    def get_deadline(self, competition):
        return serializers.DateTimeField().to_representation(competition.deadline(competition.event))


class CompetitionInputSerializer(StrictInputMixin, serializers.Serializer):
    entries_close_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, validators=[sensible_date],
        help_text=_("Null: entries close when the event ends."),
    )  # fmt: skip
    max_team_size = serializers.IntegerField(min_value=1, max_value=TEAM_SIZE_MAX, required=False, default=1)
    members_vote = serializers.BooleanField(required=False, default=False)


class EventCriterionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "name", "description", "weight", "position"]
        read_only_fields = fields


class EventCriterionInputSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=80)
    description = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    weight = serializers.IntegerField(min_value=WEIGHT_MIN, max_value=WEIGHT_MAX, required=False, default=1)


class JudgeOutputSerializer(serializers.ModelSerializer):
    membership_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="membership.user.username", read_only=True)
    name = serializers.CharField(source="membership.user.name", read_only=True)

    class Meta:
        model = Judge
        fields = ["id", "membership_id", "username", "name"]
        read_only_fields = fields


class JudgeInputSerializer(StrictInputMixin, serializers.Serializer):
    membership = IdField(help_text=_("The membership id of an active member."))


class EntryMemberSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="membership.user.username", read_only=True)
    name = serializers.CharField(source="membership.user.name", read_only=True)


class EntryOutputSerializer(serializers.ModelSerializer):
    submitted_by = serializers.SerializerMethodField()
    link = serializers.CharField(read_only=True, help_text=_("A web address, or empty."))
    description_html = serializers.SerializerMethodField()
    members = serializers.SerializerMethodField()
    images = serializers.SerializerMethodField()
    judge_score = serializers.SerializerMethodField()
    rank = serializers.SerializerMethodField()

    class Meta:
        model = Entry
        fields = [
            "id",
            "title",
            "description",
            "description_html",
            "link",
            "team_name",
            "submitted_by",
            "members",
            "member_count",
            "images",
            "vote_count",
            "judge_score",
            "rank",
            "created_at",
            "edited_at",
            "withdrawn_at",
            "disqualified",
            "withdrawal_reason",
        ]
        read_only_fields = fields

    def _results_shown(self) -> bool:
        return bool(self.context.get("results_shown"))

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_submitted_by(self, entry):
        """The submitter's username, for those who may see the members (null otherwise)."""
        return entry.submitted_by.user.username if self.context.get("names_shown") else None

    @extend_schema_field(EntryMemberSerializer(many=True))
    def get_members(self, entry):
        """The entry's members, for those who may see the members (empty otherwise)."""
        if not self.context.get("names_shown"):
            return []
        return EntryMemberSerializer(entry.members.all(), many=True).data

    def get_description_html(self, entry) -> str:
        return render_markdown(entry.description)

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_images(self, entry) -> list[str]:
        request = self.context.get("request")
        urls = [image.image.url for image in entry.images.all()]
        return [request.build_absolute_uri(url) for url in urls] if request is not None else urls

    @extend_schema_field(serializers.DecimalField(max_digits=6, decimal_places=3, allow_null=True))
    def get_judge_score(self, entry):
        """Shown once the results are (null before: judging is blind)."""
        if not self._results_shown() or entry.judge_score is None:
            return None
        return serializers.DecimalField(max_digits=6, decimal_places=3).to_representation(entry.judge_score)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_rank(self, entry):
        return entry.rank if self._results_shown() else None


class EntryInputSerializer(StrictInputMixin, serializers.Serializer):
    """JSON, or multipart with the images as repeated `images` parts."""

    title = serializers.CharField(max_length=TITLE_MAX)
    description = serializers.CharField(max_length=TEXT_MAX)
    link = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True, default="")
    team_name = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    member_ids = serializers.ListField(
        child=IdField(), max_length=TEAM_SIZE_MAX, required=False, default=list,
        help_text=_("A team entry's other members (membership ids); needs a team name."),
    )  # fmt: skip
    images = serializers.ListField(
        child=ImageUploadSerializerField(), max_length=ENTRY_IMAGES_MAX, required=False, default=list
    )


class EntryEditInputSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX, required=False)
    description = serializers.CharField(max_length=TEXT_MAX, required=False)
    link = serializers.URLField(max_length=URL_MAX, required=False, allow_blank=True)


class DisqualifyInputSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(
        max_length=REASON_MAX, help_text=_("Why: the entry's members read it in their notice.")
    )


class ScoreInputItemSerializer(StrictInputMixin, serializers.Serializer):
    criterion = IdField()
    value = serializers.IntegerField(min_value=SCORE_MIN, max_value=SCORE_MAX)
    comment = serializers.CharField(max_length=COMMENT_MAX, required=False, allow_blank=True, default="")


class ScoresInputSerializer(StrictInputMixin, serializers.Serializer):
    scores = ScoreInputItemSerializer(many=True, help_text=_("One item per criterion of the competition."))


class EntryScoreOutputSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(source="entry_id", read_only=True)
    criterion = serializers.IntegerField(source="criterion_id", read_only=True)
    criterion_name = serializers.CharField(source="criterion.name", read_only=True)

    class Meta:
        model = Score
        fields = ["id", "entry", "criterion", "criterion_name", "value", "comment", "updated_at"]
        read_only_fields = fields


class VoteOutputSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(source="entry_id", read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Vote
        fields = ["entry", "created_at"]
        read_only_fields = fields
