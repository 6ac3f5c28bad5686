"""The resource library through its services: suggesting, editing, rating with stored counters,
featured lists, and refusals (unsafe links, own resource, other members' resources)."""

from decimal import Decimal

import pytest

from analytics.models import ActivityEvent
from communities.errors import Forbidden
from learning.errors import resources as errors
from learning.models import FeaturedItem, Resource, ResourceRating
from learning.selectors import resources as selectors
from learning.selectors.resources import ResourceQuery
from learning.services import resources as services
from tests import factories
from tests.learning.resource_helpers import library, suggest

pytestmark = pytest.mark.django_db


def test_a_member_suggests_a_resource_with_lowercased_tags_and_is_its_recommender():
    community, (_owner, ana, *_rest) = library()
    resource = suggest(community, ana, tags=["Light", "light", " Exposure "])
    assert resource.recommended_by == ana
    assert resource.tags == ["light", "exposure"]
    assert resource.tag_index == " light exposure "
    assert ActivityEvent.objects.filter(verb="resource.added", actor=ana.user).exists()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "ftp://example.com/file",
        "https://user:secret@example.com/",
        "https://user@example.com/",
        "http://localhost:8000/admin",
        "http://127.0.0.1/",
        "http://10.0.0.5/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://printer.local/",
        "http://intranet/",
        "https://exa mple.com/",
        "https:///path-only",
        "",
    ],
)
def test_unsafe_links_are_refused_with_a_field_error(url):
    community, (_owner, ana, *_rest) = library()
    with pytest.raises(errors.UnsafeLink) as caught:
        suggest(community, ana, url=url)
    assert caught.value.code == "unsafe_link"
    assert "url" in caught.value.fields
    assert not Resource.objects.exists()


def test_bad_fields_are_refused_on_their_field():
    community, (_owner, ana, *_rest) = library()
    for fields, name in [
        ({"level": "grandmaster"}, "level"),
        ({"kind": "podcast"}, "kind"),
        ({"cost": "cheap"}, "cost"),
        ({"tags": ["two words"]}, "tags"),
        ({"tags": [f"t{n}" for n in range(9)]}, "tags"),
        ({"title": "  "}, "title"),
    ]:
        with pytest.raises(errors.ResourceInvalid) as caught:
            suggest(community, ana, **fields)
        assert name in caught.value.fields
    assert not Resource.objects.exists()


def test_the_level_is_one_of_the_communitys_skill_levels():
    community, (_owner, ana, *_rest) = library()
    level = selectors.skill_levels(community=community)[0]
    assert suggest(community, ana, level=level).level == level


def test_only_the_recommender_or_a_curator_edits_or_removes():
    community, (owner, ana, ben, _cai) = library()
    expert = factories.member(community=community, role="expert")
    resource = suggest(community, ana)
    with pytest.raises(errors.NotYourResource):
        services.resource_update(actor=ben.user, community=community, resource=resource, title="Mine now")
    services.resource_update(actor=ana.user, community=community, resource=resource, title="Better title")
    services.resource_update(actor=expert.user, community=community, resource=resource, cost="free")
    resource.refresh_from_db()
    assert (resource.title, resource.cost) == ("Better title", "free")
    with pytest.raises(errors.NotYourResource):
        services.resource_delete(actor=ben.user, community=community, resource=resource)
    services.resource_delete(actor=owner.user, community=community, resource=resource)
    assert not Resource.objects.exists()


def test_a_new_link_starts_the_checkers_record_over():
    community, (_owner, ana, *_rest) = library()
    resource = suggest(community, ana)
    Resource.objects.filter(pk=resource.pk).update(link_failures=5, link_error="HTTP 404")
    resource.refresh_from_db()
    services.resource_update(
        actor=ana.user, community=community, resource=resource, url="https://example.org/new"
    )
    resource.refresh_from_db()
    assert (resource.link_failures, resource.link_error, resource.link_broken_at) == (0, "", None)


