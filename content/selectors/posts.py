"""Reads of posts: the published list with its filters (and the feed's order), one post as its reader may
see it, an author's own posts, the review queue, revisions, tags and the community's post settings.

Visible to everyone who may see the community: published posts that are neither removed nor held by
moderation (members.selectors.moderation.hidden_ids). Drafts, scheduled, pending and rejected posts are
seen by their author and by holders of `manage_content`; so are removed and held posts (by operators).
"""

from django.db.models import F, Prefetch, Q, QuerySet

from communities.models import Community
from communities.permissions import has_capability
from communities.roles import Role
from content.errors.posts import PostNotFound, PostRevisionNotFound, PostTagNotFound
from content.models import Post, PostRevision, PostSettings, PostStatus, PostTag, PostTagging
from members.selectors.moderation import hidden_ids
from members.selectors.policy import policy_for

# Authors whose posts the "operators' and experts' posts" filter keeps.
STAFF_AND_EXPERT_ROLES = (Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.EXPERT)
ORDERINGS = {
    "newest": ("-published_at", "-id"),
    "oldest": ("published_at", "id"),
    "title": ("title", "id"),
}


def post_settings_for(*, community: Community) -> PostSettings:
    """The stored settings, or the defaults unsaved (a read never writes)."""
    found = PostSettings.objects.for_community(community).first()
    return found if found is not None else PostSettings(community=community)


def skill_level_choices(*, community: Community) -> list[str]:
    """The community's skill levels (members.MemberPolicy.skill_levels), shared with member profiles."""
    return list(policy_for(community=community).skill_levels or [])


def post_tag_list(*, community: Community) -> QuerySet[PostTag]:
    return PostTag.objects.for_community(community).order_by("name")


def post_tag_get(*, community: Community, tag_id) -> PostTag:
    tag = post_tag_list(community=community).filter(pk=tag_id).first()
    if tag is None:
        raise PostTagNotFound()
    return tag


def with_relations(community: Community, queryset: QuerySet[Post]) -> QuerySet[Post]:
    """Author, series and tags in two queries whatever the number of posts."""
    taggings = PostTagging.objects.for_community(community).select_related("tag").order_by("tag__name")
    return queryset.select_related("author__user", "series").prefetch_related(
        Prefetch("taggings", queryset=taggings)
    )


def visible_posts(*, community: Community) -> QuerySet[Post]:
    """Published posts anyone who sees the community may read (no relations loaded)."""
    return (
        Post.objects.for_community(community)
        .filter(status=PostStatus.PUBLISHED, removed_at__isnull=True)
        .exclude(pk__in=hidden_ids(Post, community))
    )


def post_list(
    *,
    community: Community,
    kind: str = "",
    tag: PostTag | None = None,
    skill_level: str = "",
    author_id: int | None = None,
    staff_only: bool = False,
    featured: bool = False,
    ordering: str = "",
) -> QuerySet[Post]:
    """Published, visible posts; pinned first, then newest (or `ordering`, a key of ORDERINGS)."""
    posts = visible_posts(community=community)
    if kind:
        posts = posts.filter(kind=kind)
    if tag is not None:
        posts = posts.filter(taggings__tag=tag)
    if skill_level:
        posts = posts.filter(skill_level=skill_level)
    if author_id:
        posts = posts.filter(author_id=author_id)
    if staff_only:
        posts = posts.filter(author__role__in=STAFF_AND_EXPERT_ROLES)
    if featured:
        posts = posts.filter(featured_at__isnull=False)
    order = ORDERINGS.get(ordering) or (F("pinned_at").desc(nulls_last=True), *ORDERINGS["newest"])
    return with_relations(community, posts.order_by(*order))


def post_feed(*, community: Community) -> QuerySet[Post]:
    """What a community feed shows of posts: published and visible, newest first (pins ignored)."""
    return with_relations(community, visible_posts(community=community).order_by("-published_at", "-id"))


def may_see_unpublished(post: Post, membership) -> bool:
    """The author (any status of their membership) and the content operators see a post in any state."""
    if membership is None:
        return False
    return post.author_id == membership.pk or has_capability(membership, "manage_content")


def post_get(*, community: Community, post_id, membership=None) -> Post:
    """One post as `membership` (None: a visitor) may see it; PostNotFound for missing and hidden alike."""
    post = with_relations(community, Post.objects.for_community(community)).filter(pk=post_id).first()
    if post is None:
        raise PostNotFound()
    if may_see_unpublished(post, membership):
        return post
    if not post.is_published or visible_posts(community=community).filter(pk=post.pk).count() == 0:
        raise PostNotFound()
    return post


def post_mine(*, community: Community, membership) -> QuerySet[Post]:
    """The member's own posts in every state, last edited first."""
    posts = Post.objects.for_community(community).filter(author=membership).order_by("-updated_at", "-id")
    return with_relations(community, posts)


def post_review_queue(*, community: Community) -> QuerySet[Post]:
    """Posts waiting for review, the longest waiting first."""
    posts = (
        Post.objects.for_community(community).filter(status=PostStatus.PENDING).order_by("updated_at", "id")
    )
    return with_relations(community, posts)


def pending_post_count(*, community: Community) -> int:
    """The Manage area's count: index (community, status, ...)."""
    return Post.objects.for_community(community).filter(status=PostStatus.PENDING).count()


def post_revision_list(*, community: Community, post: Post) -> QuerySet[PostRevision]:
    return PostRevision.objects.for_community(community).filter(post=post).select_related("editor")


def post_revision_get(*, community: Community, post: Post, revision_id) -> PostRevision:
    revision = post_revision_list(community=community, post=post).filter(pk=revision_id).first()
    if revision is None:
        raise PostRevisionNotFound()
    return revision


def series_neighbours(*, community: Community, post: Post) -> tuple[Post | None, Post | None]:
    """The published posts before and after `post` in its series (None at either end, or no series)."""
    if post.series_id is None or post.series_position is None:
        return None, None
    in_series = visible_posts(community=community).filter(series_id=post.series_id).exclude(pk=post.pk)
    position = post.series_position
    previous = (
        in_series.filter(Q(series_position__lt=position))
        .order_by("-series_position", "-id")
        .only("id", "title", "series_position")
        .first()
    )
    following = (
        in_series.filter(Q(series_position__gt=position))
        .order_by("series_position", "id")
        .only("id", "title", "series_position")
        .first()
    )
    return previous, following
