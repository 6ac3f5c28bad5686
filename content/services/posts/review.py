"""The review of members' posts: approve (publish), send back with a comment, or reject."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from content.errors import posts as errors
from content.models import Post, PostStatus
from content.models.posts import REVIEW_NOTE_MAX
from content.services.posts.common import invalid, locked
from content.services.posts.publishing import release


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
    post = locked(community, post)
    if decision not in ReviewDecision.VALUES:
        raise invalid(decision=_("Choose approve, send back or reject."))
    comment = (comment or "").strip()
    if len(comment) > REVIEW_NOTE_MAX:
        raise invalid(comment=_("Keep the comment under %(n)s characters.") % {"n": REVIEW_NOTE_MAX})
    if decision == ReviewDecision.SEND_BACK and not comment:
        raise invalid(comment=_("Tell the author what to change."))
    if post.status != PostStatus.PENDING:
        raise errors.PostNotPendingReview()
    post.review_note, post.reviewed_by = comment, actor
    post.save(update_fields=["review_note", "reviewed_by", "updated_at"])
    if decision == ReviewDecision.APPROVE:
        release(community, post, actor=actor)
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
