"""Writes of the critique exchange: the rubric and prices, works, critiques, helpful marks and credits.

Credits (decision 0022): a member's balance lives on their CreditAccount row and changes only through
`_move_credits`, which locks that row (`select_for_update`), refuses to go below zero and appends the
CreditTransaction that explains the change, all in the caller's transaction. Two requests spending the
same credits queue on the lock; the second sees the first's balance.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, has_capability, membership_of
from communities.races import sequential_on_race
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
from content.models.critiques import MAX_GRANT, MAX_IMAGES, MAX_LINKS, MAX_SCORE, MIN_SCORE
from content.selectors.critiques import criterion_list, settings_for
from members.models import Membership
from members.services.publishing import ensure_may_post, ensure_not_muted, ensure_within_post_limits

_url = URLValidator(schemes=["http", "https"])


# --- Credits ------------------------------------------------------------------------------------------------


def _account_locked(community: Community, membership: Membership) -> CreditAccount:
    """The member's account, created at 0 when missing, locked for the rest of the transaction."""
    CreditAccount.objects.get_or_create(community=community, membership=membership)
    return CreditAccount.objects.for_community(community).select_for_update().get(membership=membership)


def _move_credits(
    *, community: Community, membership: Membership, amount: int, kind: str, actor, **links
) -> CreditTransaction:
    """Change the member's balance by `amount` (InsufficientCredits below zero) and log it."""
    account = _account_locked(community, membership)
    if account.balance + amount < 0:
        raise errors.InsufficientCredits()
    account.balance += amount
    account.save(update_fields=["balance", "updated_at"])
    return CreditTransaction.objects.create(
        community=community,
        account=account,
        kind=kind,
        amount=amount,
        balance_after=account.balance,
        actor=actor,
        **links,
    )


@sequential_on_race
@transaction.atomic
def credits_grant(*, actor, community: Community, membership: Membership, amount: int, reason: str):
    """An operator grants a member 1 to MAX_GRANT credits, with a reason."""
    ensure_can(actor, "manage_critiques", community)
    if membership.community_id != community.pk or membership.status != MembershipStatus.ACTIVE:
        raise errors.NotAMemberHere(fields={"member": [errors.NotAMemberHere.message]})
    reason = (reason or "").strip()
    if not reason or not isinstance(amount, int) or not 1 <= amount <= MAX_GRANT:
        field = "reason" if not reason else "amount"
        raise errors.GrantInvalid(fields={field: [errors.GrantInvalid.message]})
    entry = _move_credits(
        community=community,
        membership=membership,
        amount=amount,
        kind=CreditTransaction.Kind.GRANTED,
        actor=actor,
        reason=reason[:300],
    )
    notify(
        community=community,
        recipient=membership.user,
        kind="critique.credits_granted",
        params={"amount": amount, "balance": entry.balance_after},
        note=reason,
        url=reverse("content:credits", kwargs={"slug": community.slug}),
    )
    return entry


# --- Rubric and prices -------------------------------------------------------------------------------------


def _check(instance) -> None:
    """Model validation (bounds, lengths); the community is already set by the service."""
    instance.full_clean(exclude=["community"], validate_unique=False, validate_constraints=False)


@transaction.atomic
def criterion_create(
    *, actor, community: Community, name: str, guidance: str = "", position: int | None = None
) -> RubricCriterion:
    ensure_can(actor, "manage_critiques", community)
    if position is None:
        last = criterion_list(community=community, active_only=False).last()
        position = last.position + 1 if last else 1
    criterion = RubricCriterion(community=community, name=name, guidance=guidance, position=position)
    _check(criterion)
    criterion.save()
    return criterion


@transaction.atomic
def criterion_update(
    *,
    actor,
    community: Community,
    criterion: RubricCriterion,
    name: str,
    guidance: str,
    position: int,
    active: bool,
) -> RubricCriterion:
    """Rename, reorder, retire (`active=False`) or bring back a criterion; scores given keep it."""
    ensure_can(actor, "manage_critiques", community)
    criterion.name, criterion.guidance, criterion.position, criterion.active = (
        name,
        guidance,
        position,
        active,
    )
    _check(criterion)
    criterion.save()
    return criterion


