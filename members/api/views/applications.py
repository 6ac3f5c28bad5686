"""Vetting in the API: screening questions (operators), applying and withdrawing, the review queue."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from communities.api.base import CommunityViewSet, HasCapability
from communities.arrival import arrival_for
from communities.permissions import has_capability
from members.api.filters import ApplicationFilter
from members.api.serializers import applications as s
from members.models import Application, ApplicationQuestion
from members.selectors import applications as selectors
from members.services import applications as services


@extend_schema_view(
    list=extend_schema(
        summary=_("Screening questions asked to applicants, in order (operators may include retired ones)"),
        parameters=[OpenApiParameter("include_retired", bool, description=_("Operators only"))],
    ),
    retrieve=extend_schema(summary=_("One screening question (operators)")),
    create=extend_schema(
        summary=_("Add a screening question at the end"),
        request=s.QuestionInputSerializer,
        responses={201: s.QuestionOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Change a screening question; applications already sent keep their copy"),
        request=s.QuestionInputSerializer,
        responses={200: s.QuestionOutputSerializer},
    ),
    destroy=extend_schema(
        summary=_("Delete a question nobody answered (409 question_answered otherwise)"),
        responses={204: None},
    ),
)
class ApplicationQuestionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, CommunityViewSet
):
    queryset = ApplicationQuestion.objects.none()  # names the model for the schema
    serializer_class = s.QuestionOutputSerializer
    lookup_url_kwarg = "application_question_id"
    pagination_class = None
    filter_backends = []  # the community's order, nothing to search
    capability = {
        "list": None,
        "retrieve": "vet_applications",
        "create": "vet_applications",
        "partial_update": "vet_applications",
        "destroy": "vet_applications",
        "retire": "vet_applications",
        "restore": "vet_applications",
        "reorder": "vet_applications",
    }

    def get_queryset(self):
        include_retired = self.action != "list" or (
            self.request.query_params.get("include_retired") in ("1", "true")
            and has_capability(self.request.membership, "vet_applications")
        )
        return selectors.question_list(community=self.request.community, include_retired=include_retired)

    def get_object(self):
        return selectors.application_question_get(
            community=self.request.community, application_question_id=self.kwargs["application_question_id"]
        )

    def create(self, request, community_slug):
        serializer = s.QuestionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        question = services.question_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(question).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, application_question_id):
        question = self.get_object()
        serializer = s.QuestionInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        question = services.question_update(
            actor=request.user, question=question, **serializer.validated_data
        )
        return Response(self.get_serializer(question).data)

    def perform_destroy(self, instance):
        services.question_delete(actor=self.request.user, question=instance)

    @extend_schema(
        summary=_("Stop asking a question; its answers stay readable"),
        request=None,
        responses={200: s.QuestionOutputSerializer},
    )
    def retire(self, request, community_slug, application_question_id):
        question = services.question_retire(actor=request.user, question=self.get_object())
        return Response(self.get_serializer(question).data)

    @extend_schema(
        summary=_("Ask a retired question again"), request=None, responses={200: s.QuestionOutputSerializer}
    )
    def restore(self, request, community_slug, application_question_id):
        question = services.question_restore(actor=request.user, question=self.get_object())
        return Response(self.get_serializer(question).data)

    @extend_schema(
        summary=_("Put every question (retired ones included) in the given order"),
        request=s.QuestionsReorderInputSerializer,
        responses={200: s.QuestionOutputSerializer(many=True)},
    )
    def reorder(self, request, community_slug):
        serializer = s.QuestionsReorderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        questions = services.questions_reorder(
            actor=request.user, community=request.community, question_ids=serializer.validated_data["ids"]
        )
        return Response(self.get_serializer(questions, many=True).data)


@extend_schema_view(
    list=extend_schema(summary=_("The review queue: pending first (owners and admins)")),
    retrieve=extend_schema(summary=_("One application with its answers (owners and admins)")),
    create=extend_schema(
        summary=_("Apply: answers as {question id: answer}, accepting the current rules version"),
        description=_(
            "join_link, ref, src and via record where the applicant came from, as on the site (and as when "
            "joining); the membership keeps that source when the application is approved."
        ),
        request=s.ApplyInputSerializer,
        responses={201: s.MyApplicationOutputSerializer},
    ),
)
class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Application.objects.none()  # names the model for the schema
    serializer_class = s.ApplicationOutputSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    lookup_url_kwarg = "application_id"
    filterset_class = ApplicationFilter
    search_fields = ["applicant__username", "applicant__email", "answers_text"]
    ordering_fields = ["created_at", "decided_at"]
    capability = {
        "list": "vet_applications",
        "retrieve": "vet_applications",
        "decide": "vet_applications",
        "bulk_decide": "vet_applications",
        # Applying and one's own applications: the service decides (join policy, bans, cool-down).
        "create": None,
        "mine": None,
        "withdraw": None,
    }

    def get_queryset(self):
        return selectors.application_list(community=self.request.community)

    def get_object(self):
        return selectors.application_get(
            community=self.request.community, application_id=self.kwargs["application_id"]
        )

    def create(self, request, community_slug):
        serializer = s.ApplyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = services.application_submit(
            actor=request.user,
            community=request.community,
            answers=serializer.validated_data["answers"],
            accepted_rules_version=serializer.validated_data["accepted_rules_version"],
            arrival={**arrival_for(request, request.community), **serializer.arrival()},
        )
        return Response(s.MyApplicationOutputSerializer(application).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("My applications to this community, newest first"),
        responses={200: s.MyApplicationOutputSerializer(many=True)},
    )
    def mine(self, request, community_slug):
        applications = selectors.application_list_for_user(community=request.community, user=request.user)
        return Response(s.MyApplicationOutputSerializer(applications, many=True).data)

    @extend_schema(summary=_("Withdraw my pending application"), responses={204: None})
    def withdraw(self, request, community_slug):
        services.application_withdraw(actor=request.user, community=request.community)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary=_("Approve or reject one application (409 application_already_decided when decided)"),
        request=s.DecideInputSerializer,
        responses={200: s.ApplicationOutputSerializer},
    )
    def decide(self, request, community_slug, application_id):
        application = self.get_object()
        serializer = s.DecideInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.application_decide(
            actor=request.user,
            community=request.community,
            application=application,
            **serializer.validated_data,
        )
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary=_(
            "Approve or reject many applications, all or nothing: when any id is unknown or already "
            "decided, nothing changes and the error lists those ids"
        ),
        request=s.BulkDecideInputSerializer,
        responses={200: s.ApplicationOutputSerializer(many=True)},
    )
    def bulk_decide(self, request, community_slug):
        serializer = s.BulkDecideInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decided = services.applications_decide_bulk(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        fresh = self.get_queryset().filter(pk__in=[a.pk for a in decided])
        return Response(self.get_serializer(fresh, many=True).data)
