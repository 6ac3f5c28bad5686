"""Routes found from the URL conf, for the route matrices: a route added later is covered as soon as it
is routed, without being listed anywhere."""

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

PARAM_RE = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def walk(patterns=None, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, URLPattern]]:
    """(route template, namespace prefix such as "api:", pattern) for every pattern of the URL conf."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            yield prefix + str(pattern.pattern), namespace, pattern


def params_of(template: str) -> list[str]:
    return [a or b for a, b in PARAM_RE.findall(template)]


# The query string a route needs before it shows rows: a search for "zq" finds every planted marker
# (`zq<community><kind>zq`, tests/security/world.py), so the matrices see whatever a search could leak.
QUERY_STRINGS = {
    "api:search": "q=zq",
    "content:search": "q=zq",
    "api:mention-suggestions": "q=zq",  # display names start with the marker
    "content:mention-suggestions": "q=zq",
}


def with_query(name: str, url: str) -> str:
    query = QUERY_STRINGS.get(name)
    return f"{url}?{query}" if query else url


# Objects that being in them, not a role, lets a member reach: a route naming one is called a second time
# with the planted object of that kind no caller is part of (parameter -> the planted row to use instead).
# There it is a 404 for every caller the route's capability lets in, and it shows none of its rows.
UNREACHABLE = {"conversation_id": ("conversation", "private_conversation")}


# The planted event a route's `event_id` names: competition and project routes need an event of their kind
# (tests/security/world.py plants one of each); every other event route takes the planted public event.
EVENT_ROWS = {
    "events.views.competitions": "competition",
    "events.api.views.competitions": "competition",
    "events.views.withdrawals": "competition",
    "events.api.views.withdrawals": "competition",
    "events.views.projects": "project_event",
    "events.api.views.projects": "project_event",
}


def with_event_of(rows: dict, view_class) -> dict:
    """`rows` with "event" replaced by the planted event of the kind the view's routes need."""
    key = EVENT_ROWS.get(view_class.__module__)
    return {**rows, "event": rows[key]} if key else rows


def names_hosted_event(view_class, params) -> bool:
    """Does the route name the planted public event, the one the host caller hosts (world.HOST)?"""
    return "event_id" in params and view_class.__module__ not in EVENT_ROWS


# The resource library's objects (learning.urls.resources, learning.api.urls.resources): both matrices.
RESOURCE_FILLERS = {
    "resource_id": lambda rows, community: rows["resource"].pk,
    "featured_list_id": lambda rows, community: rows["featured_list"].pk,
}
