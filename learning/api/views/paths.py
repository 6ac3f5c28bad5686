"""Learning paths over the API: paths (filters by track, level and status), their steps (material, order,
prerequisites, quiz), publishing, copying and mentors. Routes naming a path load it first: a path of
another community, or a draft the caller may not see, is a 404 (path_not_found)."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet, HasCapability
from communities.permissions import has_capability
from communities.tenancy import request_can
from learning.api.serializers import paths as s
from learning.models import LearningPath, PathMentor, PathStatus, PathStep
from learning.selectors import paths as selectors
from learning.services import paths as services

MANAGE = "manage_learning"


class MentorsMay(HasCapability):
    """A path's mentor (an active member) holds manage_learning on that path's routes."""

    def has_permission(self, request, view):
        if super().has_permission(request, view):
            return True
        capability = view.capability.get(view.action)
        return (
            capability == MANAGE
            and "path_id" in view.kwargs
            and request.user.is_authenticated
            and request_can(request, "participate")
            and selectors.is_mentor(request.membership, view.path)
        )


class PathScopedMixin:
    """The URL's path, loaded before the body is read."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "path_id" in self.kwargs:
            self.path  # noqa: B018  the URL's path before the body

    @cached_property
    def path(self):
        return selectors.path_get(
            community=self.request.community,
            membership=self.request.membership,
            path_id=self.kwargs["path_id"],
        )

    def step(self):
        return selectors.step_get(
            community=self.request.community, path=self.path, step_id=self.kwargs["path_step_id"]
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "path_id" in self.kwargs and getattr(self.request, "community", None) is not None:
            context["editor"] = selectors.may_edit_path(self.request.membership, self.path)
        return context


class PathFilter(django_filters.FilterSet):
    track = django_filters.CharFilter(method="filter_track", help_text=_("A skill track (any case)"))
    level = django_filters.CharFilter(field_name="level", help_text=_("One of the community's skill levels"))
    status = django_filters.ChoiceFilter(choices=PathStatus.choices)

    class Meta:
        model = LearningPath
        fields = ["track", "level", "status"]

    def filter_track(self, queryset, name, value):
        return queryset.filter(track=value.strip().lower())


@extend_schema_view(
    list=extend_schema(summary=_("Learning paths: published ones, and the drafts I may edit")),
    retrieve=extend_schema(summary=_("One learning path")),
    create=extend_schema(
        summary=_("Build a path (a draft)"),
        request=s.PathInputSerializer,
        responses={201: s.PathOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a path (learning operators and its mentors)"),
        request=s.PathUpdateInputSerializer,
        responses={200: s.PathOutputSerializer},
    ),
)
class PathViewSet(PathScopedMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = LearningPath.objects.none()
    serializer_class = s.PathOutputSerializer
    permission_classes = [MentorsMay]
    capability = {
        "list": "view",
        "retrieve": "view",
        "create": MANAGE,
        "partial_update": MANAGE,
        "publish": MANAGE,
        "copy": MANAGE,
    }
    filterset_class = PathFilter

    def get_queryset(self):
        return selectors.path_list(community=self.request.community, membership=self.request.membership)

    def get_object(self):
        return self.path

    def _path_response(self, path, code=status.HTTP_200_OK):
        path = selectors.path_get(
            community=self.request.community, membership=self.request.membership, path_id=path.pk
        )
        return Response(s.PathOutputSerializer(path).data, status=code)

    def create(self, request, community_slug):
        serializer = s.PathInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        path = services.path_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return self._path_response(path, status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, path_id):
        serializer = s.PathUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        path = services.path_update(
            actor=request.user, community=request.community, path=self.path, **serializer.validated_data
        )
        return self._path_response(path)

    @extend_schema(
        summary=_("Publish a path, or take it back to draft"),
        request=s.PathPublishInputSerializer,
        responses={200: s.PathOutputSerializer},
    )
    def publish(self, request, community_slug, path_id):
        serializer = s.PathPublishInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        path = services.path_publish(
            actor=request.user, community=request.community, path=self.path, **serializer.validated_data
        )
        return self._path_response(path)

    @extend_schema(
        summary=_("Copy a path to adapt it (a draft of mine)"),
        request=s.PathCopyInputSerializer,
        responses={201: s.PathOutputSerializer},
    )
    def copy(self, request, community_slug, path_id):
        serializer = s.PathCopyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        path = services.path_copy(
            actor=request.user, community=request.community, path=self.path, **serializer.validated_data
        )
        return self._path_response(path, status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary=_("A path's steps in order, with prerequisites and quiz questions")),
    retrieve=extend_schema(summary=_("One step of a path")),
    create=extend_schema(
        summary=_("Add a step at the end of a path"),
        request=s.PathStepInputSerializer,
        responses={201: s.PathStepOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a step"),
        request=s.PathStepUpdateInputSerializer,
        responses={200: s.PathStepOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a step (its progress and work go with it)")),
)
class StepViewSet(PathScopedMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = PathStep.objects.none()
    serializer_class = s.PathStepOutputSerializer
    permission_classes = [MentorsMay]
    capability = {
        "list": "view",
        "retrieve": "view",
        "create": MANAGE,
        "partial_update": MANAGE,
        "destroy": MANAGE,
        "move": MANAGE,
        "prerequisites": MANAGE,
        "quiz": MANAGE,
    }
    filter_backends = []  # the path's order
    pagination_class = None  # a path's steps: a few dozen at most

    def get_queryset(self):
        return selectors.step_list(community=self.request.community, path=self.path)

    def get_object(self):
        return self.step()

    def _step_response(self, step, code=status.HTTP_200_OK):
        step = selectors.step_get(community=self.request.community, path=self.path, step_id=step.pk)
        return Response(self.get_serializer(step).data, status=code)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def create(self, request, community_slug, path_id):
        data = self._input(s.PathStepInputSerializer)
        step = services.step_create(actor=request.user, community=request.community, path=self.path, **data)
        return self._step_response(step, status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, path_id, path_step_id):
        step = self.step()
        data = self._input(s.PathStepUpdateInputSerializer)
        step = services.step_update(
            actor=request.user, community=request.community, path=self.path, step=step, **data
        )
        return self._step_response(step)

    def destroy(self, request, community_slug, path_id, path_step_id):
        services.step_delete(
            actor=request.user, community=request.community, path=self.path, step=self.step()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary=_("Move a step up or down"),
        request=s.StepMoveInputSerializer,
        responses={200: s.PathStepOutputSerializer},
    )
    def move(self, request, community_slug, path_id, path_step_id):
        step = self.step()
        data = self._input(s.StepMoveInputSerializer)
        services.step_move(
            actor=request.user,
            community=request.community,
            path=self.path,
            step=step,
            offset=int(data["offset"]),
        )
        return self._step_response(step)

    @extend_schema(
        summary=_("Set the steps a step requires (never a cycle)"),
        request=s.StepPrerequisitesInputSerializer,
        responses={200: s.PathStepOutputSerializer},
    )
    def prerequisites(self, request, community_slug, path_id, path_step_id):
        step = self.step()
        data = self._input(s.StepPrerequisitesInputSerializer)
        services.step_prerequisites_set(
            actor=request.user, community=request.community, path=self.path, step=step, **data
        )
        return self._step_response(step)

    @extend_schema(
        summary=_("Set a quiz step's questions"),
        request=s.StepQuizInputSerializer,
        responses={200: s.PathStepOutputSerializer},
    )
    def quiz(self, request, community_slug, path_id, path_step_id):
        step = self.step()
        data = self._input(s.StepQuizInputSerializer)
        services.step_quiz_set(
            actor=request.user,
            community=request.community,
            path=self.path,
            step=step,
            questions=data["questions"],
        )
        return self._step_response(step)


@extend_schema_view(
    list=extend_schema(summary=_("A path's mentors")),
    create=extend_schema(
        summary=_("Appoint a member as a mentor of the path"),
        request=s.PathMentorInputSerializer,
        responses={201: s.PathMentorOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a mentor of the path")),
)
class MentorViewSet(PathScopedMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = PathMentor.objects.none()
    serializer_class = s.PathMentorOutputSerializer
    capability = {"list": "view", "create": "appoint_mentors", "destroy": "appoint_mentors"}
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        if not has_capability(self.request.membership, "view_members"):
            return PathMentor.objects.none()
        return selectors.mentor_list(community=self.request.community, path=self.path)

    def create(self, request, community_slug, path_id):
        serializer = s.PathMentorInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mentor = services.mentor_add(
            actor=request.user, community=request.community, path=self.path, **serializer.validated_data
        )
        mentor = selectors.mentor_list(community=request.community, path=self.path).get(pk=mentor.pk)
        return Response(self.get_serializer(mentor).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, community_slug, path_id, membership_id):
        services.mentor_remove(
            actor=request.user, community=request.community, path=self.path, membership_id=membership_id
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
