"""Every API route under /api/v1/communities/<community_slug>/, for every kind of caller: the status of
every method, and the rows in every response.

Routes are found from the URL conf, so a new endpoint is covered as soon as it is routed. A route
parameter other than those in PARAMETER_FILLERS fails loudly: teach the matrix how to fill it.

Statuses, from the view's own capability table (communities.api.base.HasCapability):
- a private community is a 404 on every route and method for anyone who may not see it;
- a GET the caller may make is a 200; any other call by a caller without the capability is 401/403/404;
- a capability of None (no capability needed) is honoured only for the reads listed in PUBLIC_READS and
  the writes in SERVICE_DECIDES: any other route declared open fails the matrix;
- a write by a caller with the capability is not refused (it may still be a 400 for the empty body);
- non-members never write, except joining through /membership/ (the service decides, see SERVICE_DECIDES).
Rows: no response, whatever its status, shows a row of another community or one of its own community's
rows the caller may not see (tests/security/world.py: planted rows, markers, id blocks, VISIBLE_TO).
Each request runs in a transaction rolled back afterwards, so one call's effects never leak to the next.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from rest_framework.permissions import IsAuthenticated
from rest_framework.test import APIClient

from communities.api.base import CommunityViewSet
from events.api.permissions import HOST_CAPABILITIES
from tests.security.routes import (
    RESOURCE_FILLERS,
    UNREACHABLE,
    names_hosted_event,
    params_of,
    walk,
    with_event_of,
    with_query,
)
from tests.security.world import CALLERS, HOST, NOBODY, REGISTERED, VISIBLE_TO, World, response_text

METHODS = ("get", "post", "put", "patch", "delete")
DENIED = {401, 403, 404}
# Reads open to anyone who can see the community. The list is deliberate: a route whose view declares a
# capability of None but is missing here fails the matrix, so opening a read is never an accident.
PUBLIC_READS = {
    "api:community-detail",
    "api:rule-list",
    "api:rule-detail",
    "api:rules-version-list",
    "api:rules-version-current",
    "api:membership",
    "api:application-question-list",
    "api:application-mine",
    "api:search",  # what the caller may find: rows are checked with a search for every marker
    "api:post-list",
    "api:post-detail",
    "api:post-revisions",
    "api:post-tag-list",
    "api:series-list",
    "api:series-detail",
    "api:series-posts",
    "api:event-list",  # public events for anyone; members-only ones for members (events.selectors)
    "api:event-detail",
    # Competitions and projects: what the event page shows, read by whoever sees the event
    "api:competition-detail",
    "api:competition-criterion-list",
    "api:competition-leaderboard",
    "api:entry-list",
    "api:entry-detail",
    "api:collaboration-detail",
    "api:project-list",
    "api:project-detail",
    "api:project-team",
    "api:project-update-list",
    # The resource library: resources, their ratings and the featured lists, read by whoever sees it
    "api:resource-list",
    "api:resource-detail",
    "api:resource-rating-list",
    "api:resource-featured-list",
    "api:resource-featured-detail",
}
# Routes acting on the caller's own membership row: a GET is 200 only when the caller has one.
SELF_SERVICE_ROUTES = {"api:membership"}
# Routes showing the caller's own registration for the planted public event (no id in the URL): a GET by a
# caller with the capability is 200 when they are registered (world.REGISTERED), else a 404.
OWN_REGISTRATION_ROUTES = {"api:event-ticket"}
# Joining is the one write a non-member may make; the join policy, bans and rules acceptance are the
# service's call, so any caller who can see the community gets the service's answer (never a 5xx).
SERVICE_DECIDES = {
    ("api:application-list", "post"),
    ("api:application-mine", "delete"),
    ("api:invitation-accept", "post"),
    ("api:membership", "post"),
    ("api:question-accept", "post"),  # the asker, experts and operators: content.services.questions
}


@dataclass
class Route:
    name: str
    template: str
    params: list[str]
    view_class: type
    actions: dict[str, str]

    def capability(self, method: str) -> str | None:
        """What HasCapability asks for `method`; "missing" when the view has no entry (refused)."""
        action = self.actions.get(method)
        return self.view_class.capability.get(action, self.view_class.capability.get("*", "missing"))

    @property
    def needs_account(self) -> bool:
        return any(issubclass(p, IsAuthenticated) for p in self.view_class.permission_classes)

    @property
    def hosted(self) -> bool:
        """Does the route name the event the host caller hosts?"""
        return names_hosted_event(self.view_class, self.params)


def holds(world: World, caller: str, capability: str, route: Route) -> bool:
    """The caller's role holds the capability, or the caller hosts the route's event and the hosts share
    it (events.api.permissions.HasCapabilityOrHostsEvent)."""
    if world.holds(caller, capability):
        return True
    return caller == HOST and capability in HOST_CAPABILITIES and route.hosted


def community_routes() -> list[Route]:
    routes = []
    for template, namespace, pattern in walk():
        params = params_of(template)
        if not template.lstrip("^").startswith("api/v1/") or "community_slug" not in params:
            continue
        assert pattern.name, f"API route {template} has no name"
        view_class = getattr(pattern.callback, "cls", None)
        assert view_class is not None, f"{template} is not a DRF view"
        actions = getattr(pattern.callback, "actions", None) or {
            method: method for method in METHODS if hasattr(view_class, method)
        }
        routes.append(Route(namespace + pattern.name, template, params, view_class, actions))
    return routes


PARAMETER_FILLERS = {
    "community_slug": lambda rows, community: community.slug,
    "rule_id": lambda rows, community: rows["rules"][0].pk,
    "application_question_id": lambda rows, community: rows["question"].pk,
    "application_id": lambda rows, community: rows["application"].pk,
    "membership_id": lambda rows, community: rows["subject"].pk,
    "note_id": lambda rows, community: rows["note"].pk,
    "tag_id": lambda rows, community: rows["tag"].pk,
    "onboarding_step_id": lambda rows, community: rows["step"].pk,
    "report_id": lambda rows, community: rows["report"].pk,
    "invitation_id": lambda rows, community: rows["invitation"].pk,
    "join_link_id": lambda rows, community: rows["join_link"].pk,
    "qa_question_id": lambda rows, community: rows["qa_question"].pk,
    "qa_answer_id": lambda rows, community: rows["qa_answer"].pk,
    "session_id": lambda rows, community: rows["session"].pk,
    "session_question_id": lambda rows, community: rows["session_question"].pk,
    "work_id": lambda rows, community: rows["work"].pk,
    "critique_id": lambda rows, community: rows["critique"].pk,
    "criterion_id": lambda rows, community: rows["criterion"].pk,
    "post_id": lambda rows, community: rows["post"].pk,
    "post_tag_id": lambda rows, community: rows["post_tag"].pk,
    "series_id": lambda rows, community: rows["series"].pk,
    "space_slug": lambda rows, community: rows["space"].slug,
    "topic_id": lambda rows, community: rows["topic"].pk,
    "reply_id": lambda rows, community: rows["reply"].pk,
    "conversation_id": lambda rows, community: rows["conversation"].pk,
    "event_id": lambda rows, community: rows["event"].pk,
    "event_series_id": lambda rows, community: rows["event_series"].pk,
    "registration_id": lambda rows, community: rows["registration"].pk,
    "registration_question_id": lambda rows, community: rows["event_question"].pk,
    "event_criterion_id": lambda rows, community: rows["event_criterion"].pk,
    "judge_id": lambda rows, community: rows["judge"].pk,
    "entry_id": lambda rows, community: rows["entry"].pk,
    "project_id": lambda rows, community: rows["project"].pk,
    "path_id": lambda rows, community: rows["learning_path"].pk,
    "path_step_id": lambda rows, community: rows["path_step"].pk,
    "submission_id": lambda rows, community: rows["submission"].pk,
    **RESOURCE_FILLERS,
}


def fill(
    route: Route,
    world: World,
    kind: str,
    object_kind: str | None = None,
    member: str = "subject",
    swap: tuple[str, str] | None = None,
) -> str:
    """The route's URL for community `kind`, with object ids taken from `object_kind` (default: the same),
    the member named by `member` among the planted rows (default: the subject), and `swap` = (row, other
    row): the planted row `other` in place of `row` (routes.UNREACHABLE)."""
    unknown = [p for p in route.params if p not in PARAMETER_FILLERS]
    if unknown:
        pytest.fail(
            f"{route.name} ({route.template}) has parameter(s) {unknown} the route matrix cannot fill; "
            f"known: {sorted(PARAMETER_FILLERS)}. Add a filler to PARAMETER_FILLERS."
        )
    source = kind if object_kind is None else object_kind
    rows = with_event_of({**world.rows[source], "subject": world.rows[source][member]}, route.view_class)
    if swap is not None:
        rows[swap[0]] = rows[swap[1]]
    kwargs = {
        p: PARAMETER_FILLERS[p](rows, world.communities[kind if p == "community_slug" else source])
        for p in route.params
    }
    return with_query(route.name, reverse(route.name, kwargs=kwargs))


def client_for(user) -> APIClient:
    """One client per caller: each new client loads the middleware stack again (slow)."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def call(client: APIClient, method: str, url: str):
    if method != "get":
        cache.clear()  # an owner's walk writes faster than the write throttle allows; it tests the routes
    with transaction.atomic():
        response = getattr(client, method)(url, {}, format="json") if method != "get" else client.get(url)
        transaction.set_rollback(True)
    return response


