"""Errors of posts, series and their tags (codes `<entity>_<problem>`)."""

from django.utils.translation import gettext_lazy as _

from communities.errors import Conflict, DomainError, NotFound


class PostNotFound(NotFound):
    code = "post_not_found"
    message = _("This post does not exist.")


class PostRevisionNotFound(NotFound):
    code = "post_revision_not_found"
    message = _("This revision does not exist.")


class PostTagNotFound(NotFound):
    code = "post_tag_not_found"
    message = _("This tag does not exist.")


class SeriesNotFound(NotFound):
    code = "series_not_found"
    message = _("This series does not exist.")


class PostNotEditable(DomainError):
    """A 400, not a 403: the caller may write posts (the route's capability), only not this one."""

    code = "post_not_editable"
    message = _("You may edit only your own posts.")


class PostAnnouncementForbidden(DomainError):
    code = "post_announcement_forbidden"
    message = _("Only operators publish announcements.")


class PostNotPublished(Conflict):
    code = "post_not_published"
    message = _("Only a published post can be pinned or featured.")


class PostAlreadyPublished(Conflict):
    code = "post_already_published"
    message = _("This post is already published.")


class PostNotPendingReview(Conflict):
    code = "post_not_pending_review"
    message = _("This post is not waiting for review.")


class PostRejected(Conflict):
    code = "post_rejected"
    message = _("A rejected post cannot be published again.")


class PostTagLimit(Conflict):
    code = "post_tag_limit"
    message = _("The community already has the most tags it may have; delete one first.")


class PostTagExists(Conflict):
    code = "post_tag_exists"
    message = _("The community already has this tag.")


class SeriesOrderInvalid(DomainError):
    code = "series_order_invalid"
    message = _("List every post of the series exactly once.")
