"""Events API: events (list with filters, one, create, edit with a series' scope, publish, cancel,
cover), series and the community's event settings. Registrations, questions and tickets are in their own
modules (`registrations`, `questions`, `tickets`).

Editing, publishing, cancelling and the cover are for the event operators (`manage_events`) and the
event's hosts, as on the site: the viewset declares the operators' capability and
`HasCapabilityOrHostsEvent` lets the event's active hosts in too; the services decide
(`ensure_may_manage`).
"""

import django_filters
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.dates import BoundedDateFilter
from communities.filters import IdFilter
from events.api.permissions import HasCapabilityOrHostsEvent
from events.api.serializers import events as s
from events.models import (
    Event,
    EventKind,
    EventSeries,
    EventStatus,
    RegistrationStatus,
)
from events.selectors import events as selectors
from events.selectors import registrations as registration_selectors
from events.selectors.events import PAST, UPCOMING
from events.services import events as services
from events.services.series import event_series_create

READ = None  # public events are readable by anyone who may see the community (members-only by members)
MANAGE = "manage_events"


class EventFilter(django_filters.FilterSet):
    time = django_filters.ChoiceFilter(
        choices=[(UPCOMING, _("Upcoming: not over yet")), (PAST, _("Past: over"))],
        method="filter_time",
        help_text=_("upcoming (soonest first) or past (most recent first)"),
    )
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    starts_from = BoundedDateFilter(
        field_name="starts_at", lookup_expr="date__gte", help_text=_("Starting on or after this date")
    )
    starts_to = BoundedDateFilter(
        field_name="starts_at", lookup_expr="date__lte", help_text=_("Starting on or before this date")
    )
    series = IdFilter(field_name="series_id", help_text=_("Occurrences of this series"))

    class Meta:
        model = Event
        fields = ["time", "kind", "status", "starts_from", "starts_to", "series"]

    def filter_time(self, queryset, name, value):
        now = timezone.now()
        if value == UPCOMING:
            return queryset.filter(ends_at__gt=now).order_by("starts_at", "id")
        if value == PAST:
            return queryset.filter(ends_at__lte=now).order_by("-starts_at", "-id")
        return queryset


class EventContextMixin:
    def event_context(self, events) -> dict:
        request = self.request
        return {
            "now": timezone.now(),
            "mine": registration_selectors.my_registrations(
                community=request.community,
                membership=request.membership,
                event_ids=[event.pk for event in events],
            ),
        }