def expectation(route: Route, method: str, kind: str, caller: str, world: World) -> set[int] | str:
    """The set of acceptable statuses; "allowed": a write that must not be refused; "service": any non-5xx."""
    status = world.membership_status(caller)
    if kind == "private" and status not in ("active", "pending"):
        return {404}
    capability = route.capability(method)
    if capability == "missing":
        return DENIED | {405}
    if method == "get":
        if capability is None:
            if route.name not in PUBLIC_READS or (caller == "anonymous" and route.needs_account):
                return DENIED
            if route.name in SELF_SERVICE_ROUTES:
                return {200} if status is not None else {404}
            return {200}
        if not holds(world, caller, capability, route):
            return DENIED
        if route.name in OWN_REGISTRATION_ROUTES:
            return {200} if caller in REGISTERED else {404}
        return {200}
    if (route.name, method) in SERVICE_DECIDES:
        return DENIED if caller == "anonymous" else "service"
    if capability is None or status != "active":
        return DENIED
    return "allowed" if holds(world, caller, capability, route) else DENIED


def matrix_failures(world: World, kind: str, caller: str, routes: list[Route]) -> list[str]:
    """Every call of every route and method by `caller` in community `kind` whose status is not the
    expected one, or whose response shows a row it should not."""
    client = client_for(world.users[kind][caller])
    failures = []
    for route in routes:
        url = fill(route, world, kind)
        for method in [m for m in METHODS if m in route.actions]:
            expected = expectation(route, method, kind, caller, world)
            response = call(client, method, url)
            status = response.status_code
            if expected == "service":
                ok = status < 500
            elif expected == "allowed":
                ok = status not in DENIED and status < 500
            else:
                ok = status in expected
            where = f"{method.upper()} {url} ({route.name})"
            if not ok:
                failures.append(f"{where}: {status}, expected {expected}")
            failures.extend(
                f"{where}: {status} shows {leak}"
                for leak in world.leaks(kind, caller, response_text(response), route.hosted)
            )
        if "membership_id" in route.params and "get" in route.actions:
            # The member whose profile only operators see: the status is the view's call, the rows are not.
            url = fill(route, world, kind, member="hidden")
            response = call(client, "get", url)
            where = f"GET {url} ({route.name}, the hidden member)"
            if response.status_code >= 500:
                failures.append(f"{where}: {response.status_code}")
            failures.extend(
                f"{where}: {response.status_code} shows {leak}"
                for leak in world.leaks(kind, caller, response_text(response), route.hosted)
            )
        failures.extend(unreachable_failures(client, world, kind, caller, route))
    return failures


