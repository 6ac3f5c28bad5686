"""Q&A API: questions (list, unanswered, ask, one), their answers (list, post), votes and acceptance."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from communities.api.base import CommunityViewSet, HasCapability
from content.api.serializers import questions as s
from content.models import Answer, Question
from content.selectors import questions as selectors
from content.services import questions as services


class QuestionFilter(django_filters.FilterSet):
    tag = django_filters.CharFilter(
        method="filter_tag", max_length=30, help_text=_("Questions with this tag.")
    )
    answered = django_filters.BooleanFilter(
        field_name="accepted_answer",
        lookup_expr="isnull",
        exclude=True,
        help_text=_("Has an accepted answer."),
    )

    class Meta:
        model = Question
        fields = ["skill_level", "author"]

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__name=value.strip().lower())


@extend_schema_view(
    list=extend_schema(summary=_("Questions, newest first (filters: tag, skill level, author, answered)")),
    retrieve=extend_schema(summary=_("One question")),
    create=extend_schema(
        summary=_("Ask a question"),
        request=s.QaQuestionInputSerializer,
        responses={201: s.QaQuestionOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a question (the asker until an answer is accepted; operators always)"),
        request=s.QaQuestionInputSerializer(partial=True),
        responses={200: s.QaQuestionOutputSerializer},
    ),
)
class QuestionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Question.objects.none()  # names the model for the schema; rows come from the selectors
    serializer_class = s.QaQuestionOutputSerializer
    lookup_url_kwarg = "qa_question_id"
    filterset_class = QuestionFilter
    search_fields = ["title"]
    ordering_fields = ["created_at", "last_activity_at", "answer_count"]
    paginated_actions = ("list", "unanswered")
    capability = {
        "list": "view",
        "unanswered": "view",
        "retrieve": "view",
        "create": "participate",
        "partial_update": "participate",
    }

    def get_queryset(self):
        unanswered = self.action == "unanswered"
        return selectors.question_list(
            community=self.request.community, query=selectors.QuestionQuery(unanswered=unanswered)
        )

    def get_object(self):
        return selectors.question_get(
            community=self.request.community, question_id=self.kwargs["qa_question_id"]
        )

    @extend_schema(
        summary=_("Questions without an answer, the longest waiting first (the same filters)"),
        responses={200: s.QaQuestionOutputSerializer(many=True)},
    )
    def unanswered(self, request, community_slug):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request, community_slug):
        serializer = s.QaQuestionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        question = services.question_ask(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        question = selectors.question_get(community=request.community, question_id=question.pk)
        return Response(self.get_serializer(question).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, qa_question_id):
        question = self.get_object()
        serializer = s.QaQuestionInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.question_edit(
            actor=request.user, community=request.community, question=question, **serializer.validated_data
        )
        question = selectors.question_get(community=request.community, question_id=question.pk)
        return Response(self.get_serializer(question).data)


class QuestionAcceptViewSet(CommunityViewSet):
    """Accepting an answer: the asker, experts and operators may (the service decides), signed in."""

    queryset = Question.objects.none()
    serializer_class = s.QaQuestionOutputSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    capability = {"accept": None}

    @extend_schema(
        summary=_(
            "Mark an answer of this question as accepted, replacing the one before (the asker, experts and "
            "operators); an answer of another question is answer_of_another_question"
        ),
        request=s.AcceptInputSerializer,
        responses={200: s.QaQuestionOutputSerializer},
    )
    def accept(self, request, community_slug, qa_question_id):
        question = selectors.question_get(community=request.community, question_id=qa_question_id)
        serializer = s.AcceptInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answer = selectors.answer_get(
            community=request.community, answer_id=serializer.validated_data["answer_id"]
        )
        services.answer_accept(
            actor=request.user, community=request.community, question=question, answer=answer
        )
        question = selectors.question_get(community=request.community, question_id=qa_question_id)
        return Response(self.get_serializer(question).data)


@extend_schema_view(
    list=extend_schema(summary=_("A question's answers: by votes, then oldest first")),
    create=extend_schema(
        summary=_("Answer a question"),
        request=s.AnswerInputSerializer,
        responses={201: s.AnswerOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit an answer (its author until it is accepted; operators always)"),
        request=s.AnswerInputSerializer,
        responses={200: s.AnswerOutputSerializer},
    ),
)
class AnswerViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = Answer.objects.none()
    serializer_class = s.AnswerOutputSerializer
    lookup_url_kwarg = "qa_answer_id"
    filter_backends = []  # votes order them; nothing to filter
    capability = {
        "list": "view",
        "create": "participate",
        "partial_update": "participate",
        "vote": "participate",
        "unvote": "participate",
    }

    def get_queryset(self):
        return selectors.answer_list(community=self.request.community, question=self._question)

    def get_object(self):
        return selectors.answer_get(
            community=self.request.community, question=self._question, answer_id=self.kwargs["qa_answer_id"]
        )

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._question = selectors.question_get(
            community=request.community, question_id=self.kwargs["qa_question_id"]
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        question = getattr(self, "_question", None)
        membership = getattr(self.request, "membership", None)
        context["question"] = question
        context["voted"] = (
            selectors.voted_answer_ids(
                community=self.request.community, membership=membership, question=question
            )
            if question is not None
            else set()
        )
        return context

    def create(self, request, community_slug, qa_question_id):
        serializer = s.AnswerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answer = services.answer_post(
            actor=request.user,
            community=request.community,
            question=self._question,
            **serializer.validated_data,
        )
        self._question.refresh_from_db()
        return Response(self.get_serializer(answer).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, qa_question_id, qa_answer_id):
        answer = self.get_object()
        serializer = s.AnswerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answer = services.answer_edit(
            actor=request.user, community=request.community, answer=answer, **serializer.validated_data
        )
        return Response(self.get_serializer(answer).data)

    @extend_schema(
        summary=_("Upvote an answer (once; not your own)"),
        request=None,
        responses={200: s.AnswerOutputSerializer},
    )
    def vote(self, request, community_slug, qa_question_id, qa_answer_id):
        answer = services.answer_vote(
            actor=request.user, community=request.community, answer=self.get_object()
        )
        return Response(self.get_serializer(answer).data)

    @extend_schema(summary=_("Take my vote back"), request=None, responses={200: s.AnswerOutputSerializer})
    def unvote(self, request, community_slug, qa_question_id, qa_answer_id):
        answer = services.answer_unvote(
            actor=request.user, community=request.community, answer=self.get_object()
        )
        return Response(self.get_serializer(answer).data)
