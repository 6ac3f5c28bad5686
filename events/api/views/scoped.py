"""What the API views under `events/<event_id>/` share: the URL's event loaded first, by the event's kind
(competitions, projects) or by `event_get` with the hosts' access (registrations, questions, tickets,
attendance)."""

from django.utils.functional import cached_property

from communities.api.base import CommunityViewSet
from communities.permissions import has_capability
from events.api.permissions import HasCapabilityOrHostsEvent
from events.selectors.events import event_get


class EventScopedMixin:
    """The URL's event, loaded by `event_selector` before the body is read (another community's event, one
    of another kind or one the caller may not see is a 404 first), and whether members' names are shown."""

    event_selector = None  # a selector(*, community, membership, event_id) -> Event, or its domain NotFound

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.event  # noqa: B018  the URL's event before the body

    def get_serializer_context(self):
        context = super().get_serializer_context()
        # Who entered, proposed or posted: members' names, for those who may see the members.
        context["names_shown"] = has_capability(getattr(self.request, "membership", None), "view_members")
        return context

    @cached_property
    def event(self):
        return type(self).event_selector(
            community=self.request.community,
            membership=self.request.membership,
            event_id=self.kwargs["event_id"],
        )


class EventChildViewSet(CommunityViewSet):
    """A viewset under `events/<event_id>/` (registrations, questions, tickets, attendance, feedback): the
    URL's event is loaded by `event_get` before the body is read (another community's event, or one the
    caller may not see, is a 404 first), and the operators' actions are open to the event's hosts too
    (`HasCapabilityOrHostsEvent`; the services check again)."""

    permission_classes = [HasCapabilityOrHostsEvent]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.event  # noqa: B018  the URL's event before the body

    @cached_property
    def event(self):
        return event_get(
            community=self.request.community,
            membership=getattr(self.request, "membership", None),
            event_id=self.kwargs["event_id"],
        )
