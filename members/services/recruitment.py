"""Recruitment writes: invitations, join links, referral codes, joins recording where people came from."""

import secrets
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from analytics.services import record
from communities.arrival import sanitise_tag
from communities.errors import DomainError
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, membership_of
from communities.roles import MembershipStatus, Role
from members import errors
from members.models import Invitation, JoinLink, JoinSource, Membership
from members.services.audit import audit_record
from members.services.membership import Attribution, membership_admit, membership_join
from members.services.roles import granter_may_grant


def _invalid(**fields) -> DomainError:
    return DomainError(code="invalid", fields={name: [str(message)] for name, message in fields.items()})


def _unique_code(model, community: Community, field: str, make) -> str:
    while True:
        code = make()
        if not model.objects.for_community(community).filter(**{field: code}).exists():
            return code


# --- Invitations ------------------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *,
    actor,
    community: Community,
    label: str = "",
    role: str = Role.MEMBER,
    max_uses: int | None = None,
    expires_at: datetime | None = None,
) -> Invitation:
    """Create an invitation code. It never grants owner (ownership moves by transfer only), and no
    role its creator may not grant (communities.roles.may_grant: an admin cannot invite admins)."""
    membership = ensure_can(actor, "manage_invitations", community)
    if role not in Role.values:
        raise _invalid(role=_("Choose a valid role."))
    if role == Role.OWNER or not granter_may_grant(actor, membership, role):
        raise errors.InvitationRoleTooHigh(fields={"role": [str(errors.InvitationRoleTooHigh.message)]})
    if max_uses is not None and max_uses < 1:
        raise _invalid(max_uses=_("An invitation must allow at least one use."))
    if expires_at is not None and expires_at <= timezone.now():
        raise _invalid(expires_at=_("The expiry must be in the future."))
    invitation = Invitation.objects.create(
        community=community,
        code=_unique_code(Invitation, community, "code", lambda: secrets.token_urlsafe(12)),
        label=label.strip()[:80],
        role=role,
        max_uses=max_uses,
        expires_at=expires_at,
        created_by=actor,
    )
    audit_record(
        community=community, actor=actor, action="invitation.created", invitation_id=invitation.pk, role=role
    )
    record(community=community, actor=actor, verb="invitation.created", target=invitation)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, community: Community, invitation: Invitation) -> Invitation:
    ensure_can(actor, "manage_invitations", community)
    invitation = Invitation.objects.select_for_update().for_community(community).get(pk=invitation.pk)
    if invitation.revoked_at is not None:
        raise errors.InvitationNotActive()
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    audit_record(community=community, actor=actor, action="invitation.revoked", invitation_id=invitation.pk)
    record(community=community, actor=actor, verb="invitation.revoked", target=invitation)
    return invitation


def invitation_ensure_usable(invitation: Invitation) -> None:
    """Raise the reason `invitation` cannot be used now (revoked, expired, exhausted), if any."""
    if invitation.revoked_at is not None:
        raise errors.InvitationRevoked()
    if invitation.expires_at is not None and invitation.expires_at <= timezone.now():
        raise errors.InvitationExpired()
    if invitation.max_uses is not None and invitation.uses_count >= invitation.max_uses:
        raise errors.InvitationExhausted()


@transaction.atomic
def invitation_accept(
    *, actor, community: Community, code: str, accepted_rules_version: int | None
) -> Membership:
    """Join `community` through an invitation code, whatever its join policy, with the invitation's role.

    The invitation row is locked while it is checked and counted, so concurrent acceptances never push
    `uses_count` past `max_uses`: the one that comes second sees the new count and is refused.
    """
    invitation = Invitation.objects.select_for_update().for_community(community).filter(code=code).first()
    if invitation is None or invitation.role == Role.OWNER:
        raise errors.InvitationInvalid(fields={"code": [str(errors.InvitationInvalid.message)]})
    invitation_ensure_usable(invitation)
    _ensure_creator_still_may_grant(community, invitation)
    membership = membership_admit(
        actor=actor,
        community=community,
        accepted_rules_version=accepted_rules_version,
        role=invitation.role,
        attribution=Attribution(source=JoinSource.INVITATION, invitation=invitation),
        via="invitation",
    )
    invitation.uses_count += 1
    invitation.save(update_fields=["uses_count", "updated_at"])
    if invitation.role != Role.MEMBER:
        audit_record(
            community=community,
            actor=invitation.created_by,
            action="member.role_granted",
            subject=membership,
            role=invitation.role,
            invitation_id=invitation.pk,
        )
    record(community=community, actor=actor, verb="invitation.accepted", target=invitation)
    return membership


