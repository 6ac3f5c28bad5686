"""Progress over the API: enrolling, a path's enrolments (all for those who follow it, else the caller's),
completing steps, submitting work and its review, quiz attempts, and the caller's plan and goals.

Goals are private rows of their member: they are named in the request body (never in a URL), and a goal
that is not the caller's is goal_not_found."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet, HasCapability
from communities.filters import IdFilter
from communities.tenancy import request_can
from learning.api.serializers import paths as s
from learning.api.views.paths import MANAGE, PathScopedMixin
from learning.models import Enrolment, LearningGoal, Submission, SubmissionStatus
from learning.selectors import paths as path_selectors
from learning.selectors import progress as selectors
from learning.services import progress as services


def _input(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@extend_schema_view(
    list=extend_schema(summary=_("A path's enrolments: every member's for its followers, else mine")),
    create=extend_schema(
        summary=_("Enrol on a path"), request=None, responses={201: s.PathEnrolmentOutputSerializer}
    ),
)
class EnrolmentViewSet(PathScopedMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Enrolment.objects.none()
    serializer_class = s.PathEnrolmentOutputSerializer
    capability = {"list": "view", "create": "participate"}
    filter_backends = []  # newest first

    def get_queryset(self):
        return selectors.path_enrolment_list(
            community=self.request.community, path=self.path, viewer=self.request.membership
        )

    def create(self, request, community_slug, path_id):
        enrolment = services.enrolment_create(actor=request.user, community=request.community, path=self.path)
        enrolment = self.get_queryset().get(pk=enrolment.pk)
        return Response(self.get_serializer(enrolment).data, status=status.HTTP_201_CREATED)


@extend_schema_view()
class StepActionViewSet(PathScopedMixin, CommunityViewSet):
    capability = {
        "complete": "participate",
        "submit": "participate",
        "attempt": "participate",
        "answer": "participate",
    }
    serializer_class = s.PathProgressOutputSerializer

    def _progress(self):
        steps = list(path_selectors.step_list(community=self.request.community, path=self.path))
        enrolment = selectors.enrolment_for(
            community=self.request.community, path=self.path, membership=self.request.membership
        )
        states = selectors.step_states(community=self.request.community, steps=steps, enrolment=enrolment)
        return selectors.PathProgress(enrolment, states)

    @extend_schema(
        summary=_("Complete a mark-as-done step, or an attend-the-event step once attended"),
        request=None,
        responses={200: s.PathProgressOutputSerializer},
    )
    def complete(self, request, community_slug, path_id, path_step_id):
        services.step_complete(
            actor=request.user, community=request.community, path=self.path, step=self.step()
        )
        return Response(s.PathProgressOutputSerializer(self._progress()).data)

    @extend_schema(
        summary=_("Submit work for review"),
        request=s.LearningSubmissionInputSerializer,
        responses={201: s.LearningSubmissionOutputSerializer},
    )
    def submit(self, request, community_slug, path_id, path_step_id):
        step = self.step()
        data = _input(s.LearningSubmissionInputSerializer, request.data)
        submission = services.submission_create(
            actor=request.user, community=request.community, path=self.path, step=step, **data
        )
        submission = selectors.submission_get(
            community=request.community, viewer=request.membership, submission_id=submission.pk
        )
        return Response(s.LearningSubmissionOutputSerializer(submission).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Start a quiz attempt (or get my open one)"),
        request=None,
        responses={201: s.QuizAttemptOutputSerializer},
    )
    def attempt(self, request, community_slug, path_id, path_step_id):
        attempt = services.quiz_attempt_start(
            actor=request.user, community=request.community, path=self.path, step=self.step()
        )
        return Response(s.QuizAttemptOutputSerializer(attempt).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Answer a quiz attempt, once: marked at once"),
        request=s.QuizAnswerInputSerializer,
        responses={200: s.QuizAttemptOutputSerializer},
    )
    def answer(self, request, community_slug, path_id, path_step_id):
        step = self.step()
        data = _input(s.QuizAnswerInputSerializer, request.data)
        attempt = services.quiz_attempt_answer(
            actor=request.user, community=request.community, path=self.path, step=step, **data
        )
        return Response(s.QuizAttemptOutputSerializer(attempt).data)


class ReviewersMay(HasCapability):
    """A mentor of any path (an active member) may call the review action; the service then refuses the
    work of paths they do not mentor (not_reviewer) and their own work (own_work)."""

    def has_permission(self, request, view):
        if super().has_permission(request, view):
            return True
        return (
            view.capability.get(view.action) == MANAGE
            and request.user.is_authenticated
            and request_can(request, "participate")
            and bool(
                path_selectors.mentored_path_ids(community=request.community, membership=request.membership)
            )
        )


class SubmissionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=SubmissionStatus.choices)
    path = IdFilter(field_name="path_id", help_text=_("Work on this path"))

    class Meta:
        model = Submission
        fields = ["status", "path"]


@extend_schema_view(
    list=extend_schema(summary=_("Submitted work I may read: mine, and that of the paths I review")),
    retrieve=extend_schema(summary=_("One submission with its review (for its reviewers)")),
)
class SubmissionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Submission.objects.none()
    serializer_class = s.LearningSubmissionOutputSerializer
    permission_classes = [ReviewersMay]
    # One submission by id is the reviewers' view (learning operators, mentors); its author reads their
    # work, feedback included, in the list (filtered by path or status).
    capability = {"list": "view", "retrieve": MANAGE, "review": MANAGE}
    filterset_class = SubmissionFilter

    def get_queryset(self):
        return selectors.submission_list(community=self.request.community, viewer=self.request.membership)

    def get_object(self):
        return selectors.submission_get(
            community=self.request.community,
            viewer=self.request.membership,
            submission_id=self.kwargs["submission_id"],
        )

    @extend_schema(
        summary=_("Review work: approved, or try again, with written feedback"),
        request=s.SubmissionReviewInputSerializer,
        responses={200: s.LearningSubmissionOutputSerializer},
    )
    def review(self, request, community_slug, submission_id):
        submission = self.get_object()
        data = _input(s.SubmissionReviewInputSerializer, request.data)
        services.submission_review(
            actor=request.user, community=request.community, submission=submission, **data
        )
        return Response(self.get_serializer(self.get_object()).data)


@extend_schema_view(
    list=extend_schema(summary=_("My goals")),
    create=extend_schema(
        summary=_("Add a goal to my plan"),
        request=s.LearningGoalInputSerializer,
        responses={201: s.LearningGoalOutputSerializer},
    ),
)
class PlanViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = LearningGoal.objects.none()
    serializer_class = s.LearningGoalOutputSerializer
    capability = {
        "plan": "participate",
        "list": "participate",
        "create": "participate",
        "reach": "participate",
        "remove": "participate",
    }
    filter_backends = []
    pagination_class = None  # a member's own goals

    def get_queryset(self):
        return selectors.goal_list(community=self.request.community, membership=self.request.membership)

    @extend_schema(
        summary=_("My plan: goals, progress across paths, streak and today's next steps"),
        responses={200: s.LearningPlanOutputSerializer},
    )
    def plan(self, request, community_slug):
        plan = selectors.plan_for(community=request.community, membership=request.membership)
        return Response(s.LearningPlanOutputSerializer(plan).data)

    def create(self, request, community_slug):
        data = _input(s.LearningGoalInputSerializer, request.data)
        path_id = data.pop("path_id")
        path = None
        if path_id:
            path = path_selectors.path_get(
                community=request.community, membership=request.membership, path_id=path_id
            )
        goal = services.goal_create(actor=request.user, community=request.community, path=path, **data)
        return Response(self.get_serializer(goal).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Mark one of my goals reached, or open it again"),
        request=s.LearningGoalReachInputSerializer,
        responses={200: s.LearningGoalOutputSerializer},
    )
    def reach(self, request, community_slug):
        data = _input(s.LearningGoalReachInputSerializer, request.data)
        goal = services.goal_done(
            actor=request.user, community=request.community, goal_id=data["goal_id"], done=data["reached"]
        )
        return Response(self.get_serializer(goal).data)

    @extend_schema(
        summary=_("Remove one of my goals"),
        request=s.LearningGoalRemoveInputSerializer,
        responses={204: None},
    )
    def remove(self, request, community_slug):
        data = _input(s.LearningGoalRemoveInputSerializer, request.data)
        services.goal_delete(actor=request.user, community=request.community, goal_id=data["goal_id"])
        return Response(status=status.HTTP_204_NO_CONTENT)
