"""Roles: change a member's role, transfer ownership, remove a member; the People list."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from members.api.serializers import roles as s
from members.models import Membership
from members.selectors.roles import member_get, staff_list
from members.services import roles as services


class MemberObjectMixin:
    """The member named by `membership_id`, looked up in the URL's community only (else 404)."""

    def get_object(self) -> Membership:
        return member_get(community=self.request.community, membership_id=self.kwargs["membership_id"])


@extend_schema_view(list=extend_schema(summary=_("Owners, admins and moderators (operators only)")))
class RoleViewSet(MemberObjectMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Membership.objects.none()
    serializer_class = s.MemberRoleOutputSerializer
    capability = {
        "list": "manage_roles",
        "role": "manage_roles",
        "transfer_ownership": "transfer_ownership",
        "remove": "remove_members",
    }
    search_fields = ["user__username", "user__display_name"]
    ordering_fields = []

    def get_queryset(self):
        return staff_list(community=self.request.community)

    def _run(self, input_class, service, **extra):
        member = self.get_object()
        serializer = input_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        result = service(
            actor=self.request.user,
            community=self.request.community,
            membership=member,
            **serializer.validated_data,
            **extra,
        )
        return Response(s.MemberRoleOutputSerializer(result).data)

    @extend_schema(
        summary=_("Change a member's role"),
        request=s.RoleChangeInputSerializer,
        responses={200: s.MemberRoleOutputSerializer},
    )
    def role(self, request, community_slug, membership_id):
        return self._run(s.RoleChangeInputSerializer, services.role_change)

    @extend_schema(
        summary=_("Transfer ownership: the member becomes an owner, you become an admin"),
        request=s.OwnershipTransferInputSerializer,
        responses={200: s.MemberRoleOutputSerializer},
    )
    def transfer_ownership(self, request, community_slug, membership_id):
        return self._run(s.OwnershipTransferInputSerializer, services.ownership_transfer)

    @extend_schema(
        summary=_("Remove a member from the community"),
        request=s.MemberRemoveInputSerializer,
        responses={200: s.MemberRoleOutputSerializer},
    )
    def remove(self, request, community_slug, membership_id):
        return self._run(s.MemberRemoveInputSerializer, services.member_remove)
