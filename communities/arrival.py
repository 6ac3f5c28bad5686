"""Where a visitor arrived from: ?src=, ?ref=, ?via= kept in the session until they join.

Captured when a visitor lands on a community's home or join page (before logging in or signing up, which
keeps the session data), and read when they join. One entry per community, so tags of one community never
attribute a join elsewhere.
"""

import re

SESSION_KEY = "guildhall.arrivals"
TAG_MAX_LENGTH = 40
_NOT_TAG = re.compile(r"[^a-z0-9_-]")
_REF = re.compile(r"^[A-Za-z0-9]{1,16}$")
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def sanitise_tag(value: str | None) -> str:
    """A campaign tag: lower case, only [a-z0-9_-], at most 40 characters ('' when nothing is left)."""
    return _NOT_TAG.sub("", (value or "").strip().lower())[:TAG_MAX_LENGTH]


def arrival_from_query(query) -> dict[str, str]:
    """The recognised, cleaned arrival parameters of a query dict (unknown or malformed ones dropped)."""
    arrival = {}
    tag = sanitise_tag(query.get("src"))
    if tag:
        arrival["src"] = tag
    ref = (query.get("ref") or "").strip()
    if _REF.match(ref):
        arrival["ref"] = ref
    if query.get("via") == "directory":
        arrival["via"] = "directory"
    return arrival


def remember_arrival(request, community, **extra: str) -> None:
    """Store this request's arrival parameters (and `extra`, e.g. a join link code) for `community`."""
    arrival = {**arrival_from_query(request.GET), **{k: v for k, v in extra.items() if _CODE.match(v or "")}}
    if not arrival:
        return
    arrivals = dict(request.session.get(SESSION_KEY, {}))
    arrivals[community.slug] = {**arrivals.get(community.slug, {}), **arrival}
    request.session[SESSION_KEY] = arrivals


def arrival_for(request, community) -> dict[str, str]:
    """The stored arrival for `community` merged with the current request's parameters (these win)."""
    stored = request.session.get(SESSION_KEY, {}).get(community.slug, {})
    return {**stored, **arrival_from_query(request.GET)}


def forget_arrival(request, community) -> None:
    arrivals = dict(request.session.get(SESSION_KEY, {}))
    if arrivals.pop(community.slug, None) is not None:
        request.session[SESSION_KEY] = arrivals


class RememberArrivalMixin:
    """For community pages (after CommunityMixin): keep ?src=/?ref=/?via= in the session, even before a
    login redirect, so the join that follows records where the visitor came from."""

    def dispatch(self, request, *args, **kwargs):
        remember_arrival(request, self.community)
        return super().dispatch(request, *args, **kwargs)