@transaction.atomic
def critique_settings_update(
    *, actor, community: Community, request_cost: int, critique_reward: int
) -> CritiqueSettings:
    ensure_can(actor, "manage_critiques", community)
    current = settings_for(community=community)
    current.request_cost, current.critique_reward = request_cost, critique_reward
    _check(current)
    current.save()
    return current


# --- Works ------------------------------------------------------------------------------------------------


def clean_links(links) -> list[str]:
    """At most MAX_LINKS http(s) addresses, blanks dropped; LinksInvalid otherwise."""
    links = [str(link).strip() for link in links or [] if str(link).strip()]
    invalid = errors.LinksInvalid(fields={"links": [errors.LinksInvalid.message]})
    if len(links) > MAX_LINKS:
        raise invalid
    for link in links:
        try:
            _url(link)
        except ValidationError as exc:
            raise invalid from exc
        if len(link) > 500:
            raise invalid
    return links


@transaction.atomic
def work_post(*, actor, community: Community, title: str, description: str = "", links=(), images=()) -> Work:
    """Ask for critique of a work: spends the community's request cost from the author's credits.

    `images` are uploads already checked and re-encoded (communities.images); at least one image or
    link is required.
    """
    membership = ensure_may_post(actor=actor, community=community, text=description, field="description")
    links, images = clean_links(links), list(images)
    if len(images) > MAX_IMAGES:
        raise errors.TooManyImages(fields={"images": [errors.TooManyImages.message]})
    if not images and not links:
        raise errors.WorkEmpty(fields={"images": [errors.WorkEmpty.message]})
    work = Work(community=community, author=membership, title=title, description=description, links=links)
    _check(work)
    work.save()
    for position, image in enumerate(images):
        WorkImage.objects.create(community=community, work=work, image=image, position=position)
    cost = settings_for(community=community).request_cost
    if cost:
        _move_credits(
            community=community,
            membership=membership,
            amount=-cost,
            kind=CreditTransaction.Kind.SPENT,
            actor=actor,
            work=work,
        )
    record(community=community, actor=actor, verb="work.posted", target=work)
    return work


def may_edit_work(actor, membership, work: Work) -> bool:
    """Its author until the first critique (critics judged this text and these links), or an operator."""
    if getattr(actor, "is_superuser", False) or has_capability(membership, "manage_critiques"):
        return True
    mine = membership is not None and work.author_id == membership.pk
    return mine and work.critique_count == 0


@transaction.atomic
def work_edit(*, actor, community: Community, work: Work, title=None, description=None, links=None) -> Work:
    """Edit a work's title, description and links (None: unchanged); the images stay as posted. The work
    row is locked, so an edit and a first critique do not cross: after the critique the author may not."""
    work = Work.objects.for_community(community).select_for_update().get(pk=work.pk)
    membership = membership_of(actor, community)
    operator = getattr(actor, "is_superuser", False) or has_capability(membership, "manage_critiques")
    if not may_edit_work(actor, membership, work):
        raise errors.WorkNotEditable()
    description = work.description if description is None else description
    if operator:
        ensure_can(actor, "manage_critiques", community, membership=membership)
    else:
        ensure_may_post(actor=actor, community=community, text=description, field="description")
    links = work.links if links is None else clean_links(links)
    if not links and not WorkImage.objects.for_community(community).filter(work=work).exists():
        raise errors.WorkEmpty(fields={"links": [errors.WorkEmpty.message]})
    work.title = work.title if title is None else title
    work.description, work.links, work.edited_at = description, links, timezone.now()
    _check(work)
    work.save(update_fields=["title", "description", "links", "edited_at", "updated_at"])
    record(community=community, actor=actor, verb="work.edited", target=work)
    return work


# --- Critiques ---------------------------------------------------------------------------------------------


