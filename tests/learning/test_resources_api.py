"""The resource library over the API: filters and pages at a constant query count, suggesting with
field errors (unsafe links), editing by the recommender or a curator, ratings, featured lists, broken
links; another community's ids are 404s."""

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.models import Resource, ResourceRating
from learning.services import resources as services
from tests.api.helpers import assert_error, query_count, row_counts
from tests.learning.resource_helpers import library, suggest

pytestmark = pytest.mark.django_db


def api(name, community, **kwargs):
    return reverse(f"api:{name}", kwargs={"community_slug": community.slug, **kwargs})


PAYLOAD = {
    "title": "Darktable",
    "description": "A raw editor.",
    "url": "https://www.darktable.org/",
    "kind": "tool",
    "cost": "free",
    "tags": ["Raw", "editing"],
}


def test_suggest_then_read_with_exact_fields(api_client_for):
    community, (_owner, ana, *_rest) = library()
    response = api_client_for(ana.user).post(api("resource-list", community), PAYLOAD, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["tags"] == ["raw", "editing"] and body["rating_count"] == 0 and body["link_broken"] is False
    assert body["recommended_by"] == ana.user.username
    anonymous = api_client_for().get(api("resource-detail", community, resource_id=body["id"])).json()
    assert anonymous["recommended_by"] is None and anonymous["title"] == "Darktable"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"url": "javascript:alert(1)"}, "url", "unsafe_link"),
        ({"url": "http://127.0.0.1:8000/"}, "url", "unsafe_link"),
        ({"url": "https://me:pw@example.com/"}, "url", "unsafe_link"),
        ({"url": "file:///etc/passwd"}, "url", "unsafe_link"),
        ({"kind": "podcast"}, "kind", "invalid_choice"),
        ({"level": "wizard"}, "level", "resource_invalid"),
        ({"tags": ["no spaces allowed"]}, "tags", "resource_invalid"),
        ({"tags": "light"}, "tags", "not_a_list"),
        ({"role": "owner"}, "role", "unknown_field"),
    ],
)
def test_bad_input_is_a_400_on_its_field_and_writes_nothing(api_client_for, change, field, code):
    community, (_owner, ana, *_rest) = library()
    before = row_counts()
    response = api_client_for(ana.user).post(
        api("resource-list", community), {**PAYLOAD, **change}, format="json"
    )
    body = assert_error(response, 400, code)
    assert field in body["fields"]
    assert row_counts() == before and not Resource.objects.exists()


def test_filters_ordering_and_a_constant_query_count(api_client_for):
    community, (_owner, ana, ben, _cai) = library()
    client = api_client_for(ben.user)
    url = api("resource-list", community)
    suggest(community, ana, title="摄影构图的基础", tags=["构图"])
    client.get(url)  # the day's visit is recorded once
    few = query_count(lambda: client.get(url))
    for n in range(10):
        resource = suggest(community, ana, title=f"Video {n}", kind="video", cost="free", tags=["astro"])
        services.rating_set(actor=ben.user, community=community, resource=resource, score=1 + n % 5)
    assert query_count(lambda: client.get(url)) == few

    def titles(query):
        return [row["title"] for row in client.get(url + query).json()["results"]]

    assert titles("?q=构图") == ["摄影构图的基础"]
    assert len(titles("?kind=video&cost=free&tag=ASTRO")) == 10
    assert titles("?ordering=-rating_average")[0] in {"Video 4", "Video 9"}
    assert client.get(url + "?kind=podcast").status_code == 400


def test_only_the_recommender_or_a_curator_changes_a_resource(api_client_for):
    community, (owner, ana, ben, _cai) = library()
    resource = suggest(community, ana)
    detail = api("resource-detail", community, resource_id=resource.pk)
    assert_error(
        api_client_for(ben.user).patch(detail, {"title": "Mine"}, format="json"), 400, "not_your_resource"
    )
    response = api_client_for(ana.user).patch(
        detail, {"title": "Better", "url": "https://example.org/"}, format="json"
    )
    assert response.status_code == 200 and response.json()["title"] == "Better"
    assert_error(
        api_client_for(ana.user).patch(detail, {"url": "data:text/html,x"}, format="json"), 400, "unsafe_link"
    )
    assert api_client_for(owner.user).delete(detail).status_code == 204
    assert not Resource.objects.exists()


def test_ratings_one_per_member_never_on_ones_own(api_client_for):
    community, (_owner, ana, ben, _cai) = library()
    resource = suggest(community, ana)
    mine = api("resource-rating-mine", community, resource_id=resource.pk)
    assert_error(api_client_for(ana.user).put(mine, {"score": 5}, format="json"), 400, "own_resource_rating")
    assert_error(api_client_for(ben.user).put(mine, {"score": 7}, format="json"), 400, "max_value")
    first = api_client_for(ben.user).put(mine, {"score": 3, "review": "Fine"}, format="json")
    again = api_client_for(ben.user).put(mine, {"score": 5, "review": "Better on reread"}, format="json")
    assert first.status_code == again.status_code == 200 and again.json()["mine"] is True
    ratings = api_client_for().get(api("resource-rating-list", community, resource_id=resource.pk)).json()
    assert [(row["score"], row["review"], row["member"]) for row in ratings["results"]] == [
        (5, "Better on reread", None)
    ]
    detail = api_client_for().get(api("resource-detail", community, resource_id=resource.pk)).json()
    assert (detail["rating_count"], detail["rating_average"]) == (1, 5.0)
    assert api_client_for(ben.user).delete(mine).status_code == 204
    assert api_client_for(ben.user).delete(mine).status_code == 204
    assert not ResourceRating.objects.exists()


def test_featured_lists_by_curators_and_foreign_ids_refused(api_client_for):
    community, (owner, ana, *_rest) = library()
    one, two = suggest(community, ana, title="One"), suggest(community, ana, title="Two")
    other, (other_owner, *_x) = library(("owner",))
    foreign = suggest(other, other_owner)
    lists = api("resource-featured-list", community)
    payload = {"name": "Start here", "resource_ids": [two.pk, one.pk]}
    assert api_client_for(ana.user).post(lists, payload, format="json").status_code == 403
    created = api_client_for(owner.user).post(lists, payload, format="json")
    assert created.status_code == 201
    assert [row["title"] for row in created.json()["resources"]] == ["Two", "One"]
    detail = api("resource-featured-detail", community, featured_list_id=created.json()["id"])
    body = assert_error(
        api_client_for(owner.user).put(
            detail, {"name": "Start here", "resource_ids": [foreign.pk]}, format="json"
        ),
        400,
        "resource_invalid",
    )
    assert "resource_ids" in body["fields"]
    assert api_client_for().get(lists).json()[0]["name"] == "Start here"
    assert api_client_for(owner.user).delete(detail).status_code == 204
    foreign_detail = api("resource-detail", community, resource_id=foreign.pk)
    assert_error(api_client_for(owner.user).get(foreign_detail), 404, "resource_not_found")


def test_broken_links_are_for_curators(api_client_for):
    community, (owner, ana, ben, _cai) = library()
    resource = suggest(community, ana)
    Resource.objects.filter(pk=resource.pk).update(
        link_broken_at=timezone.now(), link_failures=3, link_error="HTTP 410"
    )
    url = api("resource-broken-list", community)
    assert api_client_for(ben.user).get(url).status_code == 403
    rows = api_client_for(owner.user).get(url).json()["results"]
    assert [(row["id"], row["link_error"], row["link_failures"]) for row in rows] == [
        (resource.pk, "HTTP 410", 3)
    ]
