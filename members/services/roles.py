"""Roles and leaving: role changes, ownership transfer and removal by an operator.

Every path locks the memberships it changes (select_for_update) and checks that the community keeps at
least one active owner, so two concurrent changes cannot leave it ownerless. The member is notified under
the "moderation" notification group (communities.inbox): one preference covers every decision about
their membership.
"""

from django.db import transaction

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from communities.roles import MembershipStatus, Role, may_grant
from members import errors
from members.models import Membership
from members.services.audit import audit_record
from members.services.transitions import membership_transition


def lock_member(*, community: Community, membership: Membership) -> Membership:
    """The membership re-read under a row lock, scoped to `community` (another community's row: 404)."""
    locked = Membership.objects.select_for_update().filter(community=community, pk=membership.pk).first()
    if locked is None:
        raise errors.NotAMember()
    return locked


def ensure_owner_remains(*, community: Community, losing: Membership) -> None:
    """Raise LastOwner when `losing` is the community's only active owner (owner rows locked)."""
    if losing.role != Role.OWNER or losing.status != MembershipStatus.ACTIVE:
        return
    owners = list(
        Membership.objects.select_for_update()
        .filter(community=community, role=Role.OWNER, status=MembershipStatus.ACTIVE)
        .exclude(pk=losing.pk)
        .values_list("pk", flat=True)
    )
    if not owners:
        raise errors.LastOwner()


def granter_may_grant(actor, actor_membership, *roles: str) -> bool:
    """communities.roles.may_grant for `actor` (platform superusers, acting through the admin, grant any
    role), for each of `roles` (a role change asks it of both the old and the new role)."""
    if getattr(actor, "is_superuser", False):
        return True
    active = actor_membership is not None and actor_membership.status == MembershipStatus.ACTIVE
    return all(may_grant(actor_membership.role if active else None, role) for role in roles)


def _ensure_active(membership: Membership) -> None:
    if membership.status != MembershipStatus.ACTIVE:
        raise errors.MemberNotActive()


@transaction.atomic
def role_change(
    *, actor, community: Community, membership: Membership, role: str, reason: str = ""
) -> Membership:
    """Give `membership` another role. Only owners appoint or demote owners and admins; never oneself."""
    actor_membership = ensure_can(actor, "manage_roles", community)
    if role not in Role.values:
        raise errors.InvalidRole(fields={"role": [str(errors.InvalidRole.message)]})
    target = lock_member(community=community, membership=membership)
    if target.user_id == actor.pk:
        raise errors.SelfPromotion()
    _ensure_active(target)
    if not granter_may_grant(actor, actor_membership, target.role, role):
        raise errors.RoleRankForbidden()
    if target.role == role:
        return target
    if role != Role.OWNER:
        ensure_owner_remains(community=community, losing=target)
    previous = target.role
    target.role = role
    target.save(update_fields=["role", "updated_at"])
    audit_record(
        community=community,
        actor=actor,
        action="member.role_changed",
        subject=target,
        reason=reason,
        previous=previous,
        role=role,
    )
    record(community=community, actor=actor, verb="member.role_changed", target=target, data={"role": role})
    notify(
        community=community,
        recipient=target.user,
        kind="moderation.role_changed",
        params={"role": role},
    )
    return target


@transaction.atomic
def ownership_transfer(
    *, actor, community: Community, membership: Membership, reason: str = ""
) -> Membership:
    """Make `membership` an owner and the acting owner an admin (the community always keeps an owner)."""
    actor_membership = ensure_can(actor, "transfer_ownership", community)
    if not granter_may_grant(actor, actor_membership, Role.OWNER):
        raise errors.RoleRankForbidden()
    target = lock_member(community=community, membership=membership)
    if target.user_id == actor.pk:
        raise errors.SelfAction()
    _ensure_active(target)
    previous = target.role
    target.role = Role.OWNER
    target.save(update_fields=["role", "updated_at"])
    if actor_membership is not None and actor_membership.role == Role.OWNER:
        actor_membership = lock_member(community=community, membership=actor_membership)
        actor_membership.role = Role.ADMIN
        actor_membership.save(update_fields=["role", "updated_at"])
    audit_record(
        community=community,
        actor=actor,
        action="ownership.transferred",
        subject=target,
        reason=reason,
        previous=previous,
    )
    record(community=community, actor=actor, verb="ownership.transferred", target=target)
    notify(
        community=community,
        recipient=target.user,
        kind="moderation.ownership",
    )
    return target


@transaction.atomic
def member_remove(*, actor, community: Community, membership: Membership, reason: str) -> Membership:
    """Remove an active member (status left); owners cannot be removed, admins only by owners."""
    actor_membership = ensure_can(actor, "remove_members", community)
    target = lock_member(community=community, membership=membership)
    if target.user_id == actor.pk:
        raise errors.SelfAction()
    _ensure_active(target)
    if target.role == Role.OWNER:
        raise errors.OwnerRemoval()
    if not granter_may_grant(actor, actor_membership, target.role):  # removing takes the role away
        raise errors.RoleRankForbidden()
    membership_transition(membership=target, to=MembershipStatus.LEFT, via="remove")
    audit_record(community=community, actor=actor, action="member.removed", subject=target, reason=reason)
    record(community=community, actor=actor, verb="member.removed", target=target)
    notify(
        community=community,
        recipient=target.user,
        kind="moderation.removed",
        note=reason,
    )
    return target
