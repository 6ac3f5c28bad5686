"""The capability table: which roles may do what inside a community.

Every check in the project (DRF permission classes, view mixins, templates and services) asks this one
table through `has_capability` / `ensure_can`. Only an *active* membership carries capabilities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communities.errors import CommunityArchived, Forbidden, RulesAcceptanceRequired
from communities.roles import MembershipStatus, Role

if TYPE_CHECKING:
    from communities.models import Community

EVERY_ROLE = frozenset(Role.values)
OPERATORS = frozenset({Role.OWNER, Role.ADMIN})
STAFF = OPERATORS | {Role.MODERATOR}

CAPABILITIES: dict[str, frozenset[str]] = {
    # Reading the private parts of a community (members, rules acceptance records, internal content).
    "view": EVERY_ROLE,
    "participate": EVERY_ROLE,
    # Accepting a new rules version: not participation, which waits for it (see PARTICIPATION).
    "accept_rules": EVERY_ROLE,
    "view_members": EVERY_ROLE,
    # Setup and rules.
    "manage_community": OPERATORS,
    "manage_rules": OPERATORS,
    "archive_community": frozenset({Role.OWNER}),
    "delete_community": frozenset({Role.OWNER}),
    "transfer_ownership": frozenset({Role.OWNER}),
    # People.
    "vet_applications": OPERATORS,
    "manage_invitations": OPERATORS,
    "manage_roles": OPERATORS,
    "remove_members": OPERATORS,
    "moderate": STAFF,
    # Reporting a member or content for a broken rule.
    "report": EVERY_ROLE,
    "view_audit_log": OPERATORS,
    # The Manage area: the operators' tools with their counts. Each tool still asks its own capability;
    # this one only says who sees the area (anyone who holds one of the tools).
    "view_manage_area": STAFF,
    "manage_relationships": OPERATORS,
    # Operators' private notes and tags on members, the tag filter and the directory's CSV export.
    "manage_member_notes": OPERATORS,
    # Content, events, learning, analytics, partnerships.
    # Expert sessions: operators schedule them and invite the expert; the session's expert (who must hold
    # host_expert_session: an expert, a guest expert, or an operator hosting it) answers its questions.
    "host_expert_session": frozenset({Role.EXPERT, Role.ADMIN, Role.OWNER}),
    "schedule_expert_session": OPERATORS,
    # Q&A: marking any question's accepted answer (the asker may always mark their own question's), and
    # the "expert's answer" mark an answer carries when its author holds answer_as_expert.
    "accept_answers": OPERATORS | {Role.EXPERT},
    "answer_as_expert": frozenset({Role.EXPERT}),
    "manage_content": STAFF,
    # Spaces and discussions: creating and editing spaces, adding members to a space, the prompt of the
    # week (content.services.discussions). Locking, moving, splitting and slow mode are `moderate`.
    "manage_spaces": OPERATORS,
    # Critique exchange: giving structured critiques of members' works (content.services.critiques), and
    # running it (the rubric, the credit prices, granting credits, reading any member's ledger).
    "critique": EVERY_ROLE,
    "manage_critiques": OPERATORS,
    # Private conversations (content.services.conversations): starting one whatever the community's
    # minimum trust level, and with members who take messages only from operators and people they talk
    # with. A member who takes messages from nobody is not reached this way either.
    "message_without_limits": STAFF,
    # Publishing a post without review where the community reviews members' posts (content.services.posts).
    "publish_posts": STAFF | {Role.EXPERT},
    # Events (events.services): creating, editing and cancelling events, series and registration
    # questions, and managing any event's registrations (approving, declining, the waitlist, the export).
    # An event's hosts do the same for their own events (checked by the service, not a role).
    "manage_events": OPERATORS,
    # Checking members in at an event (its hosts may too, checked by the service).
    "check_in": STAFF,
    # Learning (learning.services.paths): building paths, reviewing any path's submissions, following
    # every member's progress. A path's mentors do the same for their path (checked by the service).
    "manage_learning": OPERATORS | {Role.EXPERT},
    # Appointing members as mentors of a learning path (they then edit it and review its work).
    "appoint_mentors": OPERATORS,
    "view_analytics": OPERATORS,
    "manage_partnerships": OPERATORS,
    # Trust-gated: held by every role, but by a plain member only from the level in TRUST_CAPABILITIES.
    "post_unlimited": EVERY_ROLE,
}

# What an archived community (read-only) still grants through `ensure_can`: reading, and bringing it back
# (`archive_community` covers unarchiving). Every other capability is a write and answers
# `community_archived` (409) until the owner unarchives it.
ARCHIVED_CAPABILITIES = frozenset(
    {"view", "view_members", "view_audit_log", "view_analytics", "view_manage_area", "archive_community"}
)

# Taking part: refused to a member who has not accepted the community's current rules version (they are
# asked on their next visit; see `rules_pending`). Running the community (moderating, vetting, settings)
# and leaving are not participation.
PARTICIPATION = frozenset({"participate", "report", "critique"})

# Minimum trust level (members.Membership.trust_level, 0-3) for a capability of the table above. Staff
# roles (owner, admin, moderator) are appointed, not earned, and hold these regardless of level.
TRUST_CAPABILITIES: dict[str, int] = {
    # Below it, links and images per post are capped by MemberPolicy.new_member_limits.
    "post_unlimited": 3,
}


def has_capability(membership, capability: str) -> bool:
    """True when `membership` is active and its role is granted `capability`."""
    if capability not in CAPABILITIES:
        raise KeyError(f"Unknown capability {capability!r}")
    return (
        membership is not None
        and membership.status == MembershipStatus.ACTIVE
        and membership.role in CAPABILITIES[capability]
    )


def has_trusted_capability(membership, capability: str) -> bool:
    """`has_capability`, and for the trust-gated capabilities also the member's trust level."""
    if not has_capability(membership, capability):
        return False
    return membership.role in STAFF or membership.trust_level >= TRUST_CAPABILITIES.get(capability, 0)


