"""The caller's own membership (join, leave) and the member list of a community."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from communities import fragments
from communities.api.base import CommunityViewSet, CsvExportMixin, HasCapability
from communities.api.pagination import StoredCountPagination
from communities.arrival import arrival_for
from communities.csvexport import EXPORT_DESCRIPTION, csv_response
from members import errors, selectors, services
from members.api.serializers import membership as s
from members.api.serializers.profiles import MemberDirectorySerializer
from members.api.views.profiles import DirectoryFilter
from members.models import Membership
from members.selectors.exports import directory_export
from members.selectors.profiles import directory_base
from members.services.membership import rules_version_accept
from members.services.recruitment import membership_join_from
from members.versioning import members_version, viewer_scope


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("My membership of this community (404 not_a_member when none)"),
        responses={200: s.MembershipOutputSerializer},
    ),
    create=extend_schema(
        summary=_("Join an open community, accepting its current rules version"),
        description=_(
            "join_link, ref, src and via in the body (or ref, src and via as query parameters) record where "
            "the member came from, as the site does: a join link first, then a referral, a campaign tag, the "
            "directory. Codes that are not valid here are ignored."
        ),
        request=s.MembershipJoinInputSerializer,
        responses={201: s.MembershipOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Leave the community"), responses={204: None}),
)
class MembershipViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    """Self-service: it only ever touches the caller's own membership row."""

    queryset = Membership.objects.none()  # names the model for the schema; rows come from the selectors
    serializer_class = s.MembershipOutputSerializer
    permission_classes = [IsAuthenticated, HasCapability]
    capability = {"retrieve": None, "create": None, "destroy": "participate", "accept_rules": "accept_rules"}

    def get_object(self):
        membership = selectors.membership_for_user(community=self.request.community, user=self.request.user)
        if membership is None:
            raise errors.NotAMember()
        return membership

    def create(self, request, community_slug):
        serializer = s.MembershipJoinInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        membership_join_from(
            actor=request.user,
            community=request.community,
            accepted_rules_version=serializer.validated_data.get("accepted_rules_version"),
            arrival={**arrival_for(request, request.community), **serializer.arrival()},
        )
        return Response(self.get_serializer(self.get_object()).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Accept the community's current rules version"),
        description=_(
            "After the rules change, an active member's pending_rules_version names the version to accept; "
            "until then writes that take part answer 403 rules_acceptance_required."
        ),
        request=s.RulesAcceptInputSerializer,
        responses={200: s.MembershipOutputSerializer},
    )
    def accept_rules(self, request, community_slug):
        serializer = s.RulesAcceptInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rules_version_accept(actor=request.user, community=request.community, **serializer.validated_data)
        return Response(self.get_serializer(self.get_object()).data)

    def destroy(self, request, community_slug):
        services.membership_leave(actor=request.user, community=request.community)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary=_("The member directory: active members with the profiles the caller may see"))
)
class MemberViewSet(CsvExportMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Membership.objects.none()
    serializer_class = MemberDirectorySerializer
    capability = {"list": "view_members", "export": "manage_member_notes"}
    filterset_class = DirectoryFilter
    ordering_fields = ["joined_at", "sort_name", "last_active"]

    pagination_class = StoredCountPagination

    def get_queryset(self):
        return directory_base(community=self.request.community, viewer=self.request.membership)

    def list(self, request, *args, **kwargs):
        """A page of the directory, kept in the cache per address (host, filters, page), language, time
        zone and kind of caller under the community's member-list version (members/versioning.py)."""
        community = request.community
        version = members_version(community)  # first: the version is read before any row
        if version is None:
            return super().list(request, *args, **kwargs)
        viewer = viewer_scope(community=community, viewer=request.membership, version=version)
        scope = (fragments.release(), community.pk, version, viewer, fragments.locale_parts())
        key = "api-members:" + fragments.digest(scope, request.build_absolute_uri())
        build = super().list
        return Response(fragments.memo(key, lambda: build(request, *args, **kwargs).data))

    @extend_schema(
        summary=_("The member directory as CSV, with the same filters (operators; the site's export)"),
        description=EXPORT_DESCRIPTION,
        responses={(200, "text/csv"): OpenApiTypes.STR},
    )
    def export(self, request, community_slug):
        members = self.filter_queryset(self.get_queryset())
        if not members.query.order_by:
            members = members.order_by("sort_name", "id")  # the directory's own order
        return csv_response(
            directory_export(community=request.community, viewer=request.membership, members=members)
        )

    def stored_count(self) -> int | None:
        """The stored member count is the total unless a filter narrows the list."""
        if any(self.request.query_params.get(name) for name in DirectoryFilter.base_filters):
            return None
        return self.request.community.member_count