def test_ratings_keep_stored_counters_and_one_rating_per_member():
    community, (_owner, ana, ben, cai) = library()
    resource = suggest(community, ana)
    services.rating_set(actor=ben.user, community=community, resource=resource, score=5, review="Great")
    services.rating_set(actor=cai.user, community=community, resource=resource, score=2)
    services.rating_set(
        actor=cai.user, community=community, resource=resource, score=4, review="On second read"
    )
    resource.refresh_from_db()
    assert (resource.rating_count, resource.rating_total, resource.rating_average) == (2, 9, Decimal("4.50"))
    assert ResourceRating.objects.filter(resource=resource).count() == 2
    services.rating_delete(actor=ben.user, community=community, resource=resource)
    resource.refresh_from_db()
    assert (resource.rating_count, resource.rating_average) == (1, Decimal("4.00"))
    assert ActivityEvent.objects.filter(verb="resource.rated").count() == 3


def test_nobody_rates_their_own_resource_or_out_of_range():
    community, (_owner, ana, ben, _cai) = library()
    resource = suggest(community, ana)
    with pytest.raises(errors.OwnResourceRating):
        services.rating_set(actor=ana.user, community=community, resource=resource, score=5)
    for score in (0, 6, True):
        with pytest.raises(errors.ResourceInvalid):
            services.rating_set(actor=ben.user, community=community, resource=resource, score=score)
    assert services.rating_delete(actor=ben.user, community=community, resource=resource) is False
    resource.refresh_from_db()
    assert resource.rating_count == 0


def test_filters_find_by_kind_level_cost_tag_and_chinese_text():
    community, (_owner, ana, *_rest) = library()
    level = selectors.skill_levels(community=community)[0]
    book = suggest(community, ana, title="摄影构图的基础", description="讲解构图", tags=["构图"], level=level)
    video = suggest(community, ana, title="Night sky video", kind="video", cost="free", tags=["astro"])

    def found(**query):
        return list(selectors.resource_list(community=community, query=ResourceQuery(**query)))

    assert found(kind="video") == [video]
    assert found(level=level) == [book]
    assert found(cost="free") == [video]
    assert found(tag="ASTRO") == [video]
    assert found(tag="astr") == []
    assert found(text="构图") == [book]
    assert found(text="night SKY") == [video]
    assert found(text="night 构图") == []


def test_featured_lists_hold_resources_in_order_of_this_community_only():
    community, (owner, ana, *_rest) = library()
    first, second = suggest(community, ana, title="One"), suggest(community, ana, title="Two")
    other_community, (other_owner, *_x) = library(("owner",))
    foreign = suggest(other_community, other_owner)
    with pytest.raises(Forbidden):
        services.featured_list_create(actor=ana.user, community=community, name="Start here")
    featured = services.featured_list_create(
        actor=owner.user, community=community, name="Start here", resource_ids=[second.pk, first.pk]
    )
    got = selectors.featured_list_get(community=community, featured_list_id=featured.pk)
    assert [item.resource for item in got.items.all()] == [second, first]
    with pytest.raises(errors.ResourceInvalid) as caught:
        services.featured_list_update(
            actor=owner.user, community=community, featured_list=featured, resource_ids=[foreign.pk]
        )
    assert "resource_ids" in caught.value.fields
    services.featured_list_update(
        actor=owner.user, community=community, featured_list=featured, resource_ids=[first.pk]
    )
    assert list(
        FeaturedItem.objects.filter(featured_list=featured).values_list("resource_id", flat=True)
    ) == [first.pk]
    with pytest.raises(errors.FeaturedListNotFound):
        selectors.featured_list_get(community=other_community, featured_list_id=featured.pk)


def test_another_communitys_resource_is_not_found():
    community, (_owner, ana, *_rest) = library()
    resource = suggest(community, ana)
    other, _members = library(("owner",))
    with pytest.raises(errors.ResourceNotFound):
        selectors.resource_get(community=other, resource_id=resource.pk)
