"""Writes of posts, one module per sub-domain: `writing` (drafts, edits with their revisions, editor
images), `publishing` (now or later, the beat task, pins, features, removal), `review` (the queue's
decisions) and `tags` (the community's tags and post settings). The public names are re-exported here.

Who may do what:
- any member who may post (members.services.publishing.ensure_may_post: active, not muted, within the
  links and images of their trust level) writes posts and edits their own;
- announcements, series placement, pins, features, tags, settings and reviews need `manage_content`;
- where the community reviews members' posts (PostSettings.member_posts_need_review), publishing by a
  member without `publish_posts` (operators and experts hold it) sends the post to the review queue.
"""

from content.services.posts.common import EDITABLE_STATUSES
from content.services.posts.publishing import (
    needs_review,
    post_feature,
    post_pin,
    post_publish,
    post_remove_for_moderation,
    publish_due_posts,
)
from content.services.posts.review import REVIEW_DECISIONS, ReviewDecision, post_review
from content.services.posts.tags import post_settings_update, post_tag_create, post_tag_delete
from content.services.posts.writing import UNCHANGED, post_create, post_image_upload, post_update

__all__ = [
    "EDITABLE_STATUSES",
    "REVIEW_DECISIONS",
    "UNCHANGED",
    "ReviewDecision",
    "needs_review",
    "post_create",
    "post_feature",
    "post_image_upload",
    "post_pin",
    "post_publish",
    "post_remove_for_moderation",
    "post_review",
    "post_settings_update",
    "post_tag_create",
    "post_tag_delete",
    "post_update",
    "publish_due_posts",
]