def roles_with(capability: str) -> frozenset[str]:
    """The roles the table grants `capability` (for queries: "who should hear of this?")."""
    if capability not in CAPABILITIES:
        raise KeyError(f"Unknown capability {capability!r}")
    return CAPABILITIES[capability]


def membership_of(user, community: Community):
    """The user's membership row in `community` (any status), or None."""
    if user is None or not user.is_authenticated:
        return None
    return community.memberships.filter(user=user).first()


def rules_pending(membership, community: Community) -> int | None:
    """The rules version an active member has yet to accept (a newer one was published), else None.

    No query: both numbers are columns (`Community.rules_version`, `Membership.rules_accepted`).
    """
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        return None
    current = community.rules_version
    return current if current > membership.rules_accepted else None


def ensure_writable(community: Community, capability: str | None = None) -> None:
    """Raise CommunityArchived when `community` is archived, unless `capability` is one it still grants.

    Services that let in people without a capability (joining, applying, accepting an invitation,
    leaving) call it directly; every other write passes it through `ensure_can`.
    """
    if community.is_archived and capability not in ARCHIVED_CAPABILITIES:
        raise CommunityArchived()


def ensure_can(actor, capability: str, community: Community, *, membership=None):
    """Raise Forbidden unless `actor` holds `capability` in `community`; return the membership.

    The chokepoint every service write passes: it also refuses every write to an archived community
    (`ensure_writable`: CommunityArchived, 409), for members and superusers alike, once the caller is
    known to hold the capability (so a refusal of permission is never turned into a 409).

    Platform superusers pass every capability check: they act through Django admin (vetting, archiving)
    on communities they do not belong to. Requests in the site and API still resolve visibility by
    membership, so a superuser browsing a private community they are not in gets a 404 there.
    """
    if capability not in CAPABILITIES:
        raise KeyError(f"Unknown capability {capability!r}")
    membership = membership if membership is not None else membership_of(actor, community)
    if not getattr(actor, "is_superuser", False) and not has_capability(membership, capability):
        raise Forbidden()
    ensure_writable(community, capability)
    if capability in PARTICIPATION and rules_pending(membership, community) is not None:
        raise RulesAcceptanceRequired()
    return membership
