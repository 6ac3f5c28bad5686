"""Registration questions API: the questions members answer when they register (read by members), and
for the event's operators and hosts adding, editing, reordering and removing them.

Editing keeps the answers already given (they are keyed by the question's id); a question is free text,
so there is no type to change (docs/events.md, "Registration questions").
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from events.api.serializers import registrations as s
from events.api.views.scoped import EventChildViewSet
from events.models import RegistrationQuestion
from events.selectors import registrations as registration_selectors
from events.services import questions as services

MANAGE = "manage_events"


@extend_schema_view(
    list=extend_schema(summary=_("The questions members answer when they register")),
    create=extend_schema(
        summary=_("Add a registration question (operators and hosts)"),
        request=s.RegistrationQuestionInputSerializer,
        responses={201: s.RegistrationQuestionOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a registration question: wording, hint, required (operators and hosts)"),
        description=_(
            "Answers already given stay with the question. A question is free text: any other field, "
            "such as a type, is refused (unknown_field, 400)."
        ),
        request=s.RegistrationQuestionUpdateInputSerializer,
        responses={200: s.RegistrationQuestionOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a registration question (operators and hosts)")),
)
class RegistrationQuestionViewSet(mixins.ListModelMixin, EventChildViewSet):
    queryset = RegistrationQuestion.objects.none()
    serializer_class = s.RegistrationQuestionOutputSerializer
    lookup_url_kwarg = "registration_question_id"
    filter_backends = []
    pagination_class = None
    paginated_actions = ()
    capability = {
        "list": "view",
        "create": MANAGE,
        "partial_update": MANAGE,
        "reorder": MANAGE,
        "destroy": MANAGE,
    }

    def get_queryset(self):
        return registration_selectors.registration_question_list(
            community=self.request.community, event=self.event
        )

    def get_object(self):
        return registration_selectors.registration_question_get(
            community=self.request.community,
            event=self.event,
            question_id=self.kwargs["registration_question_id"],
        )

    def create(self, request, community_slug, event_id):
        serializer = s.RegistrationQuestionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        question = services.registration_question_create(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        return Response(self.get_serializer(question).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, event_id, registration_question_id):
        question = self.get_object()
        serializer = s.RegistrationQuestionUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        question = services.registration_question_update(
            actor=request.user,
            community=request.community,
            event=self.event,
            question=question,
            **serializer.validated_data,
        )
        return Response(self.get_serializer(question).data)

    @extend_schema(
        summary=_("Put the event's questions in a new order (operators and hosts)"),
        description=_("Name every question of the event once (else question_order_invalid, 400)."),
        request=s.RegistrationQuestionsReorderInputSerializer,
        responses={200: s.RegistrationQuestionOutputSerializer(many=True)},
    )
    def reorder(self, request, community_slug, event_id):
        serializer = s.RegistrationQuestionsReorderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        questions = services.registration_questions_reorder(
            actor=request.user,
            community=request.community,
            event=self.event,
            question_ids=serializer.validated_data["question_ids"],
        )
        return Response(self.get_serializer(questions, many=True).data)

    def destroy(self, request, community_slug, event_id, registration_question_id):
        services.registration_question_delete(
            actor=request.user, community=request.community, event=self.event, question=self.get_object()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
