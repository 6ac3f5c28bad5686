"""Writes of the relationship log: touchpoints with core members and their contact cadence."""

from django.db import transaction
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.permissions import ensure_can, has_capability
from communities.roles import MembershipStatus
from members import errors
from members.models import ContactCadence, Membership, Touchpoint
from members.models.relationships import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS


def _followed(community: Community, membership: Membership) -> Membership:
    if membership.community_id != community.pk or membership.status != MembershipStatus.ACTIVE:
        raise errors.NotARelationship(fields={"membership": [errors.NotARelationship.message]})
    return membership


def _caretaker(community: Community, caretaker):
    """A caretaker must be one of the operators who keep the relationship log."""
    if caretaker is None:
        return None
    membership = community.memberships.filter(user=caretaker).first()
    if not has_capability(membership, "manage_relationships"):
        raise errors.InvalidCaretaker(fields={"caretaker": [errors.InvalidCaretaker.message]})
    return caretaker


@transaction.atomic
def touchpoint_create(
    *, actor, community: Community, membership: Membership, kind: str, note: str = "", happened_at=None
) -> Touchpoint:
    """Log a call, message or meeting with a followed member; `happened_at` defaults to now."""
    ensure_can(actor, "manage_relationships", community)
    _followed(community, membership)
    if kind not in Touchpoint.Kind.values:
        raise errors.InvalidTouchpointKind(fields={"kind": [errors.InvalidTouchpointKind.message]})
    happened_at = happened_at or timezone.now()
    if happened_at > timezone.now():
        raise errors.TouchpointInFuture(fields={"happened_at": [errors.TouchpointInFuture.message]})
    touchpoint = Touchpoint.objects.create(
        community=community,
        membership=membership,
        author=actor,
        kind=kind,
        note=note,
        happened_at=happened_at,
    )
    record(community=community, actor=actor, verb="touchpoint.created", target=touchpoint)
    return touchpoint


@transaction.atomic
def cadence_set(
    *, actor, community: Community, membership: Membership, every_days: int, caretaker=None
) -> ContactCadence:
    """Create or change the member's contact cadence (one per member)."""
    ensure_can(actor, "manage_relationships", community)
    _followed(community, membership)
    if not MIN_CADENCE_DAYS <= every_days <= MAX_CADENCE_DAYS:
        raise errors.InvalidCadence(fields={"every_days": [errors.InvalidCadence.message]})
    cadence, _ = ContactCadence.objects.update_or_create(
        community=community,
        membership=membership,
        defaults={"every_days": every_days, "caretaker": _caretaker(community, caretaker)},
    )
    record(community=community, actor=actor, verb="cadence.set", target=cadence)
    return cadence


@transaction.atomic
def cadence_clear(*, actor, community: Community, membership: Membership) -> bool:
    """Remove the member's cadence; True when there was one."""
    ensure_can(actor, "manage_relationships", community)
    if membership.community_id != community.pk:
        raise errors.NotARelationship()
    deleted, _ = ContactCadence.objects.for_community(community).filter(membership=membership).delete()
    if deleted:
        record(community=community, actor=actor, verb="cadence.cleared", target=membership)
    return bool(deleted)
