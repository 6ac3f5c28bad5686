"""Writes on memberships: joining and leaving (recruitment and vetting build on these)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from analytics.services import record
from communities.errors import CommunityArchived
from communities.joining import JoinOption, join_option
from communities.models import Community, RulesVersion
from communities.permissions import ensure_can, ensure_writable
from communities.races import sequential_on_race
from communities.roles import MembershipStatus, Role
from members import errors
from members.models import Application, Invitation, JoinLink, JoinSource, Membership, RuleAcceptance
from members.services.directory import sort_name_for
from members.services.onboarding import welcome_member
from members.services.transitions import membership_transition


def _current_rules(community: Community) -> RulesVersion | None:
    return RulesVersion.objects.for_community(community).order_by("-number").first()


def rules_accept(*, membership: Membership, version: RulesVersion) -> RuleAcceptance:
    """Record that `membership` accepted `version` (kept for every version) and keep its newest number.

    Accepting the rules (while joining, applying or after a change) is reading them: it records
    "rules.viewed" too, which ticks the onboarding step "Read the rules".
    """
    acceptance, created = RuleAcceptance.objects.get_or_create(
        community=membership.community, membership=membership, rules_version=version
    )
    if created:
        record(community=membership.community, actor=membership.user, verb="rules.viewed", target=membership)
    if membership.rules_accepted < version.number:
        membership.rules_accepted = version.number
        membership.save(update_fields=["rules_accepted", "updated_at"])
    return acceptance


@transaction.atomic
def rules_version_accept(*, actor, community: Community, accepted_rules_version: int) -> Membership:
    """An active member accepts the community's current rules version (asked after the rules changed).

    The number must be the current one (`rules_not_accepted` otherwise: the rules changed again since the
    member read them). Accepting again is harmless. Records "rules.accepted".
    """
    ensure_can(actor, "accept_rules", community)
    membership = Membership.objects.select_for_update().for_community(community).filter(user=actor).first()
    if membership is None:
        raise errors.NotAMember()
    version = _current_rules(community)
    if version is None or accepted_rules_version != version.number:
        raise errors.RulesNotAccepted(
            fields={"accepted_rules_version": [str(errors.RulesNotAccepted.message)]}
        )
    rules_accept(membership=membership, version=version)
    record(community=community, actor=actor, verb="rules.accepted", target=version)
    return membership


# The columns an admission writes besides those membership_transition keeps.
ADMIT_FIELDS = ("role", "source", "source_tag", "referred_by", "join_link", "invitation")


@dataclass(frozen=True)
class Attribution:
    """How a member came in (recruitment): recorded on the membership when they join."""

    source: str = JoinSource.DIRECT
    source_tag: str = ""
    referred_by: Membership | None = None
    join_link: JoinLink | None = None
    invitation: Invitation | None = None


@transaction.atomic
def membership_join(
    *, actor, community: Community, accepted_rules_version: int | None, attribution: Attribution | None = None
) -> Membership:
    """Join an open community, accepting its current rules (required when it has any).

    Re-joining after leaving reactivates the same membership row, as a plain member.
    """
    return membership_admit(
        actor=actor,
        community=community,
        accepted_rules_version=accepted_rules_version,
        role=Role.MEMBER,
        attribution=attribution or Attribution(),
        via="join",
    )


# What each way in accepts of communities.joining.join_option, and the error when the community's policy
# offers another way.
WAYS_IN = {
    "join": (frozenset({JoinOption.JOIN}), errors.JoinNotOpen),
    "invitation": (
        frozenset({JoinOption.JOIN, JoinOption.APPLY, JoinOption.INVITATION, JoinOption.PENDING}),
        errors.JoinNotOpen,
    ),
    "apply": (frozenset({JoinOption.APPLY}), errors.ApplicationsNotAccepted),
}
_REFUSALS = {
    JoinOption.MEMBER: errors.AlreadyMember,
    JoinOption.BANNED: errors.Banned,
    JoinOption.PENDING: errors.ApplicationPending,
    JoinOption.ARCHIVED: CommunityArchived,
}


def attribute(membership: Membership, attribution: Attribution) -> None:
    """Record how the person came in on `membership` (saved by the caller, in its transaction) and keep
    the stored `JoinLink.members_count` of the link it leaves and the link it gains."""
    previous = membership.join_link_id
    membership.source = attribution.source
    membership.source_tag = attribution.source_tag
    membership.referred_by = attribution.referred_by
    membership.join_link = attribution.join_link
    membership.invitation = attribution.invitation
    if previous != membership.join_link_id:
        if previous is not None:
            JoinLink.objects.filter(pk=previous).update(members_count=F("members_count") - 1)
        if membership.join_link_id is not None:
            JoinLink.objects.filter(pk=membership.join_link_id).update(members_count=F("members_count") + 1)


def ensure_join_option(community: Community, membership: Membership | None, *, via: str) -> None:
    """Refuse a way in (`via`: join, invitation, apply) that communities.joining.join_option, the answer
    the pages show, does not offer this person."""
    offered, closed = WAYS_IN[via]
    option = join_option(community, membership)
    if option not in offered:
        raise _REFUSALS.get(option, closed)()


@sequential_on_race  # a concurrent first join inserts the row too: the rerun answers already_member
@transaction.atomic
def membership_admit(
    *,
    actor,
    community: Community,
    accepted_rules_version: int | None,
    role: str,
    attribution: Attribution,
    via: str,
) -> Membership:
    """Make `actor` an active member with `role` through `via` ("join" or "invitation"): the one join
    answer (ensure_join_option), the rules, then the transition table.
    """
    membership = Membership.objects.select_for_update().filter(community=community, user=actor).first()
    ensure_join_option(community, membership, via=via)
    version = _current_rules(community)
    if version is not None and accepted_rules_version != version.number:
        raise errors.RulesNotAccepted(
            fields={"accepted_rules_version": [str(errors.RulesNotAccepted.message)]}
        )
    if membership is None:
        membership = Membership(
            community=community, user=actor, sort_name=sort_name_for(user=actor, profile=None)
        )
    elif membership.status == MembershipStatus.PENDING:
        close_pending_applications(membership, status=Application.Status.WITHDRAWN)
    membership.role = role
    attribute(membership, attribution)
    membership_transition(membership=membership, to=MembershipStatus.ACTIVE, via=via, fields=ADMIT_FIELDS)
    if version is not None:
        rules_accept(membership=membership, version=version)
    record(community=community, actor=actor, verb="community.joined", target=membership)
    welcome_member(membership=membership)
    return membership


def close_pending_applications(membership: Membership, *, status: str, decided_by=None) -> None:
    """Take the applicant's pending applications out of the review queue: withdrawn when they were
    admitted another way (an invitation), rejected when they were banned."""
    Application.objects.filter(
        community=membership.community, membership=membership, status=Application.Status.PENDING
    ).update(status=status, decided_at=timezone.now(), decided_by=decided_by)


@transaction.atomic
def membership_leave(*, actor, community: Community) -> Membership:
    """Leave a community. The last active owner cannot leave; nobody leaves an archived (read-only) one."""
    ensure_writable(community)
    membership = Membership.objects.select_for_update().filter(community=community, user=actor).first()
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise errors.NotAMember()
    if membership.role == Role.OWNER:
        owners = Membership.objects.select_for_update().filter(
            community=community, role=Role.OWNER, status=MembershipStatus.ACTIVE
        )
        if owners.count() <= 1:
            raise errors.LastOwner()
    membership_transition(membership=membership, to=MembershipStatus.LEFT, via="leave")
    record(community=community, actor=actor, verb="community.left", target=membership)
    return membership
