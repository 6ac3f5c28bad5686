"""Writes of series: operators create, edit and delete them, add and remove posts, and set their order."""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.errors import DomainError
from communities.models import Community
from communities.permissions import ensure_can
from content.errors.posts import SeriesOrderInvalid
from content.models import Post, Series
from content.models.posts import TITLE_MAX
from content.models.series import DESCRIPTION_MAX


def _clean(title: str, description: str) -> dict:
    title, description = (title or "").strip(), description or ""
    problems = {}
    if not title or len(title) > TITLE_MAX:
        problems["title"] = [str(_("Give the series a title (at most %(n)s characters).") % {"n": TITLE_MAX})]
    if len(description) > DESCRIPTION_MAX:
        problems["description"] = [str(_("At most %(n)s characters.") % {"n": DESCRIPTION_MAX})]
    if problems:
        raise DomainError(code="invalid", fields=problems)
    return {"title": title, "description": description}


@transaction.atomic
def series_create(*, actor, community: Community, title: str, description: str = "") -> Series:
    ensure_can(actor, "manage_content", community)
    series = Series.objects.create(community=community, created_by=actor, **_clean(title, description))
    record(community=community, actor=actor, verb="series.created", target=series)
    return series


@transaction.atomic
def series_update(*, actor, community: Community, series: Series, title=None, description=None) -> Series:
    ensure_can(actor, "manage_content", community)
    series = Series.objects.select_for_update().for_community(community).get(pk=series.pk)
    cleaned = _clean(
        series.title if title is None else title, series.description if description is None else description
    )
    for name, value in cleaned.items():
        setattr(series, name, value)
    series.save()
    record(community=community, actor=actor, verb="series.edited", target=series)
    return series


@transaction.atomic
def series_delete(*, actor, community: Community, series: Series) -> None:
    """Delete the series; its posts stay, outside any series."""
    ensure_can(actor, "manage_content", community)
    Post.objects.for_community(community).filter(series=series).update(series=None, series_position=None)
    Series.objects.for_community(community).filter(pk=series.pk).delete()
    record(community=community, actor=actor, verb="series.deleted")


@transaction.atomic
def series_reorder(*, actor, community: Community, series: Series, post_ids: Sequence[int]) -> list[Post]:
    """Set the order of the series' posts: `post_ids` lists each of them exactly once, first to last."""
    ensure_can(actor, "manage_content", community)
    posts = {
        post.pk: post
        for post in Post.objects.select_for_update().for_community(community).filter(series=series)
    }
    if len(post_ids) != len(set(post_ids)) or set(post_ids) != set(posts):
        raise SeriesOrderInvalid(fields={"post_ids": [str(SeriesOrderInvalid.message)]})
    ordered = []
    for position, post_id in enumerate(post_ids, start=1):
        post = posts[post_id]
        if post.series_position != position:
            post.series_position = position
            post.save(update_fields=["series_position", "updated_at"])
        ordered.append(post)
    record(community=community, actor=actor, verb="series.reordered", target=series)
    return ordered


@transaction.atomic
def series_move(*, actor, community: Community, series: Series, post: Post, step: int) -> list[Post]:
    """Move one post a place earlier (step -1) or later (+1): the HTML form's way to reorder."""
    ids = list(
        Post.objects.for_community(community)
        .filter(series=series)
        .order_by("series_position", "id")
        .values_list("pk", flat=True)
    )
    if post.pk not in ids:
        raise SeriesOrderInvalid()
    index = ids.index(post.pk)
    target = min(max(index + step, 0), len(ids) - 1)
    ids.insert(target, ids.pop(index))
    return series_reorder(actor=actor, community=community, series=series, post_ids=ids)