@extend_schema_view(
    list=extend_schema(
        summary=_("Events I may see (filters: time, kind, status, start dates, series; ordering; pages)")
    ),
    retrieve=extend_schema(
        summary=_("One event (the meeting link only for confirmed registrants and its managers)"),
        responses=s.EventDetailOutputSerializer,
    ),
)
class EventViewSet(EventContextMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = Event.objects.none()
    serializer_class = s.EventOutputSerializer
    lookup_url_kwarg = "event_id"
    filterset_class = EventFilter
    permission_classes = [HasCapabilityOrHostsEvent]
    ordering_fields = ["starts_at", "title", "created_at"]
    capability = {
        "list": READ,
        "retrieve": READ,
        "create": MANAGE,
        "partial_update": MANAGE,
        "publish": MANAGE,
        "cancel": MANAGE,
    }

    def get_queryset(self):
        return selectors.event_list(community=self.request.community, membership=self.request.membership)

    def get_object(self):
        return selectors.event_get(
            community=self.request.community,
            membership=self.request.membership,
            event_id=self.kwargs["event_id"],
        )

    @cached_property
    def event(self) -> Event:
        """The URL's event, as the permission check loads it (hosts may manage their own event)."""
        return self.get_object()

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        serializer = s.EventOutputSerializer(
            page, many=True, context={**self.get_serializer_context(), **self.event_context(page)}
        )
        return self.get_paginated_response(serializer.data)

    def detail_response(self, event: Event, status_code=status.HTTP_200_OK) -> Response:
        request = self.request
        community = request.community
        mine = registration_selectors.my_registration(
            community=community, event=event, membership=request.membership
        )
        context = {
            **self.get_serializer_context(),
            **self.event_context([event]),
            "hosts": list(selectors.event_host_list(community=community, event=event)),
            "show_meeting_url": (mine is not None and mine.status == RegistrationStatus.CONFIRMED)
            or selectors.may_manage_event(request.membership, event),
        }
        return Response(s.EventDetailOutputSerializer(event, context=context).data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        return self.detail_response(self.get_object())

    @extend_schema(
        summary=_("Create an event (event operators); a draft with publish=false"),
        request=s.EventInputSerializer,
        responses={201: s.EventDetailOutputSerializer},
    )
    def create(self, request, community_slug):
        serializer = s.EventInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.event_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return self.detail_response(event, status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Edit an event (event operators and its hosts; scope=following for the rest of a series)"),
        request=s.EventUpdateInputSerializer,
        responses={200: s.EventDetailOutputSerializer},
    )
    def partial_update(self, request, community_slug, event_id):
        event = self.get_object()
        serializer = s.EventUpdateInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        event = services.event_update(
            actor=request.user, community=request.community, event=event, **serializer.validated_data
        )
        return self.detail_response(self.get_object())

    @extend_schema(
        summary=_("Publish a draft event"), request=None, responses={200: s.EventDetailOutputSerializer}
    )
    def publish(self, request, community_slug, event_id):
        event = services.event_publish(
            actor=request.user, community=request.community, event=self.get_object()
        )
        return self.detail_response(event)

    @extend_schema(
        summary=_("Cancel an event (and the following ones of its series with scope=following)"),
        request=s.EventCancelInputSerializer,
        responses={200: s.EventDetailOutputSerializer},
    )
    def cancel(self, request, community_slug, event_id):
        event = self.get_object()
        serializer = s.EventCancelInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.event_cancel(
            actor=request.user, community=request.community, event=event, **serializer.validated_data
        )
        return self.detail_response(event)


class EventCoverViewSet(EventViewSet):
    """The cover upload: the one action that takes a multipart body."""

    parser_classes = [JSONParser, MultiPartParser]
    capability = {"cover": MANAGE}

    @extend_schema(
        summary=_("Upload the event's cover image (multipart; checked, resized and re-encoded)"),
        request=s.EventCoverInputSerializer,
        responses={200: s.EventDetailOutputSerializer},
    )
    def cover(self, request, community_slug, event_id):
        event = self.get_object()
        serializer = s.EventCoverInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.event_update(
            actor=request.user,
            community=request.community,
            event=event,
            cover=serializer.validated_data["cover"],
        )
        return self.detail_response(self.get_object())


@extend_schema_view(
    list=extend_schema(summary=_("Recurring event series, newest first")),
    retrieve=extend_schema(summary=_("One series")),
)
class EventSeriesViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CommunityViewSet):
    queryset = EventSeries.objects.none()
    serializer_class = s.EventSeriesOutputSerializer
    lookup_url_kwarg = "event_series_id"
    filter_backends = []
    capability = {"list": "view", "retrieve": "view", "create": MANAGE}

    def get_queryset(self):
        return selectors.event_series_list(community=self.request.community)

    def get_object(self):
        return selectors.event_series_get(
            community=self.request.community, series_id=self.kwargs["event_series_id"]
        )

    @extend_schema(
        summary=_("Create a recurring event: its rule (COUNT or UNTIL) makes the occurrences, each an event"),
        request=s.EventSeriesInputSerializer,
        responses={201: s.EventSeriesOutputSerializer},
    )
    def create(self, request, community_slug):
        serializer = s.EventSeriesInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        series = event_series_create(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(series).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    retrieve=extend_schema(summary=_("The community's event settings (event operators)")),
    partial_update=extend_schema(
        summary=_("Change the event settings: the cap of open registrations per member")
    ),
)
class EventSettingsViewSet(CommunityViewSet):
    queryset = Event.objects.none()
    serializer_class = s.EventSettingsSerializer
    filter_backends = []
    capability = {"retrieve": MANAGE, "partial_update": MANAGE}

    def retrieve(self, request, community_slug):
        return Response(self.get_serializer(selectors.event_settings_for(community=request.community)).data)

    def partial_update(self, request, community_slug):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        settings = services.event_settings_update(
            actor=request.user, community=request.community, **serializer.validated_data
        )
        return Response(self.get_serializer(settings).data)
