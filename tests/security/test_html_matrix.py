"""Every HTML route under /c/<slug>/, for every kind of caller: the status of GET and POST, and the rows
in every page.

Routes are found from the URL conf like the API matrix's, so a new page is covered as soon as it is
routed; a route parameter the matrix cannot fill fails loudly (PARAMETER_FILLERS).

Statuses, from the view's declared `capability` (communities.mixins.CommunityMixin):
- a private community is a 404 for anyone who may not see it (everyone but active and pending members);
- a page that needs a capability sends an anonymous visitor to the login page, is a 403 for a signed-in
  caller without the capability, and for a caller with it is neither refused nor a 5xx (a GET of a
  form-only page may redirect; a POST carries an empty form), or a 405 when the view has no such method;
- a page anyone may see (no capability) is never a 5xx; what it does is the service's call.
Rows: no page, whatever its status, shows a row of another community or one of its own community's rows
the caller may not see (tests/security/world.py).
Each request runs in a transaction rolled back afterwards.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from communities.mixins import CommunityMixin
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
from tests.security.world import CALLERS, HOST, NOBODY, VISIBLE_TO, World, response_text

METHODS = ("get", "post")
PUBLIC = "public"  # no capability: anyone who may see the community
# Pages under /c/<slug>/ that do not resolve the community through CommunityMixin, and why. They need an
# account (a login redirect for anonymous visitors); the rest is the view's call, the rows are not.
NOT_COMMUNITY_MIXIN = {
    "members:invite": "the invitation code is the proof: an invitee sees a private community's name",
}


@dataclass
class Page:
    name: str
    template: str
    params: list[str]
    view_class: type

    def capability(self, method: str) -> str | None:
        """The capability the view asks for `method`: a name, PUBLIC, or None (refused: not declared for
        this method). Both the single declaration and a mapping of HTTP methods are understood."""
        declared = getattr(self.view_class, "capability", None)
        if isinstance(declared, Mapping):
            declared = declared.get(method.upper())
            return declared if declared is None or isinstance(declared, str) else PUBLIC
        return declared if isinstance(declared, str) else PUBLIC

    def handles(self, method: str) -> bool:
        return hasattr(self.view_class, method)

    @property
    def hosted(self) -> bool:
        """Does the page name the event the host caller hosts?"""
        return names_hosted_event(self.view_class, self.params)


def community_pages() -> list[Page]:
    pages = []
    for template, namespace, pattern in walk():
        if not template.startswith("c/<slug:slug>/"):
            continue
        assert pattern.name, f"page {template} has no name"
        view_class = getattr(pattern.callback, "view_class", None)
        assert view_class is not None, f"{template} is not a class-based view"
        pages.append(Page(namespace + pattern.name, template, params_of(template), view_class))
    return pages


PARAMETER_FILLERS = {
    "slug": lambda rows, community: community.slug,
    "membership_id": lambda rows, community: rows["subject"].pk,
    "note_id": lambda rows, community: rows["note"].pk,
    "tag_id": lambda rows, community: rows["tag"].pk,
    "step_id": lambda rows, community: rows["step"].pk,
    "question_id": lambda rows, community: rows["question"].pk,
    "action": lambda rows, community: "retire",
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
    "rule_id": lambda rows, community: rows["rules"][0].pk,
    "application_id": lambda rows, community: rows["application"].pk,
    "conversation_id": lambda rows, community: rows["conversation"].pk,
    "event_id": lambda rows, community: rows["event"].pk,
    "registration_id": lambda rows, community: rows["registration"].pk,
    "registration_question_id": lambda rows, community: rows["event_question"].pk,
    "event_criterion_id": lambda rows, community: rows["event_criterion"].pk,
    "judge_id": lambda rows, community: rows["judge"].pk,
    "entry_id": lambda rows, community: rows["entry"].pk,
    "event_series_id": lambda rows, community: rows["event_series"].pk,
    "project_id": lambda rows, community: rows["project"].pk,
    "path_id": lambda rows, community: rows["learning_path"].pk,
    "path_step_id": lambda rows, community: rows["path_step"].pk,
    "submission_id": lambda rows, community: rows["submission"].pk,
    **RESOURCE_FILLERS,
}
# A parameter whose meaning depends on the route.
ROUTE_FILLERS = {
    ("members:invite", "code"): lambda rows, community: rows["invitation"].code,
    ("members:join-link", "code"): lambda rows, community: rows["join_link"].code,
}


def fill(
    page: Page, world: World, kind: str, member: str = "subject", swap: tuple[str, str] | None = None
) -> str:
    """The page's URL in community `kind`, about the planted member named by `member` (default: the
    subject), with the planted row `swap[1]` in place of `swap[0]` (routes.UNREACHABLE)."""
    rows = with_event_of({**world.rows[kind], "subject": world.rows[kind][member]}, page.view_class)
    if swap is not None:
        rows[swap[0]] = rows[swap[1]]
    kwargs = {}
    for param in page.params:
        filler = ROUTE_FILLERS.get((page.name, param), PARAMETER_FILLERS.get(param))
        if filler is None:
            pytest.fail(
                f"{page.name} ({page.template}) has a parameter {param!r} the HTML matrix cannot fill; "
                "add a filler to PARAMETER_FILLERS or ROUTE_FILLERS."
            )
        kwargs[param] = filler(rows, world.communities[kind])
    return with_query(page.name, reverse(page.name, kwargs=kwargs))


def expectation(page: Page, method: str, kind: str, caller: str, world: World) -> set[int] | str:
    """Acceptable statuses, or "login" (a redirect to the login page), "allowed" (not refused, no 5xx),
    "service" (no 5xx)."""
    status = world.membership_status(caller)
    if page.name in NOT_COMMUNITY_MIXIN:
        return "login" if caller == "anonymous" else "service"
    if kind == "private" and status not in ("active", "pending"):
        return {404}
    capability = page.capability(method)
    if capability == PUBLIC:
        return "service" if page.handles(method) else {405}
    if caller == "anonymous":
        return "login"
    hosts = caller == HOST and capability in HOST_CAPABILITIES and page.hosted  # events' HostsMayMixin
    if capability is None or status != "active" or not (world.holds(caller, capability) or hosts):
        return {403}
    return "allowed" if page.handles(method) else {405}


def call(client: Client, method: str, url: str):
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def meets(response, expected) -> bool:
    status = response.status_code
    if expected == "login":
        return status == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    if expected == "allowed":
        return status not in (401, 403, 404) and status < 500
    if expected == "service":
        return status < 500
    return status in expected


def page_failures(world: World, kind: str, caller: str, pages: list[Page]) -> list[str]:
    """Every GET and POST of every page by `caller` in community `kind` answered with an unexpected
    status, or showing a row it should not."""
    client = Client()
    if world.users[kind][caller] is not None:
        client.force_login(world.users[kind][caller])
    failures = []
    for page in pages:
        url = fill(page, world, kind)
        for method in METHODS:
            expected = expectation(page, method, kind, caller, world)
            response = call(client, method, url)
            where = f"{method.upper()} {url} ({page.name})"
            if not meets(response, expected):
                failures.append(f"{where}: {response.status_code}, expected {expected}")
            leaks = world.leaks(kind, caller, response_text(response), page.hosted)
            failures.extend(f"{where}: {response.status_code} shows {leak}" for leak in leaks)
        if "membership_id" in page.params and page.handles("get"):
            # The member whose profile only operators see: the status is the view's call, the rows are not.
            url = fill(page, world, kind, member="hidden")
            response = call(client, "get", url)
            where = f"GET {url} ({page.name}, the hidden member)"
            if response.status_code >= 500:
                failures.append(f"{where}: {response.status_code}")
            leaks = world.leaks(kind, caller, response_text(response), page.hosted)
            failures.extend(f"{where}: {response.status_code} shows {leak}" for leak in leaks)
        failures.extend(unreachable_failures(client, world, kind, caller, page))
    return failures


def unreachable_failures(client: Client, world: World, kind: str, caller: str, page: Page) -> list[str]:
    """The page with an object no caller is part of (routes.UNREACHABLE): a 404 for whoever the capability
    lets in, the usual refusal for the others, and none of its rows either way."""
    failures = []
    for param, swap in UNREACHABLE.items():
        if param not in page.params:
            continue
        url = fill(page, world, kind, swap=swap)
        for method in METHODS:
            expected = expectation(page, method, kind, caller, world)
            if expected in ("allowed", "service"):
                expected = {404} if page.handles(method) else {405}
            response = call(client, method, url)
            where = f"{method.upper()} {url} ({page.name}, not a participant)"
            if not meets(response, expected):
                failures.append(f"{where}: {response.status_code}, expected {expected}")
            leaks = world.leaks(kind, caller, response_text(response), page.hosted)
            failures.extend(f"{where}: {response.status_code} shows {leak}" for leak in leaks)
    return failures


@pytest.fixture
def world(db):
    return World()


def test_matrix_sees_the_community_pages():
    names = {page.name for page in community_pages()}
    assert {"communities:home", "members:directory", "members:audit", "members:moderation-review"} <= names


def test_every_community_page_resolves_the_community_through_the_mixin():
    for page in community_pages():
        assert issubclass(page.view_class, CommunityMixin) or page.name in NOT_COMMUNITY_MIXIN, page.name


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("caller", CALLERS)
def test_html_matrix(world, kind, caller):
    failures = page_failures(world, kind, caller, community_pages())
    assert not failures, f"{caller} on the {kind} community:\n" + "\n".join(failures)


def test_planted_rows_reach_the_pages(world):
    """Every marker kind shows on some page to the owner, so a page leaking rows of any kind would show
    that kind's marker too (except the kinds nobody may see, which no page may show)."""
    client = Client()
    client.force_login(world.users["public"]["owner"])
    seen = set()
    for page in community_pages():
        if page.handles("get"):
            body = response_text(call(client, "get", fill(page, world, "public")))
            seen |= {kind for text, (key, kind) in world.markers.items() if key == "public" and text in body}
    shown = {kind for kind, capability in VISIBLE_TO.items() if capability != NOBODY}
    assert seen == shown, f"never shown to the owner: {shown - seen}; shown though nobody may: {seen - shown}"
