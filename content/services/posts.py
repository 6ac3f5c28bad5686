"""Writes of posts: writing, editing (a revision per edit), publishing now or later, the review of
members' posts, pinning and featuring, tags, the community's post settings and editor images.

Who may do what:
- any member who may post (members.services.publishing.ensure_may_post: active, not muted, within the
  links and images of their trust level) writes posts and edits their own;
- announcements, series placement, pins, features, tags, settings and reviews need `manage_content`;
- where the community reviews members' posts (PostSettings.member_posts_need_review), publishing by a
  member without `publish_posts` (operators and experts hold it) sends the post to the review queue.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.errors import DomainError
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability
from content.errors import posts as errors
from content.images import post_image_file
from content.models import (
    Post,
    PostImage,
    PostKind,
    PostRevision,
    PostSettings,
    PostStatus,
    PostTag,
    PostTagging,
    Series,
)
from content.models.posts import (
    BODY_MAX,
    REVIEW_NOTE_MAX,
    TAG_MAX,
    TAGS_PER_COMMUNITY,
    TAGS_PER_POST,
    TITLE_MAX,
)
from content.selectors.posts import skill_level_choices
from content.services.search import search_index, search_unindex
from members.services.publishing import ensure_may_post

EDITABLE_STATUSES = (PostStatus.DRAFT, PostStatus.PENDING, PostStatus.SCHEDULED, PostStatus.PUBLISHED)


def _invalid(**fields) -> DomainError:
    return DomainError(code="invalid", fields={name: [str(message)] for name, message in fields.items()})


def _locked(community: Community, post: Post) -> Post:
    return Post.objects.select_for_update().for_community(community).get(pk=post.pk)


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
        raise _invalid(**problems)
    return {"title": title, "body": body, "kind": kind, "skill_level": skill_level}


def _tags_of(community: Community, tags: Iterable) -> list[PostTag]:
    """The community's tags named by `tags` (tags or ids); another community's or unknown ones refused."""
    ids = {tag.pk if isinstance(tag, PostTag) else tag for tag in tags}
    if len(ids) > TAGS_PER_POST:
        raise _invalid(tags=_("Choose at most %(n)s tags.") % {"n": TAGS_PER_POST})
    found = list(PostTag.objects.for_community(community).filter(pk__in=ids))
    if len(found) != len(ids):
        raise _invalid(tags=_("Choose tags of this community."))
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
        raise _invalid(series=_("Only operators place posts in a series."))
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
    post = _locked(community, post)
    actor_membership = _ensure_may_edit(actor, community, post)
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


def _ensure_may_edit(actor, community: Community, post: Post):
    """The actor's membership when they wrote `post` or hold manage_content; PostNotEditable otherwise."""
    membership = ensure_can(actor, "view", community)
    if membership is not None and post.author_id == membership.pk:
        return membership
    if has_capability(membership, "manage_content") or getattr(actor, "is_superuser", False):
        return membership
    raise errors.PostNotEditable()


def needs_review(community: Community, membership) -> bool:
    """Does publishing by `membership` go through the review queue in `community`?"""
    settings = PostSettings.objects.for_community(community).first()
    return bool(settings and settings.member_posts_need_review) and not has_capability(
        membership, "publish_posts"
    )


@transaction.atomic
def post_publish(*, actor, community: Community, post: Post, publish_at: datetime | None = None) -> Post:
    """Publish now, or at `publish_at` (status scheduled); a member whose posts need review submits it
    instead (status pending, with the time kept for when it is approved)."""
    post = _locked(community, post)
    membership = _ensure_may_edit(actor, community, post)
    if post.status == PostStatus.PUBLISHED:
        raise errors.PostAlreadyPublished()
    if post.status == PostStatus.REJECTED:
        raise errors.PostRejected()
    if publish_at is not None and publish_at <= timezone.now():
        publish_at = None
    ensure_may_post(actor=post.author.user, community=community, text=post.body, field="body")
    post.publish_at = publish_at
    if post.author_id == getattr(membership, "pk", None) and needs_review(community, membership):
        post.status, post.review_note = PostStatus.PENDING, ""
        post.save(update_fields=["status", "publish_at", "review_note", "updated_at"])
        record(community=community, actor=actor, verb="post.submitted", target=post)
        return post
    return _release(community, post, actor=actor)


def _release(community: Community, post: Post, *, actor) -> Post:
    """Publish the (locked) post now, or schedule it for its publish_at."""
    if post.publish_at is not None and post.publish_at > timezone.now():
        post.status = PostStatus.SCHEDULED
        post.save(update_fields=["status", "publish_at", "review_note", "updated_at"])
        record(community=community, actor=actor, verb="post.scheduled", target=post)
        return post
    post.status, post.published_at, post.publish_at = PostStatus.PUBLISHED, timezone.now(), None
    post.save(update_fields=["status", "published_at", "publish_at", "review_note", "updated_at"])
    record(community=community, actor=post.author.user, verb="post.published", target=post)
    search_index(post)
    return post


