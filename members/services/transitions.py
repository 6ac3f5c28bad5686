"""The membership lifecycle: which status may become which, through which service.

Every service that changes `Membership.status` calls `membership_transition` with the service's `via`;
nothing else writes the column (the one row made elsewhere: communities.services.community_create makes
the community with its active owner, and with `member_count` 1). A pair missing from TRANSITIONS is
refused with a conflict whatever the caller checked before: that closes the ban-evasion paths (a banned
applicant withdrawing and applying again, an operator approving a banned applicant's application).

The same call keeps `Community.member_count` (active memberships) in step, with an F() update in the
caller's transaction; `member_counts_reconcile` (members.tasks, on a schedule) repairs any drift.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from communities.crossing import community_figures_write, figures_by_community
from communities.models import Community
from communities.roles import MembershipStatus
from communities.versioning import communities_changed
from members import errors
from members.models import JoinLink, Membership
from members.versioning import members_changed

Status = MembershipStatus
NEW = None  # no membership row yet: the transition creates it


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str | None]
    target: str
    service: str  # the one service that uses this `via` (documentation and tests)


TRANSITIONS: dict[str, Transition] = {
    # Open join (directory, join link, referral, campaign). A pending applicant waits for the decision
    # (or withdraws) even when the community has become open.
    "join": Transition(frozenset({NEW, Status.LEFT, Status.REJECTED}), Status.ACTIVE, "membership_join"),
    # An invitation admits whatever the join policy, a pending applicant included.
    "invitation": Transition(
        frozenset({NEW, Status.LEFT, Status.REJECTED, Status.PENDING}), Status.ACTIVE, "invitation_accept"
    ),
    "apply": Transition(frozenset({NEW, Status.LEFT, Status.REJECTED}), Status.PENDING, "application_submit"),
    "approve": Transition(frozenset({Status.PENDING}), Status.ACTIVE, "application_decide"),
    "reject": Transition(frozenset({Status.PENDING}), Status.REJECTED, "application_decide"),
    "withdraw": Transition(frozenset({Status.PENDING}), Status.LEFT, "application_withdraw"),
    "leave": Transition(frozenset({Status.ACTIVE}), Status.LEFT, "membership_leave"),
    "remove": Transition(frozenset({Status.ACTIVE}), Status.LEFT, "member_remove"),
    # A guest expert (content.services.sessions): an operator grants the expert role directly, whatever
    # the join policy, without an application or a fee; a pending applicant is admitted too.
    "guest": Transition(
        frozenset({NEW, Status.LEFT, Status.REJECTED, Status.PENDING}), Status.ACTIVE, "guest_expert_invite"
    ),
    # A ban also reaches people who are not (or no longer) in: applicants, those who left or were rejected.
    "ban": Transition(
        frozenset({Status.ACTIVE, Status.PENDING, Status.LEFT, Status.REJECTED}), Status.BANNED, "member_ban"
    ),
    # Lifting a ban does not readmit: the person may come back as the join policy allows.
    "unban": Transition(frozenset({Status.BANNED}), Status.LEFT, "member_unban"),
}

# Ways in, refused with the error their callers have always given (codes the API documents).
_ADMISSIONS = frozenset({"join", "invitation", "apply"})


def transition_allowed(source: str | None, target: str, via: str) -> bool:
    rule = TRANSITIONS.get(via)
    return rule is not None and rule.target == target and source in rule.sources


def _refusal(source: str | None, via: str) -> errors.DomainError:
    if via in _ADMISSIONS:
        if source == Status.BANNED:
            return errors.Banned()
        if source == Status.ACTIVE:
            return errors.AlreadyMember()
        if source == Status.PENDING:
            return errors.ApplicationPending()
    return errors.TransitionForbidden()


def ensure_transition(membership: Membership | None, to: str, via: str) -> None:
    """Raise what membership_transition would raise, before a service validates the rest of its input
    (a banned visitor hears "banned", not "accept the rules first")."""
    source = NEW if membership is None or membership.pk is None else membership.status
    if not transition_allowed(source, to, via):
        raise _refusal(source, via)


def membership_transition(*, membership: Membership, to: str, via: str, fields=()) -> Membership:
    """Move `membership` (read under select_for_update by the caller, or a new unsaved row) to status
    `to` through `via`, save it with `fields` (other columns the caller changed) and keep the stored
    member count. Raise a domain error (TransitionForbidden, 409) when TRANSITIONS has no such pair.

    Sets `joined_at` on becoming active and `left_at` on leaving (cleared on coming back).
    Call it inside the service's transaction.
    """
    source = NEW if membership.pk is None else membership.status
    ensure_transition(membership, to, via)
    now = timezone.now()
    membership.status = to
    if to == Status.ACTIVE:
        membership.joined_at = now
        membership.left_at = None
    elif to == Status.PENDING:
        membership.left_at = None
    elif to == Status.LEFT:
        membership.left_at = now
    if source is NEW:
        membership.save()
    else:
        membership.save(update_fields={"status", "joined_at", "left_at", "updated_at", *fields})
    delta = (to == Status.ACTIVE) - (source == Status.ACTIVE)
    if delta:
        Community.objects.filter(pk=membership.community_id).update(member_count=F("member_count") + delta)
    return membership


def member_counts_reconcile(*, community_ids=None) -> int:
    """Set each community's `member_count` to its number of active memberships, and each join link's
    `members_count` to the memberships that came through it, writing only the rows that drifted;
    idempotent. Returns how many rows it repaired.

    Crosses communities (communities.crossing): the member counts are one GROUP BY over the memberships,
    written into the communities (a reference table on Citus) by `community_figures_write`; the join
    links are one UPDATE whose subquery is correlated on the link's community as well as its id."""
    active = Membership.objects.filter(status=Status.ACTIVE)
    links = JoinLink.objects.all()
    if community_ids is not None:
        active = active.filter(community_id__in=community_ids)
        links = links.filter(community_id__in=community_ids)
    counts = figures_by_community(active.values("community").annotate(n=Count("pk")))
    repaired = community_figures_write("member_count", counts, community_ids=community_ids)
    if repaired:  # the lists show the count: their pages get new versions (a rare, hourly repair)
        every = Community.objects.values_list("pk", flat=True)
        members_changed(community_ids=community_ids if community_ids is not None else every)
        communities_changed()
    brought = (
        Membership.objects.filter(community=OuterRef("community"), join_link=OuterRef("pk"))
        .order_by()
        .values("join_link")
        .annotate(n=Count("pk"))
        .values("n")
    )
    links_actual = Coalesce(Subquery(brought, output_field=IntegerField()), Value(0))
    return repaired + links.exclude(members_count=links_actual).update(members_count=links_actual)
