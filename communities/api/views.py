"""REST endpoints of communities and their rules. Thin: validate input, call a service or a selector."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from communities import fragments, selectors, services
from communities.api import serializers as s
from communities.api.base import CommunityViewSet, RoutedMethodsOnly
from communities.api.filters import CommunityFilter
from communities.errors import NotFound
from communities.models import Community, Rule, RulesVersion
from communities.versioning import communities_version


@extend_schema_view(
    list=extend_schema(summary=_("Communities visible to the caller (public ones and mine)")),
    create=extend_schema(
        summary=_("Create a community; the caller becomes its owner"),
        request={
            "application/json": s.CommunityCreateJSONInputSerializer,
            "multipart/form-data": s.CommunityCreateInputSerializer,
        },
        responses={201: s.CommunityOutputSerializer},
    ),
)
class CommunityListViewSet(RoutedMethodsOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Not community-scoped: listing needs nothing, creating needs an account (and staff when restricted)."""

    queryset = Community.objects.none()  # names the model for the schema; rows come from the selectors
    serializer_class = s.CommunityOutputSerializer
    parser_classes = [JSONParser, MultiPartParser]  # multipart to upload a logo or cover image
    permission_classes = [IsAuthenticatedOrReadOnly]
    filterset_class = CommunityFilter
    search_fields = ["name", "tagline"]
    ordering_fields = ["name", "created_at", "member_count", "activity_score"]
    ordering = ["name"]

    def get_queryset(self):
        visible = selectors.community_list_visible(user=self.request.user)
        return selectors.with_viewer_membership(visible, user=self.request.user)

    def list(self, request, *args, **kwargs):
        """A page of the list, kept in the cache per caller (their communities and roles are in it),
        address (host, filters, page), language and time zone, under the platform's community-list
        version (communities/versioning.py)."""
        version = communities_version()  # first: the version is read before any row
        if version is None:
            return super().list(request, *args, **kwargs)
        caller = request.user.pk if request.user.is_authenticated else None
        scope = (fragments.release(), version, caller, fragments.locale_parts())
        key = "api-communities:" + fragments.digest(scope, request.build_absolute_uri())
        build = super().list
        return Response(fragments.memo(key, lambda: build(request, *args, **kwargs).data))

    def create(self, request):
        serializer = s.CommunityCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        community = services.community_create(actor=request.user, **serializer.validated_data)
        community = selectors.community_detail(community=community, user=request.user)
        return Response(self.get_serializer(community).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    retrieve=extend_schema(summary=_("A community's profile")),
    partial_update=extend_schema(
        summary=_("Change profile and branding fields (owners and admins)"),
        request={
            "application/json": s.CommunityUpdateJSONInputSerializer,
            "multipart/form-data": s.CommunityUpdateInputSerializer,
        },
        responses={200: s.CommunityOutputSerializer},
    ),
    destroy=extend_schema(
        summary=_("Delete the community (owner); confirm with ?confirm=<slug> or confirm_slug"),
        parameters=[OpenApiParameter("confirm", OpenApiTypes.STR, description=_("The community's slug."))],
        request=s.CommunityDeleteInputSerializer,
        responses={204: None},
    ),
)
class CommunityDetailViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Community.objects.none()
    serializer_class = s.CommunityOutputSerializer
    parser_classes = [JSONParser, MultiPartParser]  # multipart to upload a logo or cover image
    capability = {
        "retrieve": None,
        "partial_update": "manage_community",
        "destroy": "delete_community",
        "archive": "archive_community",
        "unarchive": "archive_community",
    }

    def get_object(self):
        return selectors.community_detail(community=self.request.community, user=self.request.user)

    def _respond(self):
        return Response(self.get_serializer(self.get_object()).data)

    def partial_update(self, request, community_slug):
        serializer = s.CommunityUpdateInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.community_update(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return self._respond()

    def destroy(self, request, community_slug):
        serializer = s.CommunityDeleteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        confirm = request.query_params.get("confirm") or serializer.validated_data.get("confirm_slug", "")
        services.community_delete(actor=request.user, community=request.community, confirm_slug=confirm)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary=_("Archive: read-only and hidden from the directory (owner)"),
        tags=["communities"],
        request=None,
        responses={200: s.CommunityOutputSerializer},
    )
    def archive(self, request, community_slug):
        services.community_archive(actor=request.user, community=request.community)
        return self._respond()

    @extend_schema(
        summary=_("Unarchive (owner)"),
        tags=["communities"],
        request=None,
        responses={200: s.CommunityOutputSerializer},
    )
    def unarchive(self, request, community_slug):
        services.community_unarchive(actor=request.user, community=request.community)
        return self._respond()


RULE_INPUT = {"application/json": s.RuleInputSerializer}


@extend_schema_view(
    list=extend_schema(summary=_("The community's rules in display order")),
    retrieve=extend_schema(summary=_("One rule")),
    create=extend_schema(
        summary=_("Add a rule; publishes a new rules version"),
        request=RULE_INPUT,
        responses={201: s.RuleOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Change a rule; publishes a new rules version"),
        request=RULE_INPUT,
        responses={200: s.RuleOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Delete a rule; publishes a new rules version")),
)
class RuleViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, CommunityViewSet
):
    queryset = Rule.objects.none()
    serializer_class = s.RuleOutputSerializer
    lookup_url_kwarg = "rule_id"
    filter_backends = []  # the community's order, nothing to search
    capability = {
        "list": None,
        "retrieve": None,
        "create": "manage_rules",
        "partial_update": "manage_rules",
        "destroy": "manage_rules",
        "reorder": "manage_rules",
    }

    def get_queryset(self):
        return selectors.rule_list(community=self.request.community)

    def get_object(self):
        return selectors.rule_get(community=self.request.community, rule_id=self.kwargs["rule_id"])

    def create(self, request, community_slug):
        serializer = s.RuleInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.rule_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(rule).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, rule_id):
        rule = self.get_object()
        serializer = s.RuleInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        rule = services.rule_update(actor=request.user, rule=rule, **serializer.validated_data)
        return Response(self.get_serializer(rule).data)

    def perform_destroy(self, instance):
        services.rule_delete(actor=self.request.user, rule=instance)

    @extend_schema(
        summary=_("Put every rule in the given order; publishes a new rules version"),
        request=s.RulesReorderInputSerializer,
        responses={200: s.RuleOutputSerializer(many=True)},
    )
    def reorder(self, request, community_slug):
        serializer = s.RulesReorderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rules = services.rules_reorder(
            actor=request.user, community=request.community, rule_ids=serializer.validated_data["rule_ids"]
        )
        return Response(self.get_serializer(rules, many=True).data)


@extend_schema_view(list=extend_schema(summary=_("Published rules versions, newest first")))
class RulesVersionViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = RulesVersion.objects.none()
    serializer_class = s.RulesVersionOutputSerializer
    capability = {"list": None, "current": None}
    filter_backends = []  # newest first, nothing to search

    def get_queryset(self):
        return selectors.rules_version_list(community=self.request.community)

    @extend_schema(
        summary=_("The rules version members accept when they join now"),
        responses=s.RulesVersionOutputSerializer,
    )
    def current(self, request, community_slug):
        version = selectors.rules_version_current(community=request.community)
        if version is None:
            raise NotFound(_("This community has not published any rules yet."), code="no_rules_version")
        return Response(self.get_serializer(version).data)
