"""One place renders domain errors on HTML pages (communities.middleware.DomainErrorMiddleware), and
CommunityMixin is closed unless a view names its capability or says it is public."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from communities.mixins import CommunityMixin, check_capability_declaration
from members.models import ApplicationQuestion
from members.views.recruitment import InviteView
from tests import factories

TEST_URLS = "tests.communities.domain_error_urls"


def raise_url(community, kind):
    return f"/c/{community.slug}/test-raise/{kind}/"


def flashed(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.urls(TEST_URLS)
@pytest.mark.django_db
class TestDomainErrorMiddleware:
    def test_not_found_is_the_404_page(self, client_for, community):
        response = client_for(factories.UserFactory()).get(raise_url(community, "not-found"))
        assert response.status_code == 404
        assert "404.html" in [t.name for t in response.templates]

    def test_forbidden_is_the_403_page_with_the_reason(self, client_for, community):
        response = client_for(factories.UserFactory()).get(raise_url(community, "forbidden"))
        assert response.status_code == 403
        assert "403.html" in [t.name for t in response.templates]
        assert "You do not have permission to do this." in response.content.decode()

    def test_forbidden_sends_an_anonymous_visitor_to_log_in(self, client_for, community):
        response = client_for(None).get(raise_url(community, "forbidden"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))

    @pytest.mark.parametrize("kind", ["conflict", "invalid"])
    def test_other_errors_flash_and_go_back_to_the_referring_page(self, client_for, community, kind):
        home = reverse("communities:home", args=[community.slug])
        referer = f"http://testserver{home}?tab=rules"
        response = client_for(factories.UserFactory()).post(raise_url(community, kind), HTTP_REFERER=referer)
        assert response.status_code == 302
        assert response["Location"] == referer
        assert len(flashed(response)) == 1

    def test_a_foreign_referer_is_replaced_by_the_community_home(self, client_for, community):
        response = client_for(factories.UserFactory()).post(
            raise_url(community, "conflict"), HTTP_REFERER="https://evil.example/phish"
        )
        assert response["Location"] == reverse("communities:home", args=[community.slug])

    def test_a_get_that_refers_to_itself_does_not_loop(self, client_for, community):
        url = raise_url(community, "conflict")
        response = client_for(factories.UserFactory()).get(url, HTTP_REFERER=f"http://testserver{url}")
        assert response["Location"] == reverse("communities:home", args=[community.slug])

    def test_outside_a_community_it_goes_back_to_the_directory(self, client_for):
        response = client_for(factories.UserFactory()).get("/test-raise-plain/")
        assert response.status_code == 302
        assert response["Location"] == reverse("communities:directory")

    def test_a_view_without_capability_fails_loudly(self, client_for, community):
        with pytest.raises(ImproperlyConfigured, match="UndeclaredView must set `capability`"):
            client_for(factories.UserFactory()).get(f"/c/{community.slug}/test-undeclared/")

    def test_capability_per_method_is_closed_for_methods_it_omits(self, client_for, community):
        url = f"/c/{community.slug}/test-per-method/"
        assert client_for(None).get(url).status_code == 200
        assert client_for(None).head(url).status_code == 200
        assert client_for(None).post(url).status_code == 302  # to the login page
        outsider = client_for(factories.UserFactory())
        assert outsider.post(url).status_code == 403
        member = client_for(factories.member(community=community).user)
        assert member.post(url).status_code == 200
        assert member.put(url).status_code == 403


def test_unknown_capability_is_refused():
    class Typo(CommunityMixin):
        capability = "moderatte"

    with pytest.raises(ImproperlyConfigured, match="unknown capability"):
        check_capability_declaration(Typo)


# Community pages that do not resolve the community through CommunityMixin, and why.
NOT_COMMUNITY_MIXIN = {
    # The invitation is the proof: the invitee sees a private community's name through its link.
    InviteView,
}


def community_routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from community_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and route.startswith("c/<slug:slug>/"):
            yield route, pattern.callback.view_class


def test_every_community_page_declares_its_capability():
    routes = list(community_routes())
    assert len(routes) > 40
    for route, view_class in routes:
        if view_class in NOT_COMMUNITY_MIXIN:
            continue
        assert issubclass(view_class, CommunityMixin), route
        check_capability_declaration(view_class)


# --- The real pages that used to catch domain errors by hand --------------------------------------------


@pytest.mark.django_db
def test_moving_a_rule_in_an_archived_community_flashes_the_refusal(client_for, community, owner):
    first = factories.RuleFactory(community=community, position=0)
    factories.RuleFactory(community=community, position=1)
    community.archived_at = community.created_at
    community.status = community.Status.ARCHIVED
    community.save()
    rules_url = reverse("communities:settings-rules", args=[community.slug])
    response = client_for(owner).post(
        reverse("communities:rule-move", args=[community.slug, first.pk]),
        {"direction": "down"},
        HTTP_REFERER=f"http://testserver{rules_url}",
    )
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver{rules_url}"
    assert flashed(response) == ["This community is archived and read-only."]
    first.refresh_from_db()
    assert first.position == 0


@pytest.mark.django_db
def test_deleting_an_answered_question_flashes_the_refusal(client_for, community, owner):
    question = factories.ApplicationQuestionFactory(community=community)
    factories.ApplicationFactory(community=community, answers=[{"question_id": question.pk, "answer": "yes"}])
    response = client_for(owner).post(
        reverse("members:application-question-action", args=[community.slug, question.pk, "delete"])
    )
    assert response.status_code == 302
    assert len(flashed(response)) == 1
    assert ApplicationQuestion.objects.filter(pk=question.pk).exists()
