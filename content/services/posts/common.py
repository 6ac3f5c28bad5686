"""What the post services share: the statuses a post may still be edited in, the "invalid" error with
field messages, the row lock, and who may edit a post."""

from communities.errors import DomainError
from communities.models import Community
from communities.permissions import ensure_can, has_capability
from content.errors import posts as errors
from content.models import Post, PostStatus

EDITABLE_STATUSES = (PostStatus.DRAFT, PostStatus.PENDING, PostStatus.SCHEDULED, PostStatus.PUBLISHED)


def invalid(**fields) -> DomainError:
    return DomainError(code="invalid", fields={name: [str(message)] for name, message in fields.items()})


def locked(community: Community, post: Post) -> Post:
    return Post.objects.select_for_update().for_community(community).get(pk=post.pk)


def ensure_may_edit(actor, community: Community, post: Post):
    """The actor's membership when they wrote `post` or hold manage_content; PostNotEditable otherwise."""
    membership = ensure_can(actor, "view", community)
    if membership is not None and post.author_id == membership.pk:
        return membership
    if has_capability(membership, "manage_content") or getattr(actor, "is_superuser", False):
        return membership
    raise errors.PostNotEditable()
