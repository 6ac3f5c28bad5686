"""The resource library over the API: resources (filters, ordering, pages), their ratings and the
caller's own rating, the featured lists, and the curators' broken links."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.permissions import has_capability
from content.segmentation import query_words
from learning.api.serializers import resources as s
from learning.models import FeaturedList, Resource, ResourceCost, ResourceKind, ResourceRating
from learning.models.resources import LEVEL_MAX, TAG_MAX
from learning.selectors import resources as selectors
from learning.services import resources as services

MANAGE = "manage_learning"
TAKE_PART = "participate"


class ResourceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ResourceKind.choices)
    level = django_filters.CharFilter(
        max_length=LEVEL_MAX, help_text=_("One of the community's skill levels")
    )
    cost = django_filters.ChoiceFilter(choices=ResourceCost.choices)
    tag = django_filters.CharFilter(max_length=TAG_MAX, method="filter_tag", help_text=_("A tag (any case)"))
    q = django_filters.CharFilter(
        max_length=100, method="filter_text", help_text=_("Words found in the title, description or tags")
    )

    class Meta:
        model = Resource
        fields = ["kind", "level", "cost", "tag", "q"]

    def filter_tag(self, queryset, name, value):
        return (
            queryset.filter(tag_index__contains=f" {value.strip().lower()} ") if value.strip() else queryset
        )

    def filter_text(self, queryset, name, value):
        for word in query_words(value):
            queryset = queryset.filter(search_words__contains=word)
        return queryset


class LibraryMixin:
    def get_serializer_context(self):
        context = super().get_serializer_context()
        membership = getattr(self.request, "membership", None)
        context["names_shown"] = has_capability(membership, "view_members")
        context["membership_id"] = getattr(membership, "pk", None)
        return context

    @cached_property
    def resource(self):
        return selectors.resource_get(
            community=self.request.community, resource_id=self.kwargs["resource_id"]
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("The resource library (filters: kind, level, cost, tag, q; ordering; pages)")
    ),
    retrieve=extend_schema(summary=_("One resource")),
    create=extend_schema(
        summary=_("Suggest a resource (I am its recommender)"),
        request=s.ResourceInputSerializer,
        responses={201: s.ResourceOutputSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Change a resource (its recommender or a curator)"),
        request=s.ResourceInputSerializer,
        responses={200: s.ResourceOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a resource (its recommender or a curator)")),
)
class ResourceViewSet(LibraryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Resource.objects.none()
    serializer_class = s.ResourceOutputSerializer
    filterset_class = ResourceFilter
    ordering_fields = ["created_at", "rating_average", "title"]
    capability = {
        "list": None,
        "retrieve": None,
        "create": TAKE_PART,
        "partial_update": TAKE_PART,
        "destroy": TAKE_PART,
    }

    def get_queryset(self):
        return selectors.resource_list(community=self.request.community)

    def get_object(self):
        return self.resource

    def _answer(self, resource, code=status.HTTP_200_OK):
        resource = selectors.resource_get(community=self.request.community, resource_id=resource.pk)
        return Response(self.get_serializer(resource).data, status=code)

    def create(self, request, community_slug):
        serializer = s.ResourceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        resource = services.resource_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return self._answer(resource, status.HTTP_201_CREATED)

    def partial_update(self, request, community_slug, resource_id):
        resource = self.get_object()
        serializer = s.ResourceInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.resource_update(
            actor=request.user, community=request.community, resource=resource, **serializer.validated_data
        )
        return self._answer(resource)

    def destroy(self, request, community_slug, resource_id):
        services.resource_delete(actor=request.user, community=request.community, resource=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(list=extend_schema(summary=_("Resources whose link is flagged broken (curators)")))
class BrokenResourceViewSet(LibraryMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = Resource.objects.none()
    serializer_class = s.BrokenResourceOutputSerializer
    capability = {"list": MANAGE}
    filter_backends = []  # longest broken first

    def get_queryset(self):
        return selectors.broken_resource_list(community=self.request.community)


@extend_schema_view(
    list=extend_schema(summary=_("A resource's ratings and reviews, latest first")),
    update=extend_schema(
        summary=_("Rate and review a resource, or change my rating (never my own resource)"),
        request=s.RatingInputSerializer,
        responses={200: s.RatingOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Withdraw my rating of a resource (nothing to withdraw is fine)")),
)
class RatingViewSet(LibraryMixin, mixins.ListModelMixin, CommunityViewSet):
    queryset = ResourceRating.objects.none()
    serializer_class = s.RatingOutputSerializer
    capability = {"list": None, "update": TAKE_PART, "destroy": TAKE_PART}
    filter_backends = []  # latest first

    def get_queryset(self):
        return selectors.rating_list(community=self.request.community, resource=self.resource)

    def update(self, request, community_slug, resource_id):
        resource = self.resource
        serializer = s.RatingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rating = services.rating_set(
            actor=request.user, community=request.community, resource=resource, **serializer.validated_data
        )
        rating = selectors.rating_list(community=request.community, resource=resource).get(pk=rating.pk)
        return Response(self.get_serializer(rating).data)

    def destroy(self, request, community_slug, resource_id):
        services.rating_delete(actor=request.user, community=request.community, resource=self.resource)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary=_("The featured lists, in order, with their resources")),
    retrieve=extend_schema(summary=_("One featured list")),
    create=extend_schema(
        summary=_("Create a featured list (curators)"),
        request=s.FeaturedListInputSerializer,
        responses={201: s.FeaturedListOutputSerializer},
    ),
    update=extend_schema(
        summary=_("Rename, move or set the resources of a featured list (curators)"),
        request=s.FeaturedListInputSerializer,
        responses={200: s.FeaturedListOutputSerializer},
    ),
    destroy=extend_schema(summary=_("Delete a featured list (curators)")),
)
class FeaturedListViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = FeaturedList.objects.none()
    serializer_class = s.FeaturedListOutputSerializer
    capability = {"list": None, "retrieve": None, "create": MANAGE, "update": MANAGE, "destroy": MANAGE}
    filter_backends = []  # in their order
    pagination_class = None

    def get_queryset(self):
        return selectors.featured_list_list(community=self.request.community)

    def get_object(self):
        return selectors.featured_list_get(
            community=self.request.community, featured_list_id=self.kwargs["featured_list_id"]
        )

    def _answer(self, featured_list, code=status.HTTP_200_OK):
        featured_list = selectors.featured_list_get(
            community=self.request.community, featured_list_id=featured_list.pk
        )
        return Response(self.get_serializer(featured_list).data, status=code)

    def create(self, request, community_slug):
        serializer = s.FeaturedListInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        featured_list = services.featured_list_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return self._answer(featured_list, status.HTTP_201_CREATED)

    def update(self, request, community_slug, featured_list_id):
        featured_list = self.get_object()
        serializer = s.FeaturedListInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.featured_list_update(
            actor=request.user,
            community=request.community,
            featured_list=featured_list,
            **serializer.validated_data,
        )
        return self._answer(featured_list)

    def destroy(self, request, community_slug, featured_list_id):
        services.featured_list_delete(
            actor=request.user, community=request.community, featured_list=self.get_object()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
