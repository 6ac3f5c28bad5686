"""May this person join? One answer, read by the templates and by the join services alike.

`join_option` looks only at the community (archived, join policy) and the person's membership row (its
status); it does not query. The services turn an answer other than the way they offer into their domain
error (members.services.membership.ensure_join_option); the transition table (members.services.transitions)
then guards the status change itself.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from communities.roles import MembershipStatus

if TYPE_CHECKING:
    from communities.models import Community


class JoinOption(StrEnum):
    MEMBER = "member"  # already an active member
    BANNED = "banned"
    PENDING = "pending"  # an application waits for a decision
    ARCHIVED = "archived"  # read-only: takes no new members
    JOIN = "join"  # open: join at once, accepting the rules
    APPLY = "apply"  # the operators vet applications
    INVITATION = "invitation"  # only with an invitation code


_BY_STATUS = {
    MembershipStatus.ACTIVE: JoinOption.MEMBER,
    MembershipStatus.BANNED: JoinOption.BANNED,
    MembershipStatus.PENDING: JoinOption.PENDING,
}
_BY_POLICY = {"open": JoinOption.JOIN, "application": JoinOption.APPLY, "invitation": JoinOption.INVITATION}


def join_option(community: Community, membership) -> JoinOption:
    """What `membership`'s person (None: no row, or anonymous) may do to join `community`."""
    status = getattr(membership, "status", None)
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if community.is_archived:
        return JoinOption.ARCHIVED
    return _BY_POLICY[community.join_policy]
