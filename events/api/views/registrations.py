"""Registrations API: my registration to an event (register, cancel), my registrations in the community,
and an event's registrations for its operators and hosts (list, approve, decline, CSV).

The operators' actions declare `manage_events`; the event's hosts are let in by
`HasCapabilityOrHostsEvent` (events.api.permissions) and the services decide (`ensure_may_manage`), as
on the site's registrations page.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from communities.api.base import CommunityViewSet, CsvExportMixin
from communities.csvexport import EXPORT_DESCRIPTION, csv_response
from events.api.serializers import registrations as s
from events.api.views.scoped import EventChildViewSet
from events.models import Registration, RegistrationStatus
from events.selectors import registrations as registration_selectors
from events.services import registrations as registration_services

MANAGE = "manage_events"
TAKE_PART = "participate"


@extend_schema_view(
    create=extend_schema(
        summary=_("Register for the event (confirmed, waitlisted or awaiting approval)"),
        request=s.RegistrationInputSerializer,
        responses={201: s.RegistrationOutputSerializer},
    ),
    destroy=extend_schema(
        summary=_("Cancel my registration (or leave the waitlist, or decline a place I was promoted to)"),
        request=None,
        responses={200: s.RegistrationOutputSerializer},
    ),
)
class MyRegistrationViewSet(EventChildViewSet):
    queryset = Registration.objects.none()
    serializer_class = s.RegistrationOutputSerializer
    filter_backends = []
    capability = {"create": TAKE_PART, "destroy": TAKE_PART}

    def create(self, request, community_slug, event_id):
        serializer = s.RegistrationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = registration_services.registration_create(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        return Response(self.get_serializer(registration).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, community_slug, event_id):
        registration = registration_services.registration_cancel(
            actor=request.user, community=request.community, event=self.event
        )
        return Response(self.get_serializer(registration).data)


class RegistrationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["status"]


@extend_schema_view(
    list=extend_schema(
        summary=_("The event's registrations, by status, the waitlist in its order (operators and hosts)")
    ),
)
class RegistrationViewSet(CsvExportMixin, mixins.ListModelMixin, EventChildViewSet):
    queryset = Registration.objects.none()
    serializer_class = s.RegistrationOutputSerializer
    lookup_url_kwarg = "registration_id"
    filterset_class = RegistrationFilter
    filtered_actions = ("list", "export")
    capability = {"list": MANAGE, "export": MANAGE, "approve": MANAGE, "decline": MANAGE}

    def get_queryset(self):
        return registration_selectors.registration_list(community=self.request.community, event=self.event)

    def get_object(self):
        return registration_selectors.registration_get(
            community=self.request.community, event=self.event, registration_id=self.kwargs["registration_id"]
        )

    @extend_schema(
        summary=_("The event's registrations as CSV (operators and hosts)"),
        description=EXPORT_DESCRIPTION,
        responses={(200, "text/csv"): OpenApiResponse(description=_("CSV file"))},
    )
    def export(self, request, community_slug, event_id):
        return csv_response(
            registration_selectors.registration_export(community=request.community, event=self.event)
        )

    @extend_schema(
        summary=_("Approve a pending registration"),
        request=None,
        responses={200: s.RegistrationOutputSerializer},
    )
    def approve(self, request, community_slug, event_id, registration_id):
        registration = registration_services.registration_approve(
            actor=request.user, community=request.community, event=self.event, registration=self.get_object()
        )
        return Response(self.get_serializer(registration).data)

    @extend_schema(
        summary=_(
            "Decline a registration (pending, waitlisted or confirmed); a freed place promotes the next"
        ),
        request=s.RegistrationDeclineInputSerializer,
        responses={200: s.RegistrationOutputSerializer},
    )
    def decline(self, request, community_slug, event_id, registration_id):
        registration = self.get_object()
        serializer = s.RegistrationDeclineInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = registration_services.registration_decline(
            actor=request.user,
            community=request.community,
            event=self.event,
            registration=registration,
            **serializer.validated_data,
        )
        return Response(self.get_serializer(registration).data)


@extend_schema_view(
    list=extend_schema(summary=_("My registrations in this community, soonest event first")),
)
class MyRegistrationListViewSet(mixins.ListModelMixin, CommunityViewSet):
    queryset = Registration.objects.none()
    serializer_class = s.MyEventRegistrationSerializer
    filter_backends = []
    capability = {"list": TAKE_PART}

    def get_queryset(self):
        return registration_selectors.registrations_of(
            community=self.request.community, membership=self.request.membership
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now(), "mine": {}}
