"""The relationship log over the API: followed members, touchpoints and cadences (owners and admins)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from members import errors
from members.api.serializers import relationships as s
from members.models import Membership, Touchpoint
from members.selectors.relationships import (
    caretaker_choices,
    relationship_list,
    touchpoint_list,
)
from members.selectors.roles import member_get
from members.services.relationships import cadence_clear, cadence_set, touchpoint_create

CAPABILITY = "manage_relationships"


@extend_schema_view(
    list=extend_schema(
        summary=_("Core members and opinion leaders with cadence, last touchpoint, trend and overdue flag"),
        parameters=[OpenApiParameter("overdue", bool, description=_("Only overdue members (true/false)"))],
    )
)
class RelationshipViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = Membership.objects.none()
    serializer_class = s.RelationshipOutputSerializer
    capability = {"list": CAPABILITY}
    filter_backends = []  # `overdue` is read below; the log is ordered by username

    def get_queryset(self):
        overdue = {"true": True, "1": True, "false": False, "0": False}.get(
            self.request.query_params.get("overdue", "")
        )
        return relationship_list(community=self.request.community, overdue=overdue)


class MemberRelationshipMixin:
    def member(self):
        return member_get(community=self.request.community, membership_id=self.kwargs["membership_id"])


@extend_schema_view(
    list=extend_schema(summary=_("One member's touchpoints, newest first")),
    create=extend_schema(
        summary=_("Record a touchpoint (call, message, meeting) with a member"),
        request=s.TouchpointInputSerializer,
        responses={201: s.TouchpointOutputSerializer},
    ),
)
class TouchpointViewSet(MemberRelationshipMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Touchpoint.objects.none()
    serializer_class = s.TouchpointOutputSerializer
    capability = {"list": CAPABILITY, "create": CAPABILITY}
    filter_backends = []  # newest first

    def get_queryset(self):
        return touchpoint_list(community=self.request.community, membership=self.member())

    def create(self, request, community_slug, membership_id):
        member = self.member()
        serializer = s.TouchpointInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        touchpoint = touchpoint_create(
            actor=request.user, community=request.community, membership=member, **serializer.validated_data
        )
        return Response(self.get_serializer(touchpoint).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    update=extend_schema(
        summary=_("Set a member's contact cadence and caretaker (an owner's or admin's username)"),
        request=s.CadenceInputSerializer,
        responses={200: s.CadenceOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Clear a member's contact cadence"), responses={204: None}),
)
class CadenceViewSet(MemberRelationshipMixin, CommunityViewSet):
    queryset = Membership.objects.none()
    serializer_class = s.CadenceOutputSerializer
    capability = {"update": CAPABILITY, "destroy": CAPABILITY}

    def update(self, request, community_slug, membership_id):
        member = self.member()
        serializer = s.CadenceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        caretaker = None
        if name := serializer.validated_data["caretaker"]:
            found = caretaker_choices(community=request.community).filter(user__username=name).first()
            if found is None:
                raise errors.InvalidCaretaker(fields={"caretaker": [errors.InvalidCaretaker.message]})
            caretaker = found.user
        cadence = cadence_set(
            actor=request.user,
            community=request.community,
            membership=member,
            every_days=serializer.validated_data["every_days"],
            caretaker=caretaker,
        )
        return Response(self.get_serializer(cadence).data)

    def destroy(self, request, community_slug, membership_id):
        cadence_clear(actor=request.user, community=request.community, membership=self.member())
        return Response(status=status.HTTP_204_NO_CONTENT)
