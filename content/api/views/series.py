"""Series API: list, one series, its published posts in order, and the operators' writes (create, edit,
delete, order)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from content.api.serializers import series as s
from content.api.serializers.posts import PostOutputSerializer
from content.models import Series
from content.selectors import series as selectors
from content.services import series as services


@extend_schema_view(
    list=extend_schema(summary=_("Series of posts, newest first")),
    retrieve=extend_schema(summary=_("One series")),
    create=extend_schema(
        summary=_("Create a series (operators)"),
        request=s.SeriesInputSerializer,
        responses={201: s.SeriesOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Edit a series (operators)"), request=s.SeriesInputSerializer(partial=True)
    ),
    destroy=extend_schema(summary=_("Delete a series; its posts stay (operators)")),
)
class SeriesViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Series.objects.none()
    serializer_class = s.SeriesOutputSerializer
    capability = {
        "list": None,
        "retrieve": None,
        "posts": None,
        "create": "manage_content",
        "partial_update": "manage_content",
        "destroy": "manage_content",
        "order": "manage_content",
    }
    lookup_url_kwarg = "series_id"
    paginated_actions = ("list", "posts")
    filter_backends = []

    def get_queryset(self):
        return selectors.series_list(community=self.request.community)

    def get_object(self):
        return selectors.series_get(community=self.request.community, series_id=self.kwargs["series_id"])

    def create(self, request, community_slug):
        serializer = s.SeriesInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        series = services.series_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        series = selectors.series_get(community=request.community, series_id=series.pk)
        return Response(self.get_serializer(series).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, series_id):
        series = self.get_object()
        serializer = s.SeriesInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.series_update(
            actor=request.user,
            community=request.community,
            series=series,
            **serializer.validated_data,
        )
        return Response(self.get_serializer(self.get_object()).data)

    def destroy(self, request, community_slug, series_id):
        services.series_delete(actor=request.user, community=request.community, series=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary=_("The series' published posts in their order"), responses=PostOutputSerializer(many=True)
    )
    def posts(self, request, community_slug, series_id):
        posts = selectors.series_posts(community=request.community, series=self.get_object())
        page = self.paginate_queryset(posts)
        return self.get_paginated_response(
            PostOutputSerializer(page, many=True, context=self.get_serializer_context()).data
        )

    @extend_schema(
        summary=_("Set the order of the series' posts (every post once, first to last)"),
        request=s.SeriesOrderInputSerializer,
        responses=PostOutputSerializer(many=True),
    )
    def order(self, request, community_slug, series_id):
        series = self.get_object()
        serializer = s.SeriesOrderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.series_reorder(
            actor=request.user,
            community=request.community,
            series=series,
            post_ids=serializer.validated_data["post_ids"],
        )
        posts = selectors.series_posts(community=request.community, series=series, everything=True)
        return Response(PostOutputSerializer(posts, many=True, context=self.get_serializer_context()).data)
