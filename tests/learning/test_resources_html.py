"""Resource library pages: the library (featured lists, filters, constant query count), a resource with
its reviews and the rating form, suggesting and editing (unsafe links as form errors), the curators'
broken links and featured-list editor; refusals as form errors or flashes, never a 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import FeaturedItem, Resource, ResourceRating
from learning.services import resources as services
from tests import factories
from tests.learning.resource_helpers import library, suggest

pytestmark = pytest.mark.django_db


def page(name, community, **kwargs):
    return reverse(f"learning:{name}", kwargs={"slug": community.slug, **kwargs})


def test_the_library_shows_featured_lists_then_filtered_resources(client):
    community, (owner, ana, *_rest) = library()
    book = suggest(community, ana, title="Light and shadow")
    suggest(community, ana, title="Night sky video", kind="video", cost="free")
    services.featured_list_create(
        actor=owner.user, community=community, name="Start here", resource_ids=[book.pk]
    )
    html = client.get(page("resources", community)).content.decode()
    assert "Start here" in html and "Light and shadow" in html and "Night sky video" in html
    filtered = client.get(page("resources", community) + "?kind=video").content.decode()
    assert "Night sky video" in filtered and "Light and shadow" not in filtered
    assert client.get(page("resources", community) + "?kind=podcast&level=x&page=99").status_code == 200


def test_the_library_costs_the_same_queries_for_one_or_many_resources(client, django_assert_num_queries):
    community, (owner, ana, ben, _cai) = library()
    first = suggest(community, ana, title="First")
    services.featured_list_create(
        actor=owner.user, community=community, name="Start here", resource_ids=[first.pk]
    )
    client.force_login(ben.user)
    url = page("resources", community)
    client.get(url)  # the day's visit is recorded once
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for n in range(12):
        resource = suggest(community, ana, title=f"Resource {n}", tags=[f"t{n}"])
        services.rating_set(actor=ben.user, community=community, resource=resource, score=4, review="Good")
        services.featured_list_update(
            actor=owner.user, community=community, featured_list=community.learning_featuredlist_set.get(),
            resource_ids=[first.pk, resource.pk],
        )  # fmt: skip
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200
    assert len(few) <= 14


def test_a_member_rates_and_reviews_from_the_resource_page(client):
    community, (_owner, ana, ben, _cai) = library()
    resource = suggest(community, ana)
    client.force_login(ben.user)
    url = page("resource", community, resource_id=resource.pk)
    assert 'name="score"' in client.get(url).content.decode()
    bad = client.post(url, {"score": "9"})
    assert bad.status_code == 200 and not ResourceRating.objects.exists()
    assert client.post(url, {"score": "4", "review": "Clear and kind"}).status_code == 302
    html = client.get(url).content.decode()
    assert "Clear and kind" in html and "4/5" in html
    assert client.post(page("resource-rating-delete", community, resource_id=resource.pk)).status_code == 302
    assert not ResourceRating.objects.exists()


def test_the_recommender_sees_no_rating_form_and_a_post_is_a_form_error(client):
    community, (_owner, ana, *_rest) = library()
    resource = suggest(community, ana)
    client.force_login(ana.user)
    url = page("resource", community, resource_id=resource.pk)
    assert 'name="score"' not in client.get(url).content.decode()
    response = client.post(url, {"score": "5"})
    assert response.status_code == 200 and not ResourceRating.objects.exists()


def test_suggesting_with_an_unsafe_link_is_a_form_error_then_works(client):
    community, (_owner, ana, *_rest) = library()
    client.force_login(ana.user)
    url = page("resource-new", community)
    fields = {
        "title": "Darktable",
        "kind": "tool",
        "cost": "free",
        "description": "Raw editor.",
        "tags": "raw, editing",
    }
    for bad in ("javascript:alert(1)", "http://192.168.1.1/", "https://u:p@example.com/"):
        response = client.post(url, {**fields, "url": bad})
        assert response.status_code == 200 and "field-invalid" in response.content.decode()
    assert not Resource.objects.exists()
    response = client.post(url, {**fields, "url": "https://www.darktable.org/"})
    resource = Resource.objects.get()
    assert response.status_code == 302 and resource.tags == ["raw", "editing"]


def test_only_the_recommender_or_a_curator_may_edit(client):
    community, (owner, ana, ben, _cai) = library()
    resource = suggest(community, ana)
    edit = page("resource-edit", community, resource_id=resource.pk)
    client.force_login(ben.user)
    assert client.get(edit).status_code == 302  # sent back with the reason
    response = client.post(
        edit,
        {"title": "Taken", "url": "https://example.com/", "kind": "book", "cost": "free", "description": "x"},
    )
    assert response.status_code == 200
    resource.refresh_from_db()
    assert resource.title != "Taken"
    client.force_login(owner.user)
    assert client.get(edit).status_code == 200
    client.force_login(ana.user)
    assert client.post(page("resource-delete", community, resource_id=resource.pk)).status_code == 302
    assert not Resource.objects.exists()


def test_curators_see_broken_links_and_members_may_not(client):
    community, (owner, ana, ben, _cai) = library()
    resource = suggest(community, ana, title="Dead link book")
    Resource.objects.filter(pk=resource.pk).update(
        link_broken_at=timezone.now(), link_failures=3, link_error="HTTP 404"
    )
    client.force_login(ben.user)
    assert client.get(page("resource-broken", community)).status_code == 403
    client.force_login(owner.user)
    html = client.get(page("resource-broken", community)).content.decode()
    assert "Dead link book" in html and "HTTP 404" in html


def test_the_featured_list_editor_adds_moves_and_removes(client):
    community, (owner, ana, *_rest) = library()
    one, two = suggest(community, ana, title="One"), suggest(community, ana, title="Two")
    client.force_login(owner.user)
    response = client.post(page("resource-featured", community), {"name": "Start here", "position": "0"})
    featured = community.learning_featuredlist_set.get()
    assert response.status_code == 302
    items = page("resource-featured-items", community, featured_list_id=featured.pk)
    client.post(items, {"action": "add", "resource": one.pk})
    client.post(items, {"action": "add", "resource": two.pk})
    client.post(items, {"action": "up", "resource": two.pk})

    def order():
        return list(FeaturedItem.objects.filter(featured_list=featured).values_list("resource_id", flat=True))

    assert order() == [two.pk, one.pk]
    client.post(items, {"action": "remove", "resource": two.pk})
    assert order() == [one.pk]
    assert client.post(items, {"action": "add", "resource": "999999"}).status_code == 302  # a flash, no 500
    edit = page("resource-featured-edit", community, featured_list_id=featured.pk)
    assert "One" in client.get(edit).content.decode()
    assert client.post(edit, {"name": "", "position": "0"}).status_code == 200
    client.post(page("resource-featured-delete", community, featured_list_id=featured.pk))
    assert not community.learning_featuredlist_set.exists()
    client.force_login(ana.user)
    assert client.get(page("resource-featured", community)).status_code == 403


def test_another_communitys_resource_is_a_404(client):
    community, (_owner, ana, *_rest) = library()
    resource = suggest(community, ana)
    other = factories.CommunityFactory()
    assert client.get(page("resource", other, resource_id=resource.pk)).status_code == 404
