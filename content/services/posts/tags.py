"""The community's post tags (a capped set operators define) and its post settings."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can
from content.errors import posts as errors
from content.models import PostSettings, PostTag, PostTagging
from content.models.posts import TAG_MAX, TAGS_PER_COMMUNITY
from content.services.posts.common import invalid


@transaction.atomic
def post_tag_create(*, actor, community: Community, name: str) -> PostTag:
    ensure_can(actor, "manage_content", community)
    name = " ".join((name or "").split())
    if not name or len(name) > TAG_MAX:
        raise invalid(name=_("Name the tag (at most %(n)s characters).") % {"n": TAG_MAX})
    tags = PostTag.objects.select_for_update().for_community(community)
    existing = list(tags.values_list("name", flat=True))
    if name.casefold() in {other.casefold() for other in existing}:
        raise errors.PostTagExists(fields={"name": [str(errors.PostTagExists.message)]})
    if len(existing) >= TAGS_PER_COMMUNITY:
        raise errors.PostTagLimit(fields={"name": [str(errors.PostTagLimit.message)]})
    tag = PostTag.objects.create(community=community, name=name)
    record(community=community, actor=actor, verb="post_tag.created", target=tag)
    return tag


@transaction.atomic
def post_tag_delete(*, actor, community: Community, tag: PostTag) -> None:
    ensure_can(actor, "manage_content", community)
    PostTagging.objects.for_community(community).filter(tag=tag).delete()
    PostTag.objects.for_community(community).filter(pk=tag.pk).delete()
    record(community=community, actor=actor, verb="post_tag.deleted")


@transaction.atomic
def post_settings_update(*, actor, community: Community, member_posts_need_review: bool) -> PostSettings:
    ensure_can(actor, "manage_content", community)
    settings, _created = PostSettings.objects.get_or_create(community=community)
    settings.member_posts_need_review = bool(member_posts_need_review)
    settings.save(update_fields=["member_posts_need_review", "updated_at"])
    record(community=community, actor=actor, verb="post_settings.changed")
    return settings