def unreachable_failures(client, world: World, kind: str, caller: str, route: Route) -> list[str]:
    """The route called with an object no caller is part of (routes.UNREACHABLE): a 404 for whoever the
    capability lets in, the usual refusal for the others, and none of its rows either way."""
    failures = []
    for param, swap in UNREACHABLE.items():
        if param not in route.params:
            continue
        url = fill(route, world, kind, swap=swap)
        for method in [m for m in METHODS if m in route.actions]:
            expected = expectation(route, method, kind, caller, world)
            if expected in ("allowed", "service") or expected == {200}:
                expected = {404}
            response = call(client, method, url)
            where = f"{method.upper()} {url} ({route.name}, not a participant)"
            if response.status_code not in expected:
                failures.append(f"{where}: {response.status_code}, expected {expected}")
            failures.extend(
                f"{where}: {response.status_code} shows {leak}"
                for leak in world.leaks(kind, caller, response_text(response), route.hosted)
            )
    return failures


@pytest.fixture
def world(db):
    return World()


def test_matrix_sees_the_community_routes():
    names = {route.name for route in community_routes()}
    assert {
        "api:community-detail",
        "api:rule-detail",
        "api:rule-reorder",
        "api:membership",
        "api:member-list",
    } <= names


def test_every_community_route_is_a_community_viewset_with_explicit_capabilities():
    for route in community_routes():
        assert issubclass(route.view_class, CommunityViewSet), route.name
        for method, action in route.actions.items():
            assert action in route.view_class.capability, (
                f"{route.name}: {method} ({action}) has no capability entry"
            )


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("caller", CALLERS)
def test_route_matrix(world, kind, caller):
    failures = matrix_failures(world, kind, caller, community_routes())
    assert not failures, f"{caller} on the {kind} community:\n" + "\n".join(failures)


