"""Reads of the critique exchange: the rubric, works (and the reviewers' queue), critiques, credits.

Works and critiques are read by members (`view`); a held work or critique (members' reports, a
moderator's removal) is left out of every list and is a 404.
"""

from django.db.models import Prefetch, QuerySet

from communities.models import Community
from communities.roles import MembershipStatus
from content.errors import critiques as errors
from content.models import (
    CreditAccount,
    CreditTransaction,
    Critique,
    CritiqueScore,
    CritiqueSettings,
    RubricCriterion,
    Work,
    WorkImage,
)
from members.models import Membership
from members.selectors.moderation import hidden_ids


def settings_for(*, community: Community) -> CritiqueSettings:
    """The community's prices; the defaults, unsaved, until an operator sets them (a read never writes)."""
    return CritiqueSettings.objects.for_community(community).first() or CritiqueSettings(community=community)


def criterion_list(*, community: Community, active_only: bool = True) -> QuerySet[RubricCriterion]:
    qs = RubricCriterion.objects.for_community(community).order_by("position", "id")
    return qs.filter(active=True) if active_only else qs


def criterion_get(*, community: Community, criterion_id: int) -> RubricCriterion:
    criterion = criterion_list(community=community, active_only=False).filter(pk=criterion_id).first()
    if criterion is None:
        raise errors.CriterionNotFound()
    return criterion


def work_list(
    *, community: Community, author: Membership | None = None, waiting: bool | None = None
) -> QuerySet[Work]:
    """Works, newest first, with their author and images (two queries whatever the page size).

    `waiting=True` is the reviewers' queue: works without a critique yet, the longest waiting first
    (what a feed shows under "waiting for critique"); `waiting=False` those already critiqued.
    """
    qs = (
        Work.objects.for_community(community)
        .exclude(pk__in=hidden_ids(Work, community))
        .select_related("author__user")
        .prefetch_related(Prefetch("images", queryset=WorkImage.objects.for_community(community)))
    )
    if author is not None:
        qs = qs.filter(author=author)
    if waiting is True:
        return qs.filter(critique_count=0).order_by("created_at", "id")
    if waiting is False:
        qs = qs.filter(critique_count__gt=0)
    return qs.order_by("-created_at", "-id")


def review_queue(*, community: Community, viewer: Membership | None = None) -> QuerySet[Work]:
    """Works waiting for a first critique, oldest first; the viewer's own works left out."""
    qs = work_list(community=community, waiting=True)
    return qs.exclude(author=viewer) if viewer is not None else qs


def work_get(*, community: Community, work_id: int) -> Work:
    work = work_list(community=community).filter(pk=work_id).first()
    if work is None:
        raise errors.WorkNotFound()
    return work


def critique_list(*, community: Community, work: Work) -> QuerySet[Critique]:
    """A work's critiques, oldest first, each with its critic and scores in rubric order (two queries)."""
    scores = (
        CritiqueScore.objects.for_community(community)
        .select_related("criterion")
        .order_by("criterion__position", "criterion_id")
    )
    return (
        Critique.objects.for_community(community)
        .filter(work=work)
        .exclude(pk__in=hidden_ids(Critique, community))
        .select_related("critic__user")
        .prefetch_related(Prefetch("scores", queryset=scores))
        .order_by("created_at", "id")
    )


def critique_get(*, community: Community, work: Work, critique_id: int) -> Critique:
    critique = critique_list(community=community, work=work).filter(pk=critique_id).first()
    if critique is None:
        raise errors.CritiqueNotFound()
    return critique


def active_member_named(*, community: Community, username: str) -> Membership | None:
    return (
        Membership.objects.for_community(community)
        .filter(user__username=username, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .first()
    )


def account_for(*, community: Community, membership: Membership) -> CreditAccount:
    """The member's account; an empty one, unsaved, before their first credit moves."""
    return CreditAccount.objects.for_community(community).filter(membership=membership).first() or (
        CreditAccount(community=community, membership=membership)
    )


def transaction_list(*, community: Community, membership: Membership) -> QuerySet[CreditTransaction]:
    """A member's ledger, newest first, with the work each entry concerns (one query)."""
    return (
        CreditTransaction.objects.for_community(community)
        .filter(account__membership=membership)
        .select_related("work", "actor")
        .order_by("-created_at", "-id")
    )


def account_list(*, community: Community) -> QuerySet[CreditAccount]:
    """Every member's balance and critic record (operators), the best-reputed critics first."""
    return (
        CreditAccount.objects.for_community(community)
        .select_related("membership__user")
        .order_by("-helpful_received", "-critiques_given", "membership__user__username")
    )
