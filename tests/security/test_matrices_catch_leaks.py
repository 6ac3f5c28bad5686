"""The route matrices can fail: leaky routes planted here are reported by the same machinery that checks
the real routes (`matrix_failures`, `page_failures`), found the same way (from the URL conf).

- Routes added later: this module is the URL conf of its tests (`pytest.mark.urls`): the project's
  routes plus throwaway API and HTML routes that show every community's rows, or rows the caller may not
  see, or only their ids. Nothing lists them for the matrices: route discovery finds them.
- Existing routes gone wrong: a viewset's `get_queryset` and a page's selector are monkeypatched to
  return every community's rows.
"""

import pytest
from django.http import HttpResponse
from django.urls import path
from django.views import View
from rest_framework.response import Response

from communities.api.base import CommunityViewSet
from communities.api.views import RuleViewSet
from communities.mixins import PUBLIC, CommunityMixin
from communities.models import Rule
from config.urls import urlpatterns as project_urlpatterns
from members.models import AuditLogEntry, MemberNote, Membership
from members.views import audit as audit_views
from tests.security import test_html_matrix as html
from tests.security import test_route_matrix as api
from tests.security.world import World


class EveryNoteViewSet(CommunityViewSet):
    """Any member may list notes: every community's, operators' private ones included."""

    capability = {"list": "view"}

    def list(self, request, community_slug):
        return Response([{"id": note.pk, "body": note.body} for note in MemberNote.objects.all()])


class MembershipIdsViewSet(CommunityViewSet):
    """Shows no text at all, only the ids of every community's memberships."""

    capability = {"list": "view"}

    def list(self, request, community_slug):
        return Response({"ids": list(Membership.objects.values_list("pk", flat=True))})


class EveryRulePage(CommunityMixin, View):
    capability = PUBLIC

    def get(self, request, slug):
        return HttpResponse(", ".join(Rule.objects.values_list("title", flat=True)))


# Before the project's routes: those end with a catch-all under api/ (a JSON 404 for unknown addresses).
urlpatterns = [
    path(
        "api/v1/communities/<slug:community_slug>/leaky-notes/",
        EveryNoteViewSet.as_view({"get": "list"}),
        name="leaky-notes",
    ),
    path(
        "api/v1/communities/<slug:community_slug>/leaky-ids/",
        MembershipIdsViewSet.as_view({"get": "list"}),
        name="leaky-ids",
    ),
    path("c/<slug:slug>/leaky-rules/", EveryRulePage.as_view(), name="leaky-rules"),
    *project_urlpatterns,
]


@pytest.fixture
def world(db):
    return World()


def only(routes, name):
    found = [route for route in routes if route.name == name]
    assert found, f"the matrix did not find {name}"
    return found


@pytest.mark.urls(__name__)
def test_api_matrix_reports_foreign_and_hidden_rows_on_a_new_route(world):
    failures = api.matrix_failures(world, "public", "member", only(api.community_routes(), "leaky-notes"))
    assert any("note row of the private community" in failure for failure in failures), failures
    assert any("note row of the elsewhere community" in failure for failure in failures), failures
    assert any("note row visible only with 'manage_member_notes'" in failure for failure in failures), (
        failures
    )


@pytest.mark.urls(__name__)
def test_api_matrix_reports_foreign_ids_without_any_text(world):
    failures = api.matrix_failures(world, "private", "member", only(api.community_routes(), "leaky-ids"))
    assert any("a members.Membership of the public community" in failure for failure in failures), failures
    assert any("a members.Membership of the elsewhere community" in failure for failure in failures), failures


@pytest.mark.urls(__name__)
def test_html_matrix_reports_foreign_rows_on_a_new_page(world):
    pages = only(html.community_pages(), "leaky-rules")
    for caller in ("anonymous", "owner"):
        failures = html.page_failures(world, "public", caller, pages)
        assert any("rule row of the private community" in failure for failure in failures), failures


def test_api_matrix_reports_an_existing_viewset_returning_every_community_s_rows(world, monkeypatch):
    monkeypatch.setattr(RuleViewSet, "get_queryset", lambda self: Rule.objects.order_by("pk"))
    failures = api.matrix_failures(
        world, "public", "anonymous", only(api.community_routes(), "api:rule-list")
    )
    assert any("rule row of the private community" in failure for failure in failures), failures


def test_html_matrix_reports_an_existing_page_returning_every_community_s_rows(world, monkeypatch):
    monkeypatch.setattr(audit_views, "audit_list", lambda community: AuditLogEntry.objects.order_by("-pk"))
    failures = html.page_failures(world, "public", "owner", only(html.community_pages(), "members:audit"))
    assert any("audit row of the private community" in failure for failure in failures), failures
