"""Reads of the resource library: the library with its filters, one resource, its ratings and reviews,
the viewer's rating, the featured lists and the curators' broken links.

Whoever may see the community reads the library. Resources and ratings held by moderation (members'
reports) are left out; a held rating's score stays in the resource's counters, only its review is
hidden. Every list costs the same number of queries whatever its length: counts are columns, the
recommender comes by a join, featured lists' items by one prefetch.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from communities.models import Community
from content.segmentation import query_words
from learning.errors import resources as errors
from learning.models import FeaturedItem, FeaturedList, Resource, ResourceRating
from members.models import Membership
from members.selectors.moderation import hidden_ids
from members.selectors.policy import policy_for

ORDERINGS = {
    "new": ("-created_at", "-id"),
    "rating": ("-rating_average", "-rating_count", "-id"),
    "title": ("title", "id"),
}
FEATURED_SHOWN = 10  # featured lists on top of the library


@dataclass(frozen=True)
class ResourceQuery:
    kind: str = ""
    level: str = ""
    cost: str = ""
    tag: str = ""
    text: str = ""
    order: str = "new"


def skill_levels(*, community: Community) -> list[str]:
    """The community's ordered skill levels (a resource names one of them, or none)."""
    return list(policy_for(community=community).skill_levels)


def resource_list(*, community: Community, query: ResourceQuery | None = None) -> QuerySet[Resource]:
    """The library, filtered by kind, level, cost, tag and text (every word must be found; Chinese is
    segmented into words as content search does), newest first unless `query.order` says otherwise."""
    query = query or ResourceQuery()
    qs = (
        Resource.objects.for_community(community)
        .exclude(pk__in=hidden_ids(Resource, community))
        .select_related("recommended_by__user")
        .defer("search_words")
    )
    if query.kind:
        qs = qs.filter(kind=query.kind)
    if query.level:
        qs = qs.filter(level=query.level)
    if query.cost:
        qs = qs.filter(cost=query.cost)
    if query.tag:
        qs = qs.filter(tag_index__contains=f" {query.tag.strip().lower()} ")
    for word in query_words(query.text or ""):
        qs = qs.filter(search_words__contains=word)
    return qs.order_by(*ORDERINGS.get(query.order, ORDERINGS["new"]))


def resource_get(*, community: Community, resource_id) -> Resource:
    resource = resource_list(community=community).filter(pk=resource_id).first()
    if resource is None:
        raise errors.ResourceNotFound()
    return resource


def rating_list(*, community: Community, resource: Resource) -> QuerySet[ResourceRating]:
    """A resource's ratings, latest first, with their members (one query); held ones left out."""
    return (
        ResourceRating.objects.for_community(community)
        .filter(resource=resource)
        .exclude(pk__in=hidden_ids(ResourceRating, community))
        .select_related("membership__user")
        .order_by("-updated_at", "-id")
    )


def my_rating(
    *, community: Community, resource: Resource, membership: Membership | None
) -> ResourceRating | None:
    if membership is None or membership.pk is None:
        return None
    return (
        ResourceRating.objects.for_community(community)
        .filter(resource=resource, membership=membership)
        .first()
    )


def featured_list_list(*, community: Community) -> QuerySet[FeaturedList]:
    """The featured lists in order, each with its visible resources in order (two queries)."""
    items = (
        FeaturedItem.objects.for_community(community)
        .exclude(resource_id__in=hidden_ids(Resource, community))
        .select_related("resource")
        .order_by("position", "id")
    )
    return (
        FeaturedList.objects.for_community(community)
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("position", "id")
    )


def featured_list_get(*, community: Community, featured_list_id) -> FeaturedList:
    featured_list = featured_list_list(community=community).filter(pk=featured_list_id).first()
    if featured_list is None:
        raise errors.FeaturedListNotFound()
    return featured_list


def broken_resource_list(*, community: Community) -> QuerySet[Resource]:
    """Resources flagged broken by the link checker, longest broken first (for the curators)."""
    return (
        resource_list(community=community)
        .filter(link_broken_at__isnull=False)
        .order_by("link_broken_at", "id")
    )
