"""Profiles in the API: my profile, a member's profile, operators' notes and tags, the directory filters."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.dates import BoundedDateFilter
from communities.roles import Role
from members.api.serializers import profiles as s
from members.models import MemberNote, Membership, MemberTag
from members.selectors import profiles as selectors
from members.services import profiles as services


class DirectoryFilter(django_filters.FilterSet):
    """The directory's filters (same as the HTML page); profile filters respect profile visibility."""

    search = django_filters.CharFilter(label=_("Name, username, bio or skill"))
    skill_level = django_filters.CharFilter()
    skill = django_filters.CharFilter()
    role = django_filters.ChoiceFilter(choices=Role.choices)
    tag = django_filters.CharFilter(label=_("Operators' tag (operators only)"))
    joined_from = BoundedDateFilter()
    joined_to = BoundedDateFilter()
    active_within = django_filters.ChoiceFilter(
        choices=[(str(days), str(days)) for days in selectors.ACTIVE_WITHIN_DAYS],
        label=_("Active in the last N days"),
    )

    class Meta:
        model = Membership
        fields = []

    def filter_queryset(self, queryset):
        data = {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")}
        if "search" in data:
            data["q"] = data.pop("search")
        if "active_within" in data:
            data["active_within"] = int(data["active_within"])
        return selectors.directory_filter(
            queryset,
            community=self.request.community,
            viewer=self.request.membership,
            query=selectors.DirectoryQuery(**data),
        )


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("My profile in this community"), responses={200: s.MemberDirectorySerializer}
    ),
    update=extend_schema(
        summary=_("Replace my profile (skills and links as lists)"),
        request=s.ProfileInputSerializer,
        responses={200: s.MemberDirectorySerializer},
    ),
)
class MyProfileViewSet(mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Membership.objects.none()  # names the model for the schema; rows come from the selectors
    serializer_class = s.MemberDirectorySerializer
    capability = {"retrieve": "participate", "update": "participate"}

    def get_object(self):
        membership = self.request.membership
        return selectors.profile_get(
            community=self.request.community, viewer=membership, membership_id=membership.pk
        )

    def update(self, request, community_slug):
        serializer = s.ProfileInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.profile_update(actor=request.user, community=request.community, **serializer.validated_data)
        return Response(self.get_serializer(self.get_object()).data)


class MemberScopedViewSet(CommunityViewSet):
    """Views about one active member of the community, named by `membership_id` in the URL."""

    @cached_property
    def member(self) -> Membership:
        return selectors.profile_get(
            community=self.request.community,
            viewer=self.request.membership,
            membership_id=self.kwargs["membership_id"],
        )


@extend_schema_view(
    retrieve=extend_schema(
        summary=_("A member's profile (null when they keep it from the caller)"),
        responses={200: s.MemberDirectorySerializer},
    )
)
class MemberProfileViewSet(mixins.RetrieveModelMixin, MemberScopedViewSet):
    queryset = Membership.objects.none()
    serializer_class = s.MemberDirectorySerializer
    capability = {"retrieve": "view_members"}

    def get_object(self):
        return self.member


class OperatorAnnotationViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, MemberScopedViewSet):
    """Operators' private annotations of one member (notes, tags): list, add, delete.

    Subclasses name the serializers, the list and `_get` selectors and the two services.
    """

    capability = {
        "list": "manage_member_notes",
        "create": "manage_member_notes",
        "destroy": "manage_member_notes",
    }
    filter_backends = []
    input_serializer_class: type
    selector = get_selector = add_service = remove_service = None

    def get_queryset(self):
        return type(self).selector(community=self.request.community, membership=self.member)

    def get_object(self):
        lookup = {self.lookup_url_kwarg: self.kwargs[self.lookup_url_kwarg]}
        return type(self).get_selector(community=self.request.community, membership=self.member, **lookup)

    def create(self, request, community_slug, membership_id):
        member = self.member  # another community's member is a 404 before any input error
        serializer = self.input_serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = type(self).add_service(
            actor=request.user, community=request.community, membership=member, **serializer.validated_data
        )
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        type(self).remove_service(actor=self.request.user, community=self.request.community, row=instance)


@extend_schema_view(
    list=extend_schema(summary=_("Operators' private notes on a member")),
    create=extend_schema(
        summary=_("Add a private note on a member"),
        request=s.NoteInputSerializer,
        responses={201: s.NoteSerializer},
    ),
    destroy=extend_schema(summary=_("Delete a private note"), responses={204: None}),
)
class MemberNoteViewSet(OperatorAnnotationViewSet):
    queryset = MemberNote.objects.none()
    serializer_class = s.NoteSerializer
    input_serializer_class = s.NoteInputSerializer
    lookup_url_kwarg = "note_id"
    selector = selectors.member_notes
    get_selector = selectors.member_note_get
    add_service = services.member_note_add

    @staticmethod
    def remove_service(*, actor, community, row):
        services.member_note_delete(actor=actor, community=community, note=row)


@extend_schema_view(
    list=extend_schema(summary=_("Operators' tags on a member")),
    create=extend_schema(
        summary=_("Tag a member (core member, opinion leader or a free tag)"),
        request=s.TagInputSerializer,
        responses={201: s.TagSerializer},
    ),
    destroy=extend_schema(summary=_("Remove a tag"), responses={204: None}),
)
class MemberTagViewSet(OperatorAnnotationViewSet):
    queryset = MemberTag.objects.none()
    serializer_class = s.TagSerializer
    input_serializer_class = s.TagInputSerializer
    lookup_url_kwarg = "tag_id"
    selector = selectors.member_tags
    get_selector = selectors.member_tag_get
    add_service = services.member_tag_add

    @staticmethod
    def remove_service(*, actor, community, row):
        services.member_tag_remove(actor=actor, community=community, tag=row)
