"""Competitions over the API: the rules, criteria, judges, entries, a judge's own scores, the
leaderboard and the members' vote (withdrawals: events.api.views.withdrawals). Every route names its
event; another kind of event, or one the caller may not see, is a 404 (competition_not_found)."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from events.api.serializers import competitions as s
from events.api.views.scoped import EventScopedMixin
from events.models import Criterion, Entry, Judge, Score
from events.selectors import competitions as selectors
from events.services.competitions import entries as entry_services
from events.services.competitions import judging as judging_services
from events.services.competitions import results as result_services
from events.services.competitions import rules as rule_services
from events.services.competitions import votes as vote_services

MANAGE = "manage_events"


class CompetitionMixin(EventScopedMixin):
    """The competition the URL names, loaded once per request."""

    event_selector = staticmethod(selectors.competition_event_get)

    @cached_property
    def competition(self):
        return selectors.competition_for(community=self.request.community, event=self.event)

    def entry(self):
        return selectors.entry_get(
            community=self.request.community,
            event=self.event,
            entry_id=self.kwargs["entry_id"],
            membership=self.request.membership,
        )


@extend_schema_view(
    retrieve=extend_schema(summary=_("A competition's rules and phase (deadline, team size, vote, judging)")),
    update=extend_schema(
        summary=_("Set a competition's deadline, largest team and members' vote"),
        request=s.CompetitionInputSerializer,
        responses={200: s.CompetitionOutputSerializer},
    ),
)
class CompetitionViewSet(CompetitionMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    serializer_class = s.CompetitionOutputSerializer
    capability = {
        "retrieve": None,
        "update": MANAGE,
        "close_judging": MANAGE,
        "reopen_judging": MANAGE,
        "publish": MANAGE,
    }

    def get_object(self):
        competition = self.competition
        competition.event = self.event
        return competition

    def update(self, request, community_slug, event_id):
        serializer = s.CompetitionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        competition = rule_services.competition_update(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        competition.event = self.event
        return Response(self.get_serializer(competition).data)

    @extend_schema(
        summary=_("Close judging: store each entry's weighted score and place"),
        request=None,
        responses={200: s.CompetitionOutputSerializer},
    )
    def close_judging(self, request, community_slug, event_id):
        competition = judging_services.judging_close(
            actor=request.user, community=request.community, event=self.event
        )
        competition.event = self.event
        return Response(self.get_serializer(competition).data)

    @extend_schema(
        summary=_("Reopen judging before the results are published: places cleared, judges told"),
        request=None,
        responses={200: s.CompetitionOutputSerializer},
    )
    def reopen_judging(self, request, community_slug, event_id):
        competition = judging_services.judging_reopen(
            actor=request.user, community=request.community, event=self.event
        )
        competition.event = self.event
        return Response(self.get_serializer(competition).data)

    @extend_schema(
        summary=_("Publish the results: the leaderboard, the awards and the winners' notices"),
        request=None,
        responses={200: s.CompetitionOutputSerializer},
    )
    def publish(self, request, community_slug, event_id):
        competition = result_services.results_publish(
            actor=request.user, community=request.community, event=self.event
        )
        competition.event = self.event
        return Response(self.get_serializer(competition).data)


@extend_schema_view(
    list=extend_schema(summary=_("A competition's judging criteria and their weights")),
    create=extend_schema(
        summary=_("Add a weighted criterion"),
        request=s.EventCriterionInputSerializer,
        responses={201: s.EventCriterionOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a criterion and its scores (while judging is open)")),
)
class CriterionViewSet(CompetitionMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Criterion.objects.none()
    serializer_class = s.EventCriterionOutputSerializer
    capability = {"list": None, "create": MANAGE, "destroy": MANAGE}
    filter_backends = []  # in order
    pagination_class = None

    def get_queryset(self):
        return selectors.criterion_list(community=self.request.community, event=self.event)

    def get_object(self):
        return selectors.criterion_get(
            community=self.request.community, event=self.event, criterion_id=self.kwargs["event_criterion_id"]
        )

    def create(self, request, community_slug, event_id):
        serializer = s.EventCriterionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        criterion = rule_services.criterion_create(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        return Response(self.get_serializer(criterion).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, community_slug, event_id, event_criterion_id):
        rule_services.criterion_delete(
            actor=request.user, community=request.community, event=self.event, criterion=self.get_object()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary=_("A competition's judges")),
    create=extend_schema(
        summary=_("Appoint a member as a judge (they are told)"),
        request=s.JudgeInputSerializer,
        responses={201: s.JudgeOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a judge and their scores (while judging is open)")),
)
class JudgeViewSet(CompetitionMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Judge.objects.none()
    serializer_class = s.JudgeOutputSerializer
    capability = {"list": "view", "create": MANAGE, "destroy": MANAGE}
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        return selectors.judge_list(community=self.request.community, event=self.event)

    def get_object(self):
        return selectors.judge_get(
            community=self.request.community, event=self.event, judge_id=self.kwargs["judge_id"]
        )

    def create(self, request, community_slug, event_id):
        serializer = s.JudgeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        judge = rule_services.judge_add(
            actor=request.user,
            community=request.community,
            event=self.event,
            membership_id=serializer.validated_data["membership"],
        )
        judge = selectors.judge_get(community=request.community, event=self.event, judge_id=judge.pk)
        return Response(self.get_serializer(judge).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, community_slug, event_id, judge_id):
        rule_services.judge_remove(
            actor=request.user, community=request.community, event=self.event, judge=self.get_object()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class EntryFilter(django_filters.FilterSet):
    team = django_filters.BooleanFilter(
        method="filter_team", help_text=_("true: team entries; false: individual")
    )

    class Meta:
        model = Entry
        fields = ["team"]

    def filter_team(self, queryset, name, value):
        return queryset.exclude(team_name="") if value else queryset.filter(team_name="")


@extend_schema_view(
    list=extend_schema(summary=_("A competition's entries, in the order they came")),
    retrieve=extend_schema(summary=_("One entry")),
    create=extend_schema(
        summary=_("Enter the competition, alone or as a team (before the deadline)"),
        request={"application/json": s.EntryInputSerializer, "multipart/form-data": s.EntryInputSerializer},
        responses={201: s.EntryOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit an entry (its members, before the deadline)"),
        request={"application/json": s.EntryEditInputSerializer},
        responses={200: s.EntryOutputSerializer},
    ),
)
class EntryViewSet(CompetitionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Entry.objects.none()
    serializer_class = s.EntryOutputSerializer
    capability = {
        "list": None,
        "retrieve": None,
        "leaderboard": None,
        "create": "participate",
        "partial_update": "participate",
    }
    parser_classes = [JSONParser, MultiPartParser]
    paginated_actions = ("list", "leaderboard")
    filterset_class = EntryFilter
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend, SearchFilter, OrderingFilter]
    search_fields = ["title", "team_name"]
    ordering_fields = ["created_at", "vote_count"]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self.request, "community", None) is not None and "event_id" in self.kwargs:
            context["results_shown"] = selectors.may_see_results(
                competition=self.competition, membership=self.request.membership
            )
        return context

    def get_queryset(self):
        return selectors.entry_list(community=self.request.community, event=self.event)

    def get_object(self):
        return self.entry()

    def create(self, request, community_slug, event_id):
        serializer = s.EntryInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry = entry_services.entry_submit(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        entry = selectors.entry_get(community=request.community, event=self.event, entry_id=entry.pk)
        return Response(self.get_serializer(entry).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, event_id, entry_id):
        entry = self.get_object()
        serializer = s.EntryEditInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry_services.entry_edit(
            actor=request.user, community=request.community, entry=entry, **serializer.validated_data
        )
        entry = selectors.entry_get(community=request.community, event=self.event, entry_id=entry.pk)
        return Response(self.get_serializer(entry).data)

    @extend_schema(
        summary=_("The leaderboard: placed entries by place (empty until the results are published)"),
        responses={200: s.EntryOutputSerializer(many=True)},
    )
    def leaderboard(self, request, community_slug, event_id):
        entries = selectors.leaderboard(
            community=request.community,
            event=self.event,
            competition=self.competition,
            membership=request.membership,
        )
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("My scores as a judge of this competition (never another judge's; none for others)")
    ),
)
class ScoreViewSet(CompetitionMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Score.objects.none()
    serializer_class = s.EntryScoreOutputSerializer
    capability = {"list": "participate", "entry_scores": "participate", "submit": "participate"}
    filter_backends = []  # by entry and criterion
    paginated_actions = ("list",)

    def my_scores(self, entry=None):
        """The caller's own scores as a judge: none for a member who is not one."""
        judge = selectors.judge_of(
            community=self.request.community, event=self.event, membership=self.request.membership
        )
        if judge is None:
            return Score.objects.none()
        return selectors.score_list(
            community=self.request.community, event=self.event, judge=judge, entry=entry
        )

    def get_queryset(self):
        return self.my_scores()

    @extend_schema(
        summary=_("My scores of one entry"), responses={200: s.EntryScoreOutputSerializer(many=True)}
    )
    def entry_scores(self, request, community_slug, event_id, entry_id):
        return Response(self.get_serializer(self.my_scores(self.entry()), many=True).data)

    @extend_schema(
        summary=_("Score an entry on every criterion, or revise my scores (while judging is open)"),
        request=s.ScoresInputSerializer,
        responses={200: s.EntryScoreOutputSerializer(many=True)},
    )
    def submit(self, request, community_slug, event_id, entry_id):
        entry = self.entry()
        serializer = s.ScoresInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        judging_services.scores_submit(
            actor=request.user,
            community=request.community,
            event=self.event,
            entry=entry,
            scores=[dict(item) for item in serializer.validated_data["scores"]],
        )
        return Response(self.get_serializer(self.my_scores(entry), many=True).data)


class VoteViewSet(CompetitionMixin, CommunityViewSet):
    serializer_class = s.VoteOutputSerializer
    capability = {"mine": "participate", "cast": "participate", "retract": "participate"}

    @extend_schema(summary=_("My vote in this competition (entry null: I have not voted)"))
    def mine(self, request, community_slug, event_id):
        vote = selectors.my_vote(community=request.community, event=self.event, membership=request.membership)
        if vote is None:
            return Response({"entry": None, "created_at": None})
        return Response(self.get_serializer(vote).data)

    @extend_schema(
        summary=_("Vote for an entry in the members' vote (once; never for my own entry)"),
        request=None,
        responses={201: s.VoteOutputSerializer},
    )
    def cast(self, request, community_slug, event_id, entry_id):
        vote = vote_services.vote_cast(
            actor=request.user, community=request.community, event=self.event, entry=self.entry()
        )
        return Response(self.get_serializer(vote).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Take back my vote while the vote is open (then I may vote again)"),
        request=None,
        responses={204: None},
    )
    def retract(self, request, community_slug, event_id):
        vote_services.vote_retract(actor=request.user, community=request.community, event=self.event)
        return Response(status=status.HTTP_204_NO_CONTENT)