@pytest.mark.parametrize("caller", ["anonymous", "owner"])
def test_unrouted_methods_are_refused(world, caller):
    """The matrix calls the methods each route routes; the others do nothing for anyone (once each here,
    by a stranger and by the caller who may do the most)."""
    client = client_for(world.users["public"][caller])
    for route in community_routes():
        url = fill(route, world, "public")
        for method in [m for m in METHODS if m not in route.actions]:
            response = call(client, method, url)
            assert response.status_code in DENIED | {405}, f"{method.upper()} {url}: {response.status_code}"
            assert not world.leaks("public", caller, response_text(response)), f"{method.upper()} {url}"


def test_planted_rows_reach_the_responses(world):
    """The rows check is only as good as its plants: every marker kind shows up in some response to the
    owner, so a route that leaked rows of any kind would show that kind's marker too (except the kinds
    nobody may see, which no response may show)."""
    owner = client_for(world.users["public"]["owner"])
    seen = set()
    for route in community_routes():
        if "get" in route.actions:
            body = response_text(call(owner, "get", fill(route, world, "public")))
            seen |= {kind for text, (key, kind) in world.markers.items() if key == "public" and text in body}
    shown = {kind for kind, capability in VISIBLE_TO.items() if capability != NOBODY}
    assert seen == shown, f"never shown to the owner: {shown - seen}; shown though nobody may: {seen - shown}"


def test_object_of_another_community_in_the_url_is_404(world):
    """Community A's owner may do anything in A, yet an id of B's object in A's URL is never found."""
    owner = client_for(world.users["public"]["owner"])
    checked = 0
    for route in community_routes():
        if route.params == ["community_slug"]:
            continue
        url = fill(route, world, "public", object_kind="private")
        for method in list(route.actions):  # DRF adds "head" to the dict on the first GET
            assert call(owner, method, url).status_code == 404, f"{method.upper()} {url}"
            checked += 1
    assert checked


def test_an_unknown_route_parameter_fails_loudly(world):
    params = ["community_slug", "widget_id"]
    route = Route(
        "api:widget-detail", "communities/<community_slug>/widgets/<widget_id>/", params, CommunityViewSet, {}
    )
    with pytest.raises(pytest.fail.Exception, match="widget_id"):
        fill(route, world, "public")