def _ensure_creator_still_may_grant(community: Community, invitation: Invitation) -> None:
    """An invitation grants its role only while its creator may grant it (the rank rule, asked again at
    acceptance: a demoted creator's invitation, or one made before the rule, grants nothing above it)."""
    if invitation.role == Role.MEMBER:
        return
    creator = invitation.created_by
    creator_membership = membership_of(creator, community) if creator is not None else None
    if creator is None or not granter_may_grant(creator, creator_membership, invitation.role):
        raise errors.InvitationRoleTooHigh()


# --- Joins with their source -------------------------------------------------------------------------------


def attribution_from_arrival(*, community: Community, actor, arrival: dict[str, str]) -> Attribution:
    """Turn stored arrival parameters into an Attribution: join link, then referral, campaign, directory.

    Codes that do not match an active row of this community are ignored (the join is then direct).
    """
    tag = sanitise_tag(arrival.get("src"))
    link_code = arrival.get("link")
    if link_code:
        link = JoinLink.objects.for_community(community).filter(code=link_code, retired_at=None).first()
        if link is not None:
            return Attribution(source=JoinSource.JOIN_LINK, source_tag=link.source_tag, join_link=link)
    ref = arrival.get("ref")
    if ref:
        referrer = (
            Membership.objects.for_community(community)
            .filter(referral_code=ref, status=MembershipStatus.ACTIVE)
            .exclude(user=actor)
            .select_related("user")
            .first()
        )
        if referrer is not None:
            return Attribution(source=JoinSource.REFERRAL, source_tag=tag, referred_by=referrer)
    if tag:
        return Attribution(source=JoinSource.CAMPAIGN, source_tag=tag)
    if arrival.get("via") == "directory":
        return Attribution(source=JoinSource.DIRECTORY)
    return Attribution()


@transaction.atomic
def membership_join_from(
    *, actor, community: Community, accepted_rules_version: int | None, arrival: dict[str, str]
) -> Membership:
    """Join an open community (membership_join), recording the source the visitor arrived from."""
    attribution = attribution_from_arrival(community=community, actor=actor, arrival=arrival)
    membership = membership_join(
        actor=actor,
        community=community,
        accepted_rules_version=accepted_rules_version,
        attribution=attribution,
    )
    if attribution.referred_by is not None:
        notify(
            community=community,
            recipient=attribution.referred_by.user,
            kind="referral.joined",
            params={"name": actor.name},
        )
    return membership


# --- Referral codes and join links -------------------------------------------------------------------------


def _referral_code() -> str:
    return secrets.token_hex(5)


@transaction.atomic
def referral_code_ensure(*, actor, community: Community) -> Membership:
    """Give the active member their personal referral code, generated on first request."""
    ensure_can(actor, "participate", community)
    membership = Membership.objects.select_for_update().for_community(community).get(user=actor)
    while not membership.referral_code:
        membership.referral_code = _unique_code(Membership, community, "referral_code", _referral_code)
        try:
            with transaction.atomic():
                membership.save(update_fields=["referral_code", "updated_at"])
        except IntegrityError:  # taken meanwhile by another member: draw again
            membership.referral_code = ""
    return membership


@transaction.atomic
def join_link_create(*, actor, community: Community, channel: str, source_tag: str = "") -> JoinLink:
    """A permanent join link for one channel; members who join through it carry its campaign tag."""
    ensure_can(actor, "manage_invitations", community)
    channel = (channel or "").strip()
    if not channel or len(channel) > 80:
        raise _invalid(channel=_("Name the channel (at most 80 characters)."))
    if source_tag and sanitise_tag(source_tag) != source_tag:
        raise _invalid(
            source_tag=_("Use only lower-case letters, digits, '-' and '_' (at most 40 characters).")
        )
    link = JoinLink.objects.create(
        community=community,
        code=_unique_code(JoinLink, community, "code", lambda: secrets.token_urlsafe(8)),
        channel=channel,
        source_tag=source_tag,
        created_by=actor,
    )
    record(community=community, actor=actor, verb="join_link.created", target=link)
    return link


@transaction.atomic
def join_link_retire(*, actor, community: Community, join_link: JoinLink) -> JoinLink:
    ensure_can(actor, "manage_invitations", community)
    join_link = JoinLink.objects.select_for_update().for_community(community).get(pk=join_link.pk)
    if join_link.retired_at is not None:
        raise errors.JoinLinkRetired()
    join_link.retired_at = timezone.now()
    join_link.save(update_fields=["retired_at", "updated_at"])
    record(community=community, actor=actor, verb="join_link.retired", target=join_link)
    return join_link
