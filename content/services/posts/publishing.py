"""Publishing posts: now, at a time (the beat task publishes them), or through the review queue; pins,
features (精华) and removal by moderators."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability
from content.errors import posts as errors
from content.models import Post, PostSettings, PostStatus
from content.services.posts.common import ensure_may_edit, locked
from content.services.search import search_index, search_unindex
from members.services.publishing import ensure_may_post


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
    post = locked(community, post)
    membership = ensure_may_edit(actor, community, post)
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
    return release(community, post, actor=actor)


def release(community: Community, post: Post, *, actor) -> Post:
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


def _ensure_published(post: Post) -> None:
    if not post.is_published:
        raise errors.PostNotPublished()


@transaction.atomic
def post_pin(*, actor, community: Community, post: Post, pinned: bool = True) -> Post:
    """Pin a published post at the top of the list (or unpin it)."""
    ensure_can(actor, "manage_content", community)
    post = locked(community, post)
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
    post = locked(community, post)
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
