"""Project collaborations over the API: the team size, projects, their teams (join, leave), progress
updates and the showcase. Every route names its event; another kind of event, or one the caller may not
see, is a 404 (collaboration_not_found)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.permissions import has_capability
from events.api.serializers import projects as s
from events.api.views.scoped import EventScopedMixin
from events.models import Project, ProjectMember, ProjectUpdate
from events.selectors import projects as selectors
from events.services import projects as services

MANAGE = "manage_events"


class CollaborationMixin(EventScopedMixin):
    event_selector = staticmethod(selectors.project_event_get)

    def project(self):
        return selectors.project_get(
            community=self.request.community, event=self.event, project_id=self.kwargs["project_id"]
        )


@extend_schema_view(
    retrieve=extend_schema(summary=_("A project event's rules: the largest team")),
    update=extend_schema(
        summary=_("Set the largest team of a project event"),
        request=s.CollaborationSerializer,
        responses={200: s.CollaborationSerializer},
    ),
)
class CollaborationViewSet(CollaborationMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    serializer_class = s.CollaborationSerializer
    capability = {"retrieve": None, "update": MANAGE}

    def get_object(self):
        return selectors.collaboration_for(community=self.request.community, event=self.event)

    def update(self, request, community_slug, event_id):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        collaboration = services.collaboration_update(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        return Response(self.get_serializer(collaboration).data)


@extend_schema_view(
    list=extend_schema(summary=_("A project event's projects with their teams, oldest first")),
    retrieve=extend_schema(summary=_("One project and its team")),
    create=extend_schema(
        summary=_("Propose a project (I am its team's first member)"),
        request=s.ProjectInputSerializer,
        responses={201: s.ProjectOutputSerializer},
    ),
)
class ProjectViewSet(CollaborationMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Project.objects.none()
    serializer_class = s.ProjectOutputSerializer
    capability = {"list": None, "retrieve": None, "create": "participate", "showcase": "participate"}
    filter_backends = []  # oldest first

    def get_queryset(self):
        return selectors.project_list(community=self.request.community, event=self.event)

    def get_object(self):
        return self.project()

    def create(self, request, community_slug, event_id):
        serializer = s.ProjectInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        project = services.project_propose(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        project = selectors.project_get(community=request.community, event=self.event, project_id=project.pk)
        return Response(self.get_serializer(project).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("End a project with its showcase entry: final description, link and image"),
        request={
            "application/json": s.ShowcaseInputSerializer,
            "multipart/form-data": s.ShowcaseInputSerializer,
        },
        responses={200: s.ProjectOutputSerializer},
    )
    def showcase(self, request, community_slug, event_id, project_id):
        project = self.get_object()
        serializer = s.ShowcaseInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.project_showcase(
            actor=request.user,
            community=request.community,
            event=self.event,
            project=project,
            **serializer.validated_data,
        )
        project = selectors.project_get(community=request.community, event=self.event, project_id=project.pk)
        return Response(self.get_serializer(project).data)


class ProjectShowcaseViewSet(ProjectViewSet):
    """The showcase: the one project action that takes a multipart body (its image)."""

    parser_classes = [JSONParser, MultiPartParser]
    capability = {"showcase": "participate"}


@extend_schema_view(
    list=extend_schema(summary=_("A project's team members")),
    create=extend_schema(
        summary=_("Join a project's team (while it has room)"),
        request=None,
        responses={201: s.TeamMemberOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Leave a project's team")),
)
class TeamViewSet(CollaborationMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = ProjectMember.objects.none()
    serializer_class = s.TeamMemberOutputSerializer
    capability = {"list": None, "create": "participate", "destroy": "participate"}
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        if not has_capability(self.request.membership, "view_members"):
            return ProjectMember.objects.none()  # who is in a team: for those who may see the members
        return selectors.team_member_list(community=self.request.community, project=self.project())

    def create(self, request, community_slug, event_id, project_id):
        member = services.project_join(
            actor=request.user, community=request.community, event=self.event, project=self.project()
        )
        member = selectors.team_member_list(community=request.community).get(pk=member.pk)
        return Response(self.get_serializer(member).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, community_slug, event_id, project_id):
        services.project_leave(
            actor=request.user, community=request.community, event=self.event, project=self.project()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary=_("A project's progress updates, newest first")),
    create=extend_schema(
        summary=_("Post a progress update (team members)"),
        request=s.UpdateInputSerializer,
        responses={201: s.UpdateOutputSerializer},
    ),
)
class UpdateViewSet(CollaborationMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = ProjectUpdate.objects.none()
    serializer_class = s.UpdateOutputSerializer
    capability = {"list": None, "create": "participate"}
    filter_backends = []  # newest first

    def get_queryset(self):
        return selectors.update_list(community=self.request.community, project=self.project())

    def create(self, request, community_slug, event_id, project_id):
        project = self.project()
        serializer = s.UpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        update = services.project_update_post(
            actor=request.user,
            community=request.community,
            event=self.event,
            project=project,
            **serializer.validated_data,
        )
        update = selectors.update_list(community=request.community, project=update.project).get(pk=update.pk)
        return Response(self.get_serializer(update).data, status=status.HTTP_201_CREATED)