def publish_due_posts(*, now: datetime | None = None) -> int:
    """Publish every scheduled post whose time has come (the beat task). Idempotent: each post is locked
    and published only while it is still scheduled, so overlapping runs publish it once."""
    now = now or timezone.now()
    due = Post.objects.filter(status=PostStatus.SCHEDULED, publish_at__lte=now).values_list(
        "community_id", "pk"
    )
    published = 0
    for community_id, post_id in list(due[:1000]):
        with transaction.atomic():
            post = (
                Post.objects.select_for_update()
                .filter(community_id=community_id, pk=post_id, status=PostStatus.SCHEDULED)
                .select_related("community", "author__user")
                .first()
            )
            if post is None:
                continue
            post.status, post.published_at, post.publish_at = PostStatus.PUBLISHED, now, None
            post.save(update_fields=["status", "published_at", "publish_at", "updated_at"])
            record(community=post.community, actor=post.author.user, verb="post.published", target=post)
            search_index(post)
            published += 1
    return published


class ReviewDecision:
    APPROVE = "approve"
    SEND_BACK = "send_back"
    REJECT = "reject"
    CHOICES = (
        (APPROVE, _("Approve and publish")),
        (SEND_BACK, _("Send back to the author with a comment")),
        (REJECT, _("Reject")),
    )
    VALUES = (APPROVE, SEND_BACK, REJECT)


REVIEW_DECISIONS = ReviewDecision.CHOICES  # named in the API schema's enum overrides


@transaction.atomic
def post_review(*, actor, community: Community, post: Post, decision: str, comment: str = "") -> Post:
    """Decide on a post in the review queue; the author hears of it in their own language."""
    ensure_can(actor, "manage_content", community)
    post = _locked(community, post)
    if decision not in ReviewDecision.VALUES:
        raise _invalid(decision=_("Choose approve, send back or reject."))
    comment = (comment or "").strip()
    if len(comment) > REVIEW_NOTE_MAX:
        raise _invalid(comment=_("Keep the comment under %(n)s characters.") % {"n": REVIEW_NOTE_MAX})
    if decision == ReviewDecision.SEND_BACK and not comment:
        raise _invalid(comment=_("Tell the author what to change."))
    if post.status != PostStatus.PENDING:
        raise errors.PostNotPendingReview()
    post.review_note, post.reviewed_by = comment, actor
    post.save(update_fields=["review_note", "reviewed_by", "updated_at"])
    if decision == ReviewDecision.APPROVE:
        _release(community, post, actor=actor)
        kind = "post.approved"
    else:
        post.status = PostStatus.DRAFT if decision == ReviewDecision.SEND_BACK else PostStatus.REJECTED
        post.save(update_fields=["status", "updated_at"])
        kind = "post.returned" if decision == ReviewDecision.SEND_BACK else "post.rejected"
    record(community=community, actor=actor, verb=kind, target=post)
    notify(
        community=community,
        recipient=post.author.user,
        kind=kind,
        params={"title": post.title},
        note=comment,
        url=f"/c/{community.slug}/posts/{post.pk}/",
    )
    return post


def _ensure_published(post: Post) -> None:
    if not post.is_published:
        raise errors.PostNotPublished()


@transaction.atomic
def post_pin(*, actor, community: Community, post: Post, pinned: bool = True) -> Post:
    """Pin a published post at the top of the list (or unpin it)."""
    ensure_can(actor, "manage_content", community)
    post = _locked(community, post)
    _ensure_published(post)
    if pinned != (post.pinned_at is not None):
        post.pinned_at = timezone.now() if pinned else None
        post.save(update_fields=["pinned_at", "updated_at"])
        record(
            community=community, actor=actor, verb="post.pinned" if pinned else "post.unpinned", target=post
        )
    return post


@transaction.atomic
def post_feature(*, actor, community: Community, post: Post, featured: bool = True) -> Post:
    """Mark a published post as featured (精华), or take the mark away; the author is told of it."""
    ensure_can(actor, "manage_content", community)
    post = _locked(community, post)
    _ensure_published(post)
    if featured != (post.featured_at is not None):
        post.featured_at = timezone.now() if featured else None
        post.save(update_fields=["featured_at", "updated_at"])
        record(
            community=community,
            actor=actor,
            verb="post.featured" if featured else "post.unfeatured",
            target=post,
        )
        if featured and post.author.user_id != actor.pk:
            notify(
                community=community,
                recipient=post.author.user,
                kind="post.featured",
                params={"title": post.title},
                url=f"/c/{community.slug}/posts/{post.pk}/",
            )
    return post


def post_remove_for_moderation(post: Post, actor) -> None:
    """The reportable's `remove`: the post leaves every list and page (members.reportables)."""
    Post.objects.for_community(post.community_id).filter(pk=post.pk).update(
        removed_at=timezone.now(), pinned_at=None, updated_at=timezone.now()
    )
    search_unindex(post)


@transaction.atomic
def post_image_upload(*, actor, community: Community, file) -> PostImage:
    """Store an image for a post's text: checked, resized, re-encoded, under the community's media."""
    ensure_may_post(actor=actor, community=community, field="image")
    try:
        image_file = post_image_file(file)
    except ValidationError as exc:
        raise _invalid(image=exc.messages[0]) from exc
    image = PostImage(community=community, uploaded_by=actor)
    image.image.save(image_file.name, image_file, save=False)
    image.save()
    record(community=community, actor=actor, verb="post_image.uploaded", target=image)
    return image


# --- Tags and settings ------------------------------------------------------------------------------------


@transaction.atomic
def post_tag_create(*, actor, community: Community, name: str) -> PostTag:
    ensure_can(actor, "manage_content", community)
    name = " ".join((name or "").split())
    if not name or len(name) > TAG_MAX:
        raise _invalid(name=_("Name the tag (at most %(n)s characters).") % {"n": TAG_MAX})
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
