"""Spaces API: the spaces (list, one, create, edit), their members (list, add, remove) and the caller's
own membership of a space (join, leave)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import discussions as s
from content.errors.discussions import SpaceNotFound
from content.models import Space, SpaceMember
from content.selectors import discussions as selectors
from content.services import spaces as services


class SpaceContextMixin:
    def get_serializer_context(self):
        context = super().get_serializer_context()
        community = getattr(self.request, "community", None)
        membership = getattr(self.request, "membership", None)
        context["member_of"] = (
            selectors.my_space_ids(community=community, membership=membership) if community else set()
        )
        context["sees_all"] = selectors.sees_every_space(membership)
        return context


@extend_schema_view(
    list=extend_schema(summary=_("The community's spaces, in their order")),
    retrieve=extend_schema(summary=_("One space")),
    create=extend_schema(
        summary=_("Open a space (operators)"),
        request=s.SpaceInputSerializer,
        responses={201: s.SpaceOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Change a space (operators)"),
        request=s.SpaceUpdateSerializer,
        responses={200: s.SpaceOutputSerializer},
    ),
)
class SpaceViewSet(SpaceContextMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Space.objects.none()
    serializer_class = s.SpaceOutputSerializer
    lookup_url_kwarg = "space_slug"
    filter_backends = []  # a handful of rows in the operators' order
    capability = {
        "list": "view",
        "retrieve": "view",
        "create": "manage_spaces",
        "partial_update": "manage_spaces",
    }

    def get_queryset(self):
        return selectors.space_list(community=self.request.community)

    def get_object(self):
        return selectors.space_get(community=self.request.community, slug=self.kwargs["space_slug"])

    def create(self, request, community_slug):
        serializer = s.SpaceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        space = services.space_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(space).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, space_slug):
        space = self.get_object()
        serializer = s.SpaceUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        space = services.space_update(
            actor=request.user, community=request.community, space=space, **serializer.validated_data
        )
        return Response(self.get_serializer(space).data)


class SpaceChildMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._space = selectors.space_get(community=request.community, slug=self.kwargs["space_slug"])


@extend_schema_view(
    list=extend_schema(summary=_("The members of a space (for those who may read it)")),
    create=extend_schema(
        summary=_("Add an active member to a space (operators)"),
        request=s.SpaceMemberInputSerializer,
        responses={201: s.SpaceMemberOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a member from a space (operators)")),
)
class SpaceMemberViewSet(SpaceChildMixin, mixins.ListModelMixin, mixins.DestroyModelMixin, CommunityViewSet):
    queryset = SpaceMember.objects.none()
    serializer_class = s.SpaceMemberOutputSerializer
    lookup_url_kwarg = "membership_id"
    filter_backends = []  # by name
    capability = {"list": "view", "create": "manage_spaces", "destroy": "manage_spaces"}

    def get_queryset(self):
        membership = self.request.membership
        member_of = selectors.my_space_ids(community=self.request.community, membership=membership)
        if not selectors.may_read_space(membership, self._space, member_of):
            raise SpaceNotFound()
        return selectors.space_member_list(community=self.request.community, space=self._space)

    def get_object(self):
        return selectors.space_member_get(
            community=self.request.community, space=self._space, membership_id=self.kwargs["membership_id"]
        )

    def create(self, request, community_slug, space_slug):
        serializer = s.SpaceMemberInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership = selectors.active_member_named(
            community=request.community, membership_id=serializer.validated_data["membership_id"]
        )
        row = services.space_member_add(
            actor=request.user, community=request.community, space=self._space, membership=membership
        )
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        services.space_member_remove(
            actor=self.request.user,
            community=self.request.community,
            space=self._space,
            membership=instance.membership,
        )


class SpaceMembershipViewSet(SpaceChildMixin, SpaceContextMixin, CommunityViewSet):
    """The caller's own membership of a space: joining an open space, and leaving."""

    queryset = Space.objects.none()
    serializer_class = s.SpaceOutputSerializer
    capability = {"join": "participate", "leave": "participate"}

    @extend_schema(
        summary=_("Join an open space (space_join_closed for one by invitation)"),
        request=None,
        responses={201: s.SpaceOutputSerializer},
    )
    def join(self, request, community_slug, space_slug):
        services.space_join(actor=request.user, community=request.community, space=self._space)
        space = selectors.space_get(community=request.community, slug=space_slug)
        return Response(self.get_serializer(space).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary=_("Leave a space"), request=None, responses={204: None})
    def leave(self, request, community_slug, space_slug):
        services.space_leave(actor=request.user, community=request.community, space=self._space)
        return Response(status=status.HTTP_204_NO_CONTENT)
