"""Writes on memberships: joining and leaving (recruitment and vetting build on these)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from analytics.services import record
from communities.errors import CommunityArchived
from communities.models import Community, RulesVersion
from communities.roles import MembershipStatus, Role
from members import errors
from members.models import Application, Invitation, JoinLink, JoinSource, Membership, RuleAcceptance
from members.services.directory import sort_name_for
from members.services.onboarding import welcome_member


def _current_rules(community: Community) -> RulesVersion | None:
    return RulesVersion.objects.for_community(community).order_by("-number").first()


def rules_accept(*, membership: Membership, version: RulesVersion) -> RuleAcceptance:
    acceptance, _ = RuleAcceptance.objects.get_or_create(
        community=membership.community, membership=membership, rules_version=version
    )
    return acceptance


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
    if community.join_policy != Community.JoinPolicy.OPEN:
        if community.is_archived:
            raise CommunityArchived()
        raise errors.JoinNotOpen()
    return membership_admit(
        actor=actor,
        community=community,
        accepted_rules_version=accepted_rules_version,
        role=Role.MEMBER,
        attribution=attribution or Attribution(),
    )


@transaction.atomic
def membership_admit(
    *, actor, community: Community, accepted_rules_version: int | None, role: str, attribution: Attribution
) -> Membership:
    """Make `actor` an active member with `role`; the caller has decided they may come in (policy,
    invitation). Checks what holds for every way in: not archived, not banned, not already in, rules.
    """
    if community.is_archived:
        raise CommunityArchived()
    membership = Membership.objects.select_for_update().filter(community=community, user=actor).first()
    if membership is not None and membership.status == MembershipStatus.BANNED:
        raise errors.Banned()
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        raise errors.AlreadyMember()
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
        _close_pending_applications(membership)
    membership.role = role
    membership.status = MembershipStatus.ACTIVE
    membership.source = attribution.source
    membership.source_tag = attribution.source_tag
    membership.referred_by = attribution.referred_by
    membership.join_link = attribution.join_link
    membership.invitation = attribution.invitation
    membership.joined_at = timezone.now()
    membership.left_at = None
    membership.save()
    if version is not None:
        rules_accept(membership=membership, version=version)
    record(community=community, actor=actor, verb="community.joined", target=membership)
    welcome_member(membership=membership)
    return membership


def _close_pending_applications(membership: Membership) -> None:
    """An applicant admitted another way (an invitation) no longer waits in the review queue."""
    Application.objects.filter(
        community=membership.community, membership=membership, status=Application.Status.PENDING
    ).update(status=Application.Status.WITHDRAWN, decided_at=timezone.now())


@transaction.atomic
def membership_leave(*, actor, community: Community) -> Membership:
    """Leave a community. The last active owner cannot leave."""
    membership = Membership.objects.select_for_update().filter(community=community, user=actor).first()
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise errors.NotAMember()
    if membership.role == Role.OWNER:
        owners = Membership.objects.select_for_update().filter(
            community=community, role=Role.OWNER, status=MembershipStatus.ACTIVE
        )
        if owners.count() <= 1:
            raise errors.LastOwner()
    membership.status = MembershipStatus.LEFT
    membership.left_at = timezone.now()
    membership.save(update_fields=["status", "left_at", "updated_at"])
    record(community=community, actor=actor, verb="community.left", target=membership)
    return membership
