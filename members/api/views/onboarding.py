"""Onboarding in the API: my checklist, introductions, the checklist's steps and operators' progress."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from members.api.serializers import onboarding as s
from members.models import OnboardingStep
from members.selectors import onboarding as selectors
from members.services import onboarding as services


@extend_schema_view(
    list=extend_schema(summary=_("My onboarding checklist, each step with whether it is done")),
)
class ChecklistViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = OnboardingStep.objects.none()
    serializer_class = s.ChecklistItemSerializer
    capability = {"list": "participate"}
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        checklist = selectors.checklist_for(community=self.request.community, user=self.request.user)
        return [{"step": step, "done": done} for step, done in checklist]


@extend_schema_view(
    list=extend_schema(
        summary=_("The latest introductions"), responses={200: s.IntroductionSerializer(many=True)}
    ),
    create=extend_schema(
        summary=_("Introduce myself"),
        request=s.IntroductionInputSerializer,
        responses={201: None},
    ),
)
class IntroductionViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = OnboardingStep.objects.none()
    serializer_class = s.IntroductionSerializer
    capability = {"list": "view", "create": "participate"}
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return selectors.introduction_list(community=self.request.community)

    def create(self, request, community_slug):
        serializer = s.IntroductionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.introduction_post(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary=_("The checklist's steps, in order")),
    create=extend_schema(
        summary=_("Add a step"),
        request=s.OnboardingStepInputSerializer,
        responses={201: s.OnboardingStepSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Change a step"),
        request=s.OnboardingStepInputSerializer,
        responses={200: s.OnboardingStepSerializer},
    ),
    destroy=extend_schema(summary=_("Delete a step"), responses={204: None}),
)
class OnboardingStepViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, CommunityViewSet):
    queryset = OnboardingStep.objects.none()
    serializer_class = s.OnboardingStepSerializer
    capability = {
        "list": "view",
        "create": "manage_community",
        "partial_update": "manage_community",
        "destroy": "manage_community",
        "customise": "manage_community",
    }
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return selectors.onboarding_steps(community=self.request.community)

    def get_object(self):
        return selectors.onboarding_step_get(
            community=self.request.community, onboarding_step_id=self.kwargs["onboarding_step_id"]
        )

    @extend_schema(
        summary=_("Store the default steps as the community's own, so that they can be edited"),
        description=_(
            "While a community has no steps of its own the list shows the default steps unsaved (id null), "
            "in the reader's language. Adding a step, or this call, stores them. A no-op afterwards."
        ),
        request=None,
        responses={200: s.OnboardingStepSerializer(many=True)},
    )
    def customise(self, request, community_slug):
        steps = services.onboarding_steps_customise(actor=request.user, community=request.community)
        return Response(self.get_serializer(steps, many=True).data)

    def create(self, request, community_slug):
        serializer = s.OnboardingStepInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        step = services.onboarding_step_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(step).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, onboarding_step_id):
        step = self.get_object()
        serializer = s.OnboardingStepInputSerializer(step, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        step = services.onboarding_step_update(
            actor=request.user, community=request.community, step=step, **serializer.validated_data
        )
        return Response(self.get_serializer(step).data)

    def perform_destroy(self, instance):
        services.onboarding_step_delete(
            actor=self.request.user, community=self.request.community, step=instance
        )


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("Who joined recently and the first step each has not done, with counts per step"),
        parameters=[
            OpenApiParameter("days", int, description=_("Joined in the last N days (1-365, default 30)"))
        ],
        responses={200: s.ProgressSerializer},
    )
)
class OnboardingProgressViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = OnboardingStep.objects.none()
    serializer_class = s.ProgressSerializer
    capability = {"retrieve": "manage_community"}
    filter_backends = []

    def get_object(self):
        """The report over the period `?days=` asks for (the HTML page reads it the same way)."""
        return selectors.onboarding_progress_report(
            community=self.request.community, days=self.request.query_params.get("days")
        )
