"""May this member post? The one check every service that publishes something calls first.

"Publishing" is putting text in front of other members: an introduction, a profile, and (in the content
apps) posts, replies, questions and answers. `ensure_may_post` answers, in this order:

- the caller holds `participate` (an active member: not pending, banned or departed), in a community
  that is not archived (`communities.permissions.ensure_can`);
- the member is not muted (`member_muted`);
- the text stays within the links and images the member's trust level allows (`post_limit_exceeded`).
"""

from django.utils import timezone

from communities.models import Community
from communities.permissions import ensure_can
from members import errors
from members.models import Membership
from members.services.trust import ensure_within_post_limits


def is_muted(membership: Membership) -> bool:
    return membership.muted_until is not None and membership.muted_until > timezone.now()


def ensure_not_muted(membership: Membership | None) -> None:
    """A muted member cannot post until muted_until."""
    if membership is not None and is_muted(membership):
        raise errors.MemberMuted()


def ensure_may_post(*, actor, community: Community, text: str = "", field: str = "body") -> Membership:
    """Raise the domain error that stops `actor` publishing `text` in `community`; return their membership.

    `field` names the input that holds `text`, so that a post-limit refusal lands on it.
    """
    membership = ensure_can(actor, "participate", community)
    if membership is None:  # a platform superuser passes ensure_can without belonging
        raise errors.NotAMember()
    ensure_not_muted(membership)
    ensure_within_post_limits(membership, text, field=field)
    return membership
