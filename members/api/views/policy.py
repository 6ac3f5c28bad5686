"""The community's member policy: read and change it (owners and admins)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from members.api.serializers import policy as s
from members.models import MemberPolicy
from members.selectors.policy import policy_for
from members.services.policy import member_policy_update


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("The member policy (cool-down, welcome, skill levels, trust ladder, post limits)"),
        responses={200: s.MemberPolicyOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Change some fields of the member policy"),
        request=s.MemberPolicyInputSerializer,
        responses={200: s.MemberPolicyOutputSerializer},
    ),
)
class MemberPolicyViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = MemberPolicy.objects.none()  # names the model for the schema; the row comes from policy_for
    serializer_class = s.MemberPolicyOutputSerializer
    capability = {"retrieve": "manage_community", "partial_update": "manage_community"}

    def get_object(self):
        return policy_for(community=self.request.community)

    def partial_update(self, request, community_slug):
        serializer = s.MemberPolicyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        policy = member_policy_update(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(policy).data)
