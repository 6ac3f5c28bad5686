"""Reads of series: the list with the number of published posts, one series, and its posts in order."""

from django.db.models import Count, Q, QuerySet

from communities.errors import DomainError
from communities.models import Community
from content.errors.posts import SeriesNotFound
from content.models import Post, PostStatus, Series
from content.selectors.posts import visible_posts, with_relations


def series_list(*, community: Community) -> QuerySet[Series]:
    published = Q(posts__status=PostStatus.PUBLISHED, posts__removed_at__isnull=True)
    return (
        Series.objects.for_community(community)
        .annotate(published_count=Count("posts", filter=published))
        .order_by("-created_at", "-id")
    )


def series_get(*, community: Community, series_id) -> Series:
    series = series_list(community=community).filter(pk=series_id).first()
    if series is None:
        raise SeriesNotFound()
    return series


def series_posts(*, community: Community, series: Series, everything: bool = False) -> QuerySet[Post]:
    """The series' published posts in their order; with `everything`, its posts in every state (for the
    operators who arrange it)."""
    posts = Post.objects.for_community(community) if everything else visible_posts(community=community)
    return with_relations(community, posts.filter(series=series).order_by("series_position", "id"))


def series_named_in_input(*, community: Community, series_id: int | None) -> Series | None:
    """The series an input names by id (None: none), or a 400 on the `series` field."""
    if series_id is None:
        return None
    series = Series.objects.for_community(community).filter(pk=series_id).first()
    if series is None:
        raise DomainError(code="invalid", fields={"series": [str(SeriesNotFound.message)]})
    return series
