"""Tickets API: the caller's own ticket for an event, what the ticket page shows (events.views.attendance
`TicketView`, the same selector: `ticket_of`).

The ticket is looked up by the caller's membership, never by an id, so nobody reaches another member's
registration: a caller without a registration for the event gets registration_not_found (404).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from events.api.serializers import registrations as s
from events.api.views.scoped import EventChildViewSet
from events.errors.registrations import RegistrationNotFound
from events.models import Registration
from events.selectors.attendance import ticket_of


class TicketViewSet(EventChildViewSet):
    queryset = Registration.objects.none()
    serializer_class = s.TicketOutputSerializer
    filter_backends = []
    capability = {"retrieve": "view"}

    @extend_schema(
        summary=_("My ticket for the event: my registration, its check-in code and QR payload"),
        description=_(
            "The ticket code, the QR payload (the check-in address with the code) and the online meeting "
            "link are given for a confirmed registration only (else null); a waitlisted one has its place "
            "in the waitlist. Without a registration for the event: registration_not_found (404)."
        ),
        responses={200: s.TicketOutputSerializer},
    )
    def retrieve(self, request, community_slug, event_id):
        ticket = ticket_of(community=request.community, event=self.event, membership=request.membership)
        if ticket is None:
            raise RegistrationNotFound()
        return Response(self.get_serializer(ticket).data)
