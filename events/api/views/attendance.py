"""Attendance API: the check-in list with search, check-in by registration or ticket code and its undo,
the no-shows, feedback (the caller's own, every attendee's for operators, the results), and the
account's private calendar address."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from communities.api.base import RoutedMethodsOnly
from communities.api.pagination import StoredCountPagination
from events.api.serializers import attendance as s
from events.api.views.scoped import EventChildViewSet
from events.models import EventFeedback, Registration
from events.selectors import attendance as selectors
from events.services import attendance as services
from events.services import calendars as calendar_services
from events.services.feedback import feedback_give, feedback_open_at

SEARCH = OpenApiParameter(
    "search", str, description=_("Part of a member's name or username (at most 100 characters).")
)


def _search(request) -> str:
    term = request.query_params.get("search", "")
    if len(term) > selectors.SEARCH_MAX:
        raise ValidationError({"search": [_("At most 100 characters.")]})
    return term.strip()


@extend_schema_view(
    list=extend_schema(
        summary=_("The event's confirmed registrants by name, with their check-in (operators and hosts)"),
        parameters=[SEARCH],
    ),
)
class AttendanceViewSet(mixins.ListModelMixin, EventChildViewSet):
    queryset = Registration.objects.none()
    serializer_class = s.AttendeeOutputSerializer
    pagination_class = StoredCountPagination
    paginated_actions = ("list", "no_shows")
    filter_backends = []
    capability = {"list": "check_in", "no_shows": "check_in", "check_in": "check_in", "undo": "check_in"}

    def stored_count(self):
        if self.action == "list" and not _search(self.request):
            return self.event.confirmed_count
        return None

    def get_queryset(self):
        if self.action == "no_shows":
            return selectors.no_show_list(community=self.request.community, event=self.event)
        return selectors.attendee_list(
            community=self.request.community, event=self.event, search=_search(self.request)
        )

    @extend_schema(
        summary=_("Confirmed registrants never checked in, once the event is over (before: empty)"),
        responses=s.AttendeeOutputSerializer(many=True),
    )
    def no_shows(self, request, community_slug, event_id):
        return self.list(request)

    @extend_schema(
        summary=_("Check a member in, by registration id or by ticket code (once; confirmed only)"),
        description=_(
            "A second check-in is already_checked_in (409), a registration that is not confirmed "
            "registration_not_confirmed (409), a code or id of no registration of this event "
            "ticket_not_found (400), outside the window check_in_closed (409)."
        ),
        request=s.CheckInInputSerializer,
        responses={200: s.AttendeeOutputSerializer},
    )
    def check_in(self, request, community_slug, event_id):
        serializer = s.CheckInInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.attendance_check_in(
            actor=request.user,
            community=request.community,
            event=self.event,
            registration_id=serializer.validated_data.get("registration_id"),
            ticket_code=serializer.validated_data.get("ticket_code"),
        )
        return Response(self.get_serializer(registration).data)

    @extend_schema(
        summary=_("Take a check-in back (a wrong tap)"),
        request=s.UndoInputSerializer,
        responses={200: s.AttendeeOutputSerializer},
    )
    def undo(self, request, community_slug, event_id):
        serializer = s.UndoInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = services.attendance_undo(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        return Response(self.get_serializer(registration).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Every attendee's feedback on the event, newest first (operators and hosts)")
    ),
)
class FeedbackViewSet(mixins.ListModelMixin, EventChildViewSet):
    queryset = EventFeedback.objects.none()
    serializer_class = s.FeedbackOutputSerializer
    filter_backends = []
    capability = {"list": "manage_events", "results": "manage_events", "mine": "view", "give": "participate"}

    def get_queryset(self):
        return selectors.feedback_list(community=self.request.community, event=self.event)

    @extend_schema(
        summary=_("The feedback's results: count, average and distribution of the ratings"),
        responses={200: s.FeedbackResultsSerializer},
    )
    def results(self, request, community_slug, event_id):
        results = selectors.feedback_results(community=request.community, event=self.event)
        return Response(s.FeedbackResultsSerializer(results).data)

    def _mine(self, feedback):
        registration = selectors.own_registration(
            community=self.request.community, event=self.event, membership=self.request.membership
        )
        may_give = (
            registration is not None
            and registration.checked_in_at is not None
            and feedback_open_at(self.event, timezone.now())
        )
        return s.MyFeedbackOutputSerializer({"may_give": may_give, "feedback": feedback}).data

    @extend_schema(
        summary=_("My feedback on the event, and whether I may give it now"),
        responses=s.MyFeedbackOutputSerializer,
    )
    def mine(self, request, community_slug, event_id):
        feedback = selectors.own_feedback(
            community=request.community, event=self.event, membership=request.membership
        )
        return Response(self._mine(feedback))

    @extend_schema(
        summary=_("Give or edit my feedback (attendees, from the end of the event for 30 days)"),
        description=_(
            "Refused to a member who was not checked in (feedback_attendees_only, 403) and outside the "
            "window (feedback_not_open, 409)."
        ),
        request=s.FeedbackInputSerializer,
        responses={200: s.MyFeedbackOutputSerializer},
    )
    def give(self, request, community_slug, event_id):
        serializer = s.FeedbackInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        feedback = feedback_give(
            actor=request.user, community=request.community, event=self.event, **serializer.validated_data
        )
        return Response(self._mine(feedback))


class CalendarFeedView(RoutedMethodsOnly, GenericAPIView):
    """/api/v1/calendar-feed/: the account's private calendar address (all its communities)."""

    permission_classes = [IsAuthenticated]
    serializer_class = s.CalendarFeedOutputSerializer
    TAGS = ["account"]

    @extend_schema(tags=TAGS, summary=_("My calendar address: whether I have one (never the key)"))
    def get(self, request):
        feed = selectors.calendar_feed_of(user=request.user)
        return Response(
            s.CalendarFeedOutputSerializer(
                {
                    "exists": feed is not None,
                    "prefix": feed.prefix if feed else "",
                    "created_at": feed.created_at if feed else None,
                }
            ).data
        )

    @extend_schema(
        tags=TAGS,
        summary=_("Make a new calendar address (the old one stops working)"),
        description=_(
            "The response holds the address with its key; it is not stored and cannot be shown again."
        ),
        request=None,
        responses={201: s.CalendarFeedCreatedSerializer},
    )
    def post(self, request):
        feed, key = calendar_services.calendar_feed_renew(user=request.user)
        url = request.build_absolute_uri(reverse("events:member-calendar", kwargs={"key": key}))
        data = {"exists": True, "prefix": feed.prefix, "created_at": feed.created_at, "url": url}
        return Response(s.CalendarFeedCreatedSerializer(data).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=TAGS, summary=_("Revoke my calendar address"), request=None, responses={204: None})
    def delete(self, request):
        calendar_services.calendar_feed_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
