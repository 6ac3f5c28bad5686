"""The notification inbox in the API (global: the caller's notifications from all communities) and the
caller's notification preferences in one community."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from communities import inbox
from communities.api.base import CommunityViewSet, RoutedMethodsOnly, StrictInputMixin
from communities.models import Notification, NotificationPreference


class NotificationSerializer(serializers.ModelSerializer):
    """A notice as its reader reads it: `title` and `body` rendered in the caller's language from `kind`
    and `params` (communities.notices), so a client may also phrase it itself."""

    community = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    params = serializers.DictField(
        read_only=True, help_text=_("The parameters of the kind, as stored (names, numbers, choice values).")
    )
    title = serializers.CharField(read_only=True, help_text=_("In the caller's language."))
    body = serializers.CharField(read_only=True, help_text=_("Markdown, in the caller's language."))
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "community",
            "kind",
            "params",
            "title",
            "body",
            "url",
            "created_at",
            "read_at",
            "read",
        ]
        read_only_fields = fields

    def get_read(self, notification) -> bool:
        return notification.read_at is not None


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(read_only=True)


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(method="filter_unread", label=_("Only unread notifications"))

    class Meta:
        model = Notification
        fields = ["kind"]

    def filter_unread(self, queryset, name, value):
        return queryset.filter(read_at__isnull=value)


@extend_schema_view(
    list=extend_schema(summary=_("My notifications from all my communities, newest first")),
)
class NotificationViewSet(RoutedMethodsOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The one read across communities, always filtered by the caller as recipient."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = NotificationFilter
    queryset = Notification.objects.none()  # names the model for the schema; rows come from inbox

    def get_queryset(self):
        return inbox.notification_list(user=self.request.user)

    @extend_schema(
        summary=_("Mark one notification read"),
        request=None,
        responses={200: NotificationSerializer},
    )
    def read(self, request, notification_id):
        notification = inbox.notification_mark_read(actor=request.user, notification_id=notification_id)
        return Response(self.get_serializer(notification).data)

    @extend_schema(
        summary=_("Mark all my notifications read"), request=None, responses={200: MarkedSerializer}
    )
    def read_all(self, request):
        return Response({"marked": inbox.notification_mark_all_read(actor=request.user)})


class PreferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = NotificationPreference
        fields = ["kind", "in_app", "email"]
        read_only_fields = fields


class PreferenceInputSerializer(StrictInputMixin, serializers.Serializer):
    kind = serializers.ChoiceField(choices=inbox.GROUP_KEYS)
    in_app = serializers.BooleanField()
    email = serializers.BooleanField()


@extend_schema_view(
    list=extend_schema(summary=_("My notification preferences in this community, one per kind")),
    create=extend_schema(
        summary=_("Set how I receive one kind of notification in this community"),
        request=PreferenceInputSerializer,
        responses={200: PreferenceSerializer},
    ),
)
class PreferenceViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = NotificationPreference.objects.none()
    serializer_class = PreferenceSerializer
    capability = {"list": "participate", "create": "participate"}
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return inbox.preference_list(community=self.request.community, user=self.request.user)

    def create(self, request, community_slug):
        serializer = PreferenceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        preference = inbox.preference_set(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(preference).data, status=status.HTTP_200_OK)
