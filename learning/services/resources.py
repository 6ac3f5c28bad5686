"""Writes of the resource library: members suggest resources and rate them, the member who suggested a
resource (or a curator: `manage_learning`) edits or removes it, curators arrange the featured lists.

A rating changes the resource's stored counters (`rating_count`, `rating_total`, `rating_average`) in
the same transaction, under a lock on the resource row, so concurrent ratings never lose an update and
no list counts ratings to draw itself.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, has_capability
from communities.races import sequential_on_race
from content.segmentation import document_words
from learning.errors import resources as errors
from learning.links import clean_link
from learning.models import FeaturedItem, FeaturedList, Resource, ResourceRating
from learning.models.resources import LIST_ITEMS_MAX, TAG_MAX, TAGS_MAX
from members.selectors.policy import policy_for
from members.services.publishing import ensure_may_post

MANAGE = "manage_learning"
TAG_RE = re.compile(r"^[\w.+#-]+$")
FIELDS = ("title", "description", "url", "kind", "level", "cost", "tags")


def clean_tags(tags) -> list[str]:
    """Tags lower-cased, stripped, without repeats, each one word (letters, digits, . + # -)."""
    names = list(dict.fromkeys(str(tag).strip().lower() for tag in (tags or []) if str(tag).strip()))
    if len(names) > TAGS_MAX:
        raise errors.ResourceInvalid(fields={"tags": [_("At most %(n)s tags.") % {"n": TAGS_MAX}]})
    for name in names:
        if len(name) > TAG_MAX or not TAG_RE.match(name):
            raise errors.ResourceInvalid(
                fields={
                    "tags": [
                        _("“%(tag)s” is not a tag: one word of letters, digits, . + # or -, at most 40.")
                        % {"tag": name[:50]}
                    ]
                }
            )
    return names


def _clean_level(community: Community, level: str) -> str:
    level = (level or "").strip()
    if level and level not in policy_for(community=community).skill_levels:
        raise errors.ResourceInvalid(fields={"level": [_("Choose one of the community's skill levels.")]})
    return level


def _fill(resource: Resource, community: Community, fields: dict) -> None:
    """Set the given fields, their derived columns, and validate the row (ResourceInvalid with fields)."""
    if "url" in fields:
        fields["url"] = clean_link(fields["url"])
    if "level" in fields:
        fields["level"] = _clean_level(community, fields["level"])
    if "tags" in fields:
        fields["tags"] = clean_tags(fields["tags"])
    if "title" in fields:
        fields["title"] = (fields["title"] or "").strip()
    for name, value in fields.items():
        setattr(resource, name, value)
    resource.tag_index = " " + "".join(f"{tag} " for tag in resource.tags)
    resource.search_words = document_words(" ".join([resource.title, resource.description, *resource.tags]))
    try:
        resource.full_clean(
            exclude=["community", "recommended_by", "tags"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        raise errors.ResourceInvalid(fields=exc.message_dict) from exc


def _lock(community: Community, resource: Resource) -> Resource:
    return Resource.objects.for_community(community).select_for_update().get(pk=resource.pk)


def may_edit(membership, resource: Resource) -> bool:
    """The member who suggested the resource, or a curator."""
    return membership is not None and (
        resource.recommended_by_id == membership.pk or has_capability(membership, MANAGE)
    )


def _ensure_may_edit(actor, community: Community, resource: Resource) -> None:
    membership = ensure_can(actor, "participate", community)
    if getattr(actor, "is_superuser", False):
        return
    if not may_edit(membership, resource):
        raise errors.NotYourResource()


@transaction.atomic
def resource_create(
    *,
    actor,
    community: Community,
    title: str,
    description: str,
    url: str,
    kind: str,
    level: str = "",
    cost: str = "free",
    tags=(),
) -> Resource:
    """Suggest a resource; its recommender is the member who adds it."""
    membership = ensure_may_post(actor=actor, community=community, text=description, field="description")
    resource = Resource(community=community, recommended_by=membership)
    _fill(
        resource,
        community,
        {"title": title, "description": description, "url": url, "kind": kind, "level": level,
         "cost": cost, "tags": list(tags or [])},
    )  # fmt: skip
    resource.save()
    record(community=community, actor=actor, verb="resource.added", target=resource)
    return resource


@transaction.atomic
def resource_update(*, actor, community: Community, resource: Resource, **fields) -> Resource:
    """Change some of a resource's fields (its recommender or a curator). A new link is checked afresh:
    the checker's record and a broken flag start over."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"resource_update() got unexpected fields {sorted(unknown)}")
    _ensure_may_edit(actor, community, resource)
    resource = _lock(community, resource)
    new_link = "url" in fields and (fields["url"] or "").strip() != resource.url
    _fill(resource, community, dict(fields))
    if new_link:
        resource.link_checked_at = resource.link_status = resource.link_broken_at = None
        resource.link_error, resource.link_failures = "", 0
    resource.save()
    record(community=community, actor=actor, verb="resource.updated", target=resource)
    return resource


@transaction.atomic
def resource_delete(*, actor, community: Community, resource: Resource) -> None:
    """Remove a resource, its ratings and its places in featured lists (its recommender or a curator)."""
    _ensure_may_edit(actor, community, resource)
    resource = _lock(community, resource)
    record(community=community, actor=actor, verb="resource.removed", target=resource)
    FeaturedItem.objects.for_community(community).filter(resource=resource).delete()
    ResourceRating.objects.for_community(community).filter(resource=resource).delete()
    resource.delete()


def _set_average(resource: Resource) -> None:
    if resource.rating_count == 0:
        resource.rating_average = Decimal("0")
        return
    average = Decimal(resource.rating_total) / Decimal(resource.rating_count)
    resource.rating_average = average.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@sequential_on_race  # a member's two first ratings at once: the rerun edits the one that won
@transaction.atomic
def rating_set(
    *, actor, community: Community, resource: Resource, score: int, review: str = ""
) -> ResourceRating:
    """Rate a resource 1-5 with an optional review, or change one's rating; never one's own resource."""
    membership = ensure_may_post(actor=actor, community=community, text=review, field="review")
    if resource.recommended_by_id == membership.pk:
        raise errors.OwnResourceRating()
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        raise errors.ResourceInvalid(fields={"score": [_("Give 1 to 5 stars.")]})
    resource = _lock(community, resource)
    rating = (
        ResourceRating.objects.for_community(community)
        .filter(resource=resource, membership=membership)
        .first()
    )
    if rating is None:
        rating = ResourceRating(community=community, resource=resource, membership=membership, score=0)
        resource.rating_count += 1
    resource.rating_total += score - rating.score
    rating.score, rating.review = score, (review or "").strip()
    try:
        rating.full_clean(exclude=["community", "resource", "membership"], validate_constraints=False,
                          validate_unique=False)  # fmt: skip
    except ValidationError as exc:
        raise errors.ResourceInvalid(fields=exc.message_dict) from exc
    rating.save()
    _set_average(resource)
    resource.save(update_fields=["rating_count", "rating_total", "rating_average", "updated_at"])
    record(community=community, actor=actor, verb="resource.rated", target=resource, data={"score": score})
    return rating


@transaction.atomic
def rating_delete(*, actor, community: Community, resource: Resource) -> bool:
    """Withdraw one's rating of a resource; False when there was none (withdrawing twice is harmless)."""
    membership = ensure_can(actor, "participate", community)
    resource = _lock(community, resource)
    rating = (
        ResourceRating.objects.for_community(community)
        .filter(resource=resource, membership=membership)
        .first()
    )
    if rating is None:
        return False
    resource.rating_count -= 1
    resource.rating_total -= rating.score
    rating.delete()
    _set_average(resource)
    resource.save(update_fields=["rating_count", "rating_total", "rating_average", "updated_at"])
    return True


def _set_items(community: Community, featured_list: FeaturedList, resource_ids) -> None:
    """Make the list hold exactly `resource_ids`, in that order (each a resource of this community)."""
    ids = list(dict.fromkeys(int(pk) for pk in resource_ids))
    if len(ids) > LIST_ITEMS_MAX:
        raise errors.FeaturedListFull()
    found = set(Resource.objects.for_community(community).filter(pk__in=ids).values_list("pk", flat=True))
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise errors.ResourceInvalid(
            fields={
                "resource_ids": [
                    _("No such resource in this library: %(ids)s.")
                    % {"ids": ", ".join(map(str, missing[:5]))}
                ]
            }
        )
    FeaturedItem.objects.for_community(community).filter(featured_list=featured_list).delete()
    FeaturedItem.objects.bulk_create(
        FeaturedItem(community=community, featured_list=featured_list, resource_id=pk, position=index)
        for index, pk in enumerate(ids)
    )


def _check_list(featured_list: FeaturedList) -> None:
    featured_list.name = (featured_list.name or "").strip()
    try:
        featured_list.full_clean(exclude=["community"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise errors.ResourceInvalid(fields=exc.message_dict) from exc


@transaction.atomic
def featured_list_create(
    *, actor, community: Community, name: str, position: int = 0, resource_ids=()
) -> FeaturedList:
    """A curator's new featured list, with its resources in order."""
    ensure_can(actor, MANAGE, community)
    featured_list = FeaturedList(community=community, name=name, position=position)
    _check_list(featured_list)
    featured_list.save()
    _set_items(community, featured_list, resource_ids)
    record(community=community, actor=actor, verb="resource_list.created", target=featured_list)
    return featured_list


@transaction.atomic
def featured_list_update(
    *, actor, community: Community, featured_list: FeaturedList, name=None, position=None, resource_ids=None
) -> FeaturedList:
    """Rename, move, or set the resources (in order) of a featured list; what is None stays."""
    ensure_can(actor, MANAGE, community)
    featured_list = FeaturedList.objects.for_community(community).select_for_update().get(pk=featured_list.pk)
    if name is not None:
        featured_list.name = name
    if position is not None:
        featured_list.position = position
    _check_list(featured_list)
    featured_list.save()
    if resource_ids is not None:
        _set_items(community, featured_list, resource_ids)
    record(community=community, actor=actor, verb="resource_list.updated", target=featured_list)
    return featured_list


@transaction.atomic
def featured_list_delete(*, actor, community: Community, featured_list: FeaturedList) -> None:
    ensure_can(actor, MANAGE, community)
    record(community=community, actor=actor, verb="resource_list.deleted", target=featured_list)
    FeaturedItem.objects.for_community(community).filter(featured_list=featured_list).delete()
    FeaturedList.objects.for_community(community).filter(pk=featured_list.pk).delete()