def _scores_for(community: Community, scores: dict) -> list[tuple[RubricCriterion, int, str]]:
    """[(criterion, score, comment)] covering every active criterion exactly once, else ScoresInvalid.

    `scores` maps a criterion id to {"score": 1-5, "comment": "..."}.
    """
    criteria = list(criterion_list(community=community))
    if not criteria:
        raise errors.NoRubric()
    invalid = errors.ScoresInvalid(fields={"scores": [errors.ScoresInvalid.message]})
    try:
        given = {int(key): value for key, value in dict(scores).items()}
    except (TypeError, ValueError) as exc:
        raise invalid from exc
    if set(given) != {criterion.pk for criterion in criteria}:
        raise invalid
    rows = []
    for criterion in criteria:
        entry = given[criterion.pk]
        score, comment = entry.get("score"), str(entry.get("comment") or "")
        if not isinstance(score, int) or isinstance(score, bool) or not MIN_SCORE <= score <= MAX_SCORE:
            raise invalid
        if len(comment) > 4000:
            raise invalid
        rows.append((criterion, score, comment))
    return rows


@sequential_on_race  # the same critic twice at once: the rerun answers already_critiqued
@transaction.atomic
def critique_give(*, actor, community: Community, work: Work, overall: str, scores: dict) -> Critique:
    """Critique someone else's work against the rubric (once per work); earns the critic the reward."""
    membership = ensure_can(actor, "critique", community)
    if membership is None:
        raise errors.NotAMemberHere()
    ensure_not_muted(membership)
    ensure_within_post_limits(
        membership,
        "\n".join([overall, *(str(v.get("comment", "")) for v in scores.values())]),
        field="overall",
    )
    work = Work.objects.for_community(community).select_for_update().get(pk=work.pk)
    if work.author_id == membership.pk:
        raise errors.OwnWork()
    if Critique.objects.for_community(community).filter(work=work, critic=membership).exists():
        raise errors.AlreadyCritiqued()
    rows = _scores_for(community, scores)
    critique = Critique(community=community, work=work, critic=membership, overall=overall)
    _check(critique)
    critique.save()
    CritiqueScore.objects.bulk_create(
        CritiqueScore(
            community=community, critique=critique, criterion=criterion, score=score, comment=comment
        )
        for criterion, score, comment in rows
    )
    now = timezone.now()
    work.critique_count += 1
    if work.first_critique_at is None:
        work.first_critique_at, work.time_to_first_critique = now, now - work.created_at
    work.save(update_fields=["critique_count", "first_critique_at", "time_to_first_critique", "updated_at"])
    reward = settings_for(community=community).critique_reward
    _move_credits(
        community=community,
        membership=membership,
        amount=reward,
        kind=CreditTransaction.Kind.EARNED,
        actor=actor,
        work=work,
        critique=critique,
    )
    CreditAccount.objects.for_community(community).filter(membership=membership).update(
        critiques_given=F("critiques_given") + 1
    )
    record(community=community, actor=actor, verb="critique.given", target=critique)
    notify(
        community=community,
        recipient=work.author.user,
        kind="critique.received",
        params={"critic": actor.name, "work": work.title},
        url=reverse("content:work-detail", kwargs={"slug": community.slug, "work_id": work.pk}),
    )
    return critique


@transaction.atomic
def critique_mark_helpful(*, actor, community: Community, critique: Critique) -> Critique:
    """The work's author marks a critique helpful; it counts toward the critic's reputation."""
    ensure_can(actor, "participate", community)
    critique = (
        Critique.objects.for_community(community)
        .select_for_update()
        .select_related("work__author", "critic__user")
        .get(pk=critique.pk)
    )
    if critique.work.author.user_id != actor.pk:
        raise errors.NotTheAuthor()
    if critique.helpful:
        raise errors.AlreadyHelpful()
    critique.helpful, critique.marked_helpful_at = True, timezone.now()
    critique.save(update_fields=["helpful", "marked_helpful_at", "updated_at"])
    account = _account_locked(community, critique.critic)
    account.helpful_received += 1
    account.save(update_fields=["helpful_received", "updated_at"])
    record(community=community, actor=actor, verb="critique.marked_helpful", target=critique)
    notify(
        community=community,
        recipient=critique.critic.user,
        kind="critique.helpful",
        params={"author": actor.name, "work": critique.work.title},
        url=reverse("content:work-detail", kwargs={"slug": community.slug, "work_id": critique.work_id}),
    )
    return critique
