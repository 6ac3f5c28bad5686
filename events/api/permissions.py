"""Who may use an event's operator actions through the API: the viewset's capability, or hosting the event.

An event's hosts are a per-event fact, not a role: the capability table cannot name them. So a viewset
under `events/<event_id>/` declares the operators' capability (`manage_events`, `check_in`), which is
what the route matrices read for every role, and `HasCapabilityOrHostsEvent` lets the event's active
hosts in as well. The services decide again (`events.services.events.ensure_may_manage`,
`events.selectors.attendance.may_check_in`), the same rule as the HTML pages.
"""

from communities.api.base import HasCapability
from events.selectors.events import is_host

HOST_CAPABILITIES = frozenset({"check_in", "manage_events"})


class HasCapabilityOrHostsEvent(HasCapability):
    """The viewset's capability, or, for check_in and manage_events on a route naming an event, being an
    active host of that event. The view's `event` is loaded through `event_get` first, so an event of
    another community, or one the caller may not see, is a 404 rather than a 403."""

    def has_permission(self, request, view):
        if super().has_permission(request, view):
            return True
        capability = view.capability.get(view.action, view.capability.get("*"))
        if (
            capability not in HOST_CAPABILITIES
            or "event_id" not in view.kwargs
            or not request.user.is_authenticated
        ):
            return False
        return is_host(getattr(request, "membership", None), view.event)
