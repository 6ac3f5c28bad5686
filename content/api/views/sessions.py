"""Expert sessions API: sessions (list, schedule, one), their question queue (ask, vote, answer) and
guest experts."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import sessions as s
from content.models import ExpertSession, GuestExpert, SessionQuestion
from content.models.sessions import SessionStatus
from content.selectors import sessions as selectors
from content.services import sessions as services

STATUS = OpenApiParameter(
    "status", str, enum=SessionStatus.values, description=_("Only sessions in this state now.")
)


@extend_schema_view(
    list=extend_schema(
        summary=_("Expert sessions: live and upcoming first (soonest first), then finished ones"),
        parameters=[STATUS],
    ),
    retrieve=extend_schema(summary=_("One expert session")),
    create=extend_schema(
        summary=_("Schedule an expert session (operators)"),
        request=s.SessionInputSerializer,
        responses={201: s.SessionOutputSerializer},
    ),
)
class SessionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = ExpertSession.objects.none()
    serializer_class = s.SessionOutputSerializer
    lookup_url_kwarg = "session_id"
    filter_backends = []  # the status parameter is the one filter; the order is the list's meaning
    capability = {"list": "view", "retrieve": "view", "create": "schedule_expert_session"}

    def get_queryset(self):
        wanted = self.request.query_params.get("status", "")
        if wanted and wanted not in SessionStatus.values:
            raise ValidationError({"status": [_("Choose upcoming, live or finished.")]})
        return selectors.session_list(community=self.request.community, status=wanted)

    def get_object(self):
        return selectors.session_get(community=self.request.community, session_id=self.kwargs["session_id"])

    def create(self, request, community_slug):
        serializer = s.SessionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        session = services.session_schedule(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(session).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary=_("A session's questions in the order the expert takes them: most votes first")
    ),
    create=extend_schema(
        summary=_("Ask the session's expert (before or during the session; session_finished after it)"),
        request=s.SessionQuestionInputSerializer,
        responses={201: s.SessionQuestionOutputSerializer},
    ),
)
class SessionQuestionViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = SessionQuestion.objects.none()
    serializer_class = s.SessionQuestionOutputSerializer
    lookup_url_kwarg = "session_question_id"
    filter_backends = []
    capability = {
        "list": "view",
        "create": "participate",
        "vote": "participate",
        "unvote": "participate",
        "answer": "host_expert_session",
    }

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.session = selectors.session_get(
            community=request.community, session_id=self.kwargs["session_id"]
        )

    def get_queryset(self):
        return selectors.session_question_list(community=self.request.community, session=self.session)

    def get_object(self):
        return selectors.session_question_get(
            community=self.request.community,
            session=self.session,
            question_id=self.kwargs["session_question_id"],
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        session = getattr(self, "session", None)
        context["voted"] = (
            selectors.voted_session_question_ids(
                community=self.request.community,
                membership=getattr(self.request, "membership", None),
                session=session,
            )
            if session is not None
            else set()
        )
        return context

    def create(self, request, community_slug, session_id):
        serializer = s.SessionQuestionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        question = services.session_question_ask(
            actor=request.user, community=request.community, session=self.session, **serializer.validated_data
        )
        return Response(self.get_serializer(question).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Upvote a session question (once; not your own; until the session ends)"),
        request=None,
        responses={200: s.SessionQuestionOutputSerializer},
    )
    def vote(self, request, community_slug, session_id, session_question_id):
        question = services.session_question_vote(
            actor=request.user, community=request.community, question=self.get_object()
        )
        return Response(self.get_serializer(question).data)

    @extend_schema(
        summary=_("Take my vote back"), request=None, responses={200: s.SessionQuestionOutputSerializer}
    )
    def unvote(self, request, community_slug, session_id, session_question_id):
        question = services.session_question_unvote(
            actor=request.user, community=request.community, question=self.get_object()
        )
        return Response(self.get_serializer(question).data)

    @extend_schema(
        summary=_("Answer a question (the session's expert or an operator, from the session's start)"),
        request=s.SessionAnswerInputSerializer,
        responses={200: s.SessionQuestionOutputSerializer},
    )
    def answer(self, request, community_slug, session_id, session_question_id):
        question = self.get_object()
        serializer = s.SessionAnswerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        question = services.session_question_answer(
            actor=request.user, community=request.community, question=question, **serializer.validated_data
        )
        return Response(self.get_serializer(question).data)


@extend_schema_view(
    list=extend_schema(summary=_("Guest experts brought in by the operators, newest first")),
    create=extend_schema(
        summary=_("Make an account a guest expert here at once (no join policy, application or fee)"),
        request=s.GuestExpertInputSerializer,
        responses={201: s.GuestExpertOutputSerializer},
    ),
)
class GuestExpertViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = GuestExpert.objects.none()
    serializer_class = s.GuestExpertOutputSerializer
    filter_backends = []
    capability = {"list": "schedule_expert_session", "create": "schedule_expert_session"}

    def get_queryset(self):
        return selectors.guest_expert_list(community=self.request.community)

    def create(self, request, community_slug):
        serializer = s.GuestExpertInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        guest = services.guest_expert_invite(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(guest).data, status=status.HTTP_201_CREATED)
