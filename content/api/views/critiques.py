"""The critique exchange over the API: rubric, prices, works, the reviewers' queue, critiques, credits."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.filters import OrderingFilter
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import critiques as s
from content.errors import critiques as errors
from content.models import CreditAccount, Critique, RubricCriterion, Work
from content.selectors import critiques as selectors
from content.services import critiques as services
from members.selectors.roles import member_get

MANAGE = "manage_critiques"


@extend_schema_view(
    list=extend_schema(summary=_("The rubric: criteria in order (retired ones too, marked inactive)")),
    create=extend_schema(
        summary=_("Add a criterion to the rubric"),
        request=s.CriterionCreateInputSerializer,
        responses={201: s.CriterionOutputSerializer},
    ),
    update=extend_schema(
        summary=_("Rename, reorder, retire or restore a criterion"),
        request=s.CriterionUpdateInputSerializer,
        responses={200: s.CriterionOutputSerializer},
    ),
)
class CriterionViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = RubricCriterion.objects.none()
    serializer_class = s.CriterionOutputSerializer
    capability = {"list": "view", "create": MANAGE, "update": MANAGE}
    filter_backends = []  # in rubric order
    pagination_class = None

    def get_queryset(self):
        return selectors.criterion_list(community=self.request.community, active_only=False)

    def get_object(self):
        return selectors.criterion_get(
            community=self.request.community, criterion_id=self.kwargs["criterion_id"]
        )

    def create(self, request, community_slug):
        serializer = s.CriterionCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        criterion = services.criterion_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(criterion).data, status=status.HTTP_201_CREATED)

    def update(self, request, community_slug, criterion_id):
        criterion = self.get_object()
        serializer = s.CriterionUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        criterion = services.criterion_update(
            actor=request.user, community=request.community, criterion=criterion, **serializer.validated_data
        )
        return Response(self.get_serializer(criterion).data)


@extend_schema_view(
    retrieve=extend_schema(summary=_("The credit prices: what asking costs and what a critique earns")),
    update=extend_schema(
        summary=_("Set the credit prices"),
        request=s.CritiqueSettingsSerializer,
        responses={200: s.CritiqueSettingsSerializer},
    ),
)
class CritiqueSettingsViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = RubricCriterion.objects.none()
    serializer_class = s.CritiqueSettingsSerializer
    capability = {"retrieve": "view", "update": MANAGE}

    def get_object(self):
        return selectors.settings_for(community=self.request.community)

    def update(self, request, community_slug):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        prices = services.critique_settings_update(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(prices).data)


class WorkFilter(django_filters.FilterSet):
    waiting = django_filters.BooleanFilter(
        method="filter_waiting", help_text=_("true: works without a critique yet; false: critiqued works")
    )
    author = django_filters.CharFilter(field_name="author__user__username", help_text=_("A username"))

    class Meta:
        model = Work
        fields = ["waiting", "author"]

    def filter_waiting(self, queryset, name, value):
        return queryset.filter(critique_count=0) if value else queryset.filter(critique_count__gt=0)


@extend_schema_view(
    list=extend_schema(summary=_("Works asking for critique, newest first")),
    retrieve=extend_schema(summary=_("One work")),
    create=extend_schema(
        summary=_("Post a work asking for critique (spends the request cost in credits)"),
        request={"application/json": s.WorkInputSerializer, "multipart/form-data": s.WorkInputSerializer},
        responses={201: s.WorkOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a work's title, description or links (its author until the first critique)"),
        request={"application/json": s.WorkEditInputSerializer},
        responses={200: s.WorkOutputSerializer},
    ),
)
class WorkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Work.objects.none()
    serializer_class = s.WorkOutputSerializer
    capability = {
        "list": "view",
        "retrieve": "view",
        "queue": "view",
        "create": "participate",
        "partial_update": "participate",
    }
    parser_classes = [JSONParser, MultiPartParser]  # multipart to upload the images
    paginated_actions = ("list", "queue")  # for the schema (communities.api.schema)
    filterset_class = WorkFilter
    ordering_fields = ["created_at", "critique_count"]
    search_fields = []

    def get_queryset(self):
        return selectors.work_list(community=self.request.community)

    def get_object(self):
        return selectors.work_get(community=self.request.community, work_id=self.kwargs["work_id"])

    def create(self, request, community_slug):
        serializer = s.WorkInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        work = services.work_post(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        work = selectors.work_get(community=request.community, work_id=work.pk)
        return Response(self.get_serializer(work).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, work_id):
        work = self.get_object()
        serializer = s.WorkEditInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.work_edit(
            actor=request.user, community=request.community, work=work, **serializer.validated_data
        )
        work = selectors.work_get(community=request.community, work_id=work.pk)
        return Response(self.get_serializer(work).data)

    @extend_schema(
        summary=_("The reviewers' queue: works waiting for a first critique, the longest waiting first"),
        responses={200: s.WorkOutputSerializer(many=True)},
    )
    def queue(self, request, community_slug):
        works = selectors.review_queue(community=request.community, viewer=request.membership)
        page = self.paginate_queryset(works)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class WorkChildMixin:
    def work(self):
        return selectors.work_get(community=self.request.community, work_id=self.kwargs["work_id"])


@extend_schema_view(
    list=extend_schema(summary=_("A work's critiques, oldest first")),
    create=extend_schema(
        summary=_("Critique a work against the rubric (earns the critique reward)"),
        request=s.CritiqueInputSerializer,
        responses={201: s.CritiqueOutputSerializer},
    ),
)
class CritiqueViewSet(WorkChildMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Critique.objects.none()
    serializer_class = s.CritiqueOutputSerializer
    capability = {"list": "view", "create": "critique", "helpful": "participate"}
    filter_backends = []  # oldest first

    def get_queryset(self):
        return selectors.critique_list(community=self.request.community, work=self.work())

    def get_object(self):
        return selectors.critique_get(
            community=self.request.community, work=self.work(), critique_id=self.kwargs["critique_id"]
        )

    def create(self, request, community_slug, work_id):
        work = self.work()
        serializer = s.CritiqueInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        scores = {entry["criterion"]: entry for entry in data["scores"]}
        if len(scores) != len(data["scores"]):  # a criterion scored twice
            raise errors.ScoresInvalid(fields={"scores": [errors.ScoresInvalid.message]})
        critique = services.critique_give(
            actor=request.user,
            community=request.community,
            work=work,
            overall=data["overall"],
            scores=scores,
        )
        critique = selectors.critique_get(community=request.community, work=work, critique_id=critique.pk)
        return Response(self.get_serializer(critique).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Mark a critique of your work helpful"),
        request=None,
        responses={200: s.CritiqueOutputSerializer},
    )
    @extend_schema(
        summary=_("Mark a critique of your work helpful"),
        request=None,
        responses={200: s.CritiqueOutputSerializer},
    )
    def helpful(self, request, community_slug, work_id, critique_id):
        critique = services.critique_mark_helpful(
            actor=request.user, community=request.community, critique=self.get_object()
        )
        return Response(self.get_serializer(critique).data)


@extend_schema_view(
    retrieve=extend_schema(summary=_("My review credits and critic record")),
)
class MyCreditsViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = CreditAccount.objects.none()
    serializer_class = s.AccountOutputSerializer
    capability = {"retrieve": "participate", "transactions": "participate"}
    paginated_actions = ("transactions",)
    filter_backends = []

    def get_object(self):
        return selectors.account_for(community=self.request.community, membership=self.request.membership)

    @extend_schema(
        summary=_("My credit ledger, newest first"), responses={200: s.TransactionOutputSerializer(many=True)}
    )
    def transactions(self, request, community_slug):
        entries = selectors.transaction_list(community=request.community, membership=request.membership)
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(s.TransactionOutputSerializer(page, many=True).data)


@extend_schema_view(
    list=extend_schema(summary=_("Every member's credits and critic record (operators)")),
)
class CreditAccountViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = CreditAccount.objects.none()
    serializer_class = s.AccountOutputSerializer
    capability = {"list": MANAGE, "transactions": MANAGE, "grant": MANAGE}
    filter_backends = [OrderingFilter]
    ordering_fields = ["balance", "critiques_given", "helpful_received"]
    paginated_actions = ("list", "transactions")

    def get_queryset(self):
        return selectors.account_list(community=self.request.community)

    def member(self):
        return member_get(community=self.request.community, membership_id=self.kwargs["membership_id"])

    @extend_schema(
        summary=_("A member's credit ledger, newest first (operators)"),
        responses={200: s.TransactionOutputSerializer(many=True)},
    )
    def transactions(self, request, community_slug, membership_id):
        entries = selectors.transaction_list(community=request.community, membership=self.member())
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(s.TransactionOutputSerializer(page, many=True).data)

    @extend_schema(
        summary=_("Grant a member credits, with a reason"),
        request=s.GrantInputSerializer,
        responses={201: s.TransactionOutputSerializer},
    )
    def grant(self, request, community_slug, membership_id):
        member = self.member()
        serializer = s.GrantInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry = services.credits_grant(
            actor=request.user, community=request.community, membership=member, **serializer.validated_data
        )
        return Response(s.TransactionOutputSerializer(entry).data, status=status.HTTP_201_CREATED)
