"""Writing posts: a draft, edits (a revision per edit that changes the title or the text), tags on a
post, and the editor's image uploads."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, has_capability
from content.errors import posts as errors
from content.images import post_image_file
from content.models import Post, PostImage, PostKind, PostRevision, PostTag, PostTagging, Series
from content.models.posts import BODY_MAX, TAGS_PER_POST, TITLE_MAX
from content.selectors.posts import skill_level_choices
from content.services.posts.common import EDITABLE_STATUSES, ensure_may_edit, invalid, locked
from content.services.search import search_index
from members.services.publishing import ensure_may_post


def _clean_content(community: Community, *, title: str, body: str, kind: str, skill_level: str) -> dict:
    title, body = (title or "").strip(), body or ""
    problems = {}
    if not title or len(title) > TITLE_MAX:
        problems["title"] = _("Give the post a title (at most %(n)s characters).") % {"n": TITLE_MAX}
    if not body.strip() or len(body) > BODY_MAX:
        problems["body"] = _("Write the post (at most %(n)s characters).") % {"n": BODY_MAX}
    if kind not in PostKind.values:
        problems["kind"] = _("Choose one of the kinds of post.")
    if skill_level and skill_level not in skill_level_choices(community=community):
        problems["skill_level"] = _("Choose one of the community's skill levels.")
    if problems:
        raise invalid(**problems)
    return {"title": title, "body": body, "kind": kind, "skill_level": skill_level}


def _tags_of(community: Community, tags: Iterable) -> list[PostTag]:
    """The community's tags named by `tags` (tags or ids); another community's or unknown ones refused."""
    ids = {tag.pk if isinstance(tag, PostTag) else tag for tag in tags}
    if len(ids) > TAGS_PER_POST:
        raise invalid(tags=_("Choose at most %(n)s tags.") % {"n": TAGS_PER_POST})
    found = list(PostTag.objects.for_community(community).filter(pk__in=ids))
    if len(found) != len(ids):
        raise invalid(tags=_("Choose tags of this community."))
    return found


def _ensure_may_write(actor, community: Community, *, kind: str, body: str, series) -> object:
    """The author's membership after the publishing checks; announcements and series need operators."""
    membership = ensure_may_post(actor=actor, community=community, text=body, field="body")
    operator = has_capability(membership, "manage_content")
    if kind == PostKind.ANNOUNCEMENT and not operator:
        raise errors.PostAnnouncementForbidden(
            fields={"kind": [str(errors.PostAnnouncementForbidden.message)]}
        )
    if series is not None and not operator:
        raise invalid(series=_("Only operators place posts in a series."))
    return membership


def _set_tags(community: Community, post: Post, tags: list[PostTag]) -> None:
    PostTagging.objects.for_community(community).filter(post=post).exclude(tag__in=tags).delete()
    have = set(
        PostTagging.objects.for_community(community).filter(post=post).values_list("tag_id", flat=True)
    )
    PostTagging.objects.bulk_create(
        [PostTagging(community=community, post=post, tag=tag) for tag in tags if tag.pk not in have]
    )


def _next_series_position(community: Community, series: Series) -> int:
    last = (
        Post.objects.for_community(community).filter(series=series).aggregate(n=Max("series_position"))["n"]
    )
    return (last or 0) + 1


def _revise(community: Community, post: Post, editor) -> PostRevision:
    post.revision_count += 1
    post.save(update_fields=["revision_count", "updated_at"])
    return PostRevision.objects.create(
        community=community,
        post=post,
        number=post.revision_count,
        editor=editor,
        title=post.title,
        body=post.body,
    )


@transaction.atomic
def post_create(
    *,
    actor,
    community: Community,
    title: str,
    body: str,
    kind: str = PostKind.TUTORIAL,
    skill_level: str = "",
    tags: Iterable = (),
    series: Series | None = None,
) -> Post:
    """A draft by `actor` (publish it with `post_publish`); its first revision is kept."""
    content = _clean_content(community, title=title, body=body, kind=kind, skill_level=skill_level)
    membership = _ensure_may_write(actor, community, kind=kind, body=content["body"], series=series)
    chosen = _tags_of(community, tags)
    post = Post.objects.create(community=community, author=membership, **content)
    if series is not None:
        post.series, post.series_position = series, _next_series_position(community, series)
        post.save(update_fields=["series", "series_position", "updated_at"])
    _set_tags(community, post, chosen)
    _revise(community, post, actor)
    record(community=community, actor=actor, verb="post.created", target=post)
    return post


UNCHANGED = object()


@transaction.atomic
def post_update(
    *,
    actor,
    community: Community,
    post: Post,
    title=UNCHANGED,
    body=UNCHANGED,
    kind=UNCHANGED,
    skill_level=UNCHANGED,
    tags=UNCHANGED,
    series=UNCHANGED,
) -> Post:
    """Edit a post (the author, or an operator); a changed title or text keeps a new revision."""
    post = locked(community, post)
    actor_membership = ensure_may_edit(actor, community, post)
    if post.status not in EDITABLE_STATUSES:
        raise errors.PostRejected()
    content = _clean_content(
        community,
        title=post.title if title is UNCHANGED else title,
        body=post.body if body is UNCHANGED else body,
        kind=post.kind if kind is UNCHANGED else kind,
        skill_level=post.skill_level if skill_level is UNCHANGED else skill_level,
    )
    new_series = post.series if series is UNCHANGED else series
    if actor_membership is not None and post.author_id == actor_membership.pk:
        _ensure_may_write(
            actor,
            community,
            kind=content["kind"],
            body=content["body"],
            series=new_series if new_series != post.series else None,
        )
    elif content["kind"] == PostKind.ANNOUNCEMENT or new_series != post.series:
        ensure_can(actor, "manage_content", community)
    revised = (content["title"], content["body"]) != (post.title, post.body)
    for name, value in content.items():
        setattr(post, name, value)
    if new_series != post.series:
        post.series = new_series
        post.series_position = _next_series_position(community, new_series) if new_series else None
    post.save()
    if tags is not UNCHANGED:
        _set_tags(community, post, _tags_of(community, tags))
    if revised:
        _revise(community, post, actor)
    record(community=community, actor=actor, verb="post.edited", target=post)
    search_index(post)
    return post


@transaction.atomic
def post_image_upload(*, actor, community: Community, file) -> PostImage:
    """Store an image for a post's text: checked, resized, re-encoded, under the community's media."""
    ensure_may_post(actor=actor, community=community, field="image")
    try:
        image_file = post_image_file(file)
    except ValidationError as exc:
        raise invalid(image=exc.messages[0]) from exc
    image = PostImage(community=community, uploaded_by=actor)
    image.image.save(image_file.name, image_file, save=False)
    image.save()
    record(community=community, actor=actor, verb="post_image.uploaded", target=image)
    return image
