"""Writes of competitions: the rules, criteria and judges (operators), entries (members), scores
(judges), the members' vote, closing judging and publishing the results with their awards.

Judging (decision 0028): each judge scores every criterion of an entry from 0 to 10, blind to the other
judges, and may revise their scores until the operators close judging; a judge never scores an entry
they are in (`conflict_of_interest`). Closing judging locks the competition row and stores each entry's
judges' score (the weighted average of all its scores: sum(score * weight) / sum(weight), one GROUP BY)
and its place (ties share a place); publishing makes that leaderboard public, records an Award for every
member of the entries placed first to third, and tells them in their own language.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, membership_of
from communities.races import sequential_on_race
from communities.roles import MembershipStatus
from events.errors import competitions as errors
from events.errors.events import EventCancelled
from events.models import (
    Award,
    Competition,
    Criterion,
    Entry,
    EntryImage,
    EntryMember,
    Event,
    EventStatus,
    Judge,
    Score,
    Vote,
)
from events.models.competitions import (
    AWARD_PLACES,
    COMMENT_MAX,
    CRITERIA_MAX,
    ENTRY_IMAGES_MAX,
    JUDGES_MAX,
    SCORE_MAX,
    SCORE_MIN,
)
from events.selectors.competitions import competition_for, criterion_list, is_in_entry, judge_of
from members.models import Membership
from members.services.publishing import ensure_may_post

MANAGE = "manage_events"
PLACES = Decimal("0.001")


def competition_url(event: Event) -> str:
    return reverse("events:detail", kwargs={"slug": event.community.slug, "event_id": event.pk})


def _check(instance, exclude=()) -> None:
    instance.full_clean(
        exclude=["community", "event", *exclude], validate_unique=False, validate_constraints=False
    )


def _locked(community: Community, event: Event) -> Competition:
    """The competition's row (created with the defaults when missing), locked for the transaction:
    closing, publishing, settings and votes' checks of the phase queue on it."""
    Competition.objects.get_or_create(community=community, event=event)
    return Competition.objects.for_community(community).select_for_update().get(event=event)


def _ensure_live(event: Event) -> None:
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if event.status != EventStatus.PUBLISHED:
        raise errors.EntriesClosed()


# --- Rules, criteria, judges (operators) -------------------------------------------------------------------


@transaction.atomic
def competition_update(
    *,
    actor,
    community: Community,
    event: Event,
    entries_close_at=None,
    max_team_size: int = 1,
    members_vote: bool = False,
) -> Competition:
    """Set the deadline for entries (None: the event's end), the largest team and the members' vote."""
    ensure_can(actor, MANAGE, community)
    competition = _locked(community, event)
    if competition.results_published:
        raise errors.ResultsPublished()
    competition.entries_close_at, competition.max_team_size, competition.members_vote = (
        entries_close_at,
        max_team_size,
        members_vote,
    )
    _check(competition)
    competition.save()
    record(community=community, actor=actor, verb="competition.updated", target=event)
    return competition


@transaction.atomic
def criterion_create(
    *, actor, community: Community, event: Event, name: str, description: str = "", weight: int = 1
) -> Criterion:
    ensure_can(actor, MANAGE, community)
    competition = _locked(community, event)
    if competition.judging_closed:
        raise errors.JudgingClosed()
    existing = criterion_list(community=community, event=event)
    if existing.count() >= CRITERIA_MAX:
        raise errors.CompetitionInvalid(fields={"name": [errors.CompetitionInvalid.message]})
    last = existing.last()
    criterion = Criterion(
        community=community,
        event=event,
        name=(name or "").strip(),
        description=(description or "").strip(),
        weight=weight,
        position=(last.position + 1) if last else 1,
    )
    _check(criterion)
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, actor, community: Community, event: Event, criterion: Criterion) -> None:
    """Remove a criterion and the scores given on it, while judging is open."""
    ensure_can(actor, MANAGE, community)
    if _locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    Score.objects.for_community(community).filter(criterion=criterion).delete()
    criterion.delete()


@sequential_on_race  # the same judge added twice at once: the rerun answers judge_invalid
@transaction.atomic
def judge_add(*, actor, community: Community, event: Event, membership_id) -> Judge:
    """Appoint an active member as a judge (they are told); refused once judging is closed."""
    ensure_can(actor, MANAGE, community)
    if _locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    invalid = errors.JudgeInvalid(fields={"membership": [errors.JudgeInvalid.message]})
    membership = (
        Membership.objects.for_community(community)
        .filter(pk=membership_id, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .first()
    )
    judges = Judge.objects.for_community(community).filter(event=event)
    if membership is None or judges.filter(membership=membership).exists() or judges.count() >= JUDGES_MAX:
        raise invalid
    judge = Judge.objects.create(community=community, event=event, membership=membership)
    record(community=community, actor=actor, verb="judge.appointed", target=judge)
    notify(
        community=community,
        recipient=membership.user,
        kind="competition.judge",
        params={"event": event.title},
        url=competition_url(event),
    )
    return judge


@transaction.atomic
def judge_remove(*, actor, community: Community, event: Event, judge: Judge) -> None:
    """Remove a judge while judging is open; their scores go with them."""
    ensure_can(actor, MANAGE, community)
    if _locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    judge.delete()


# --- Entries (members) ------------------------------------------------------------------------------------


def _team(
    community: Community, event: Event, submitter: Membership, member_ids, size: int
) -> list[Membership]:
    """The other members of a team entry: active members of this community, in no entry yet, the team
    (submitter included) within `size`."""
    invalid = errors.TeamInvalid(fields={"member_ids": [errors.TeamInvalid.message]})
    try:
        ids = {int(value) for value in member_ids or ()} - {submitter.pk}
    except (TypeError, ValueError) as exc:
        raise invalid from exc
    if len(ids) + 1 > size:
        raise invalid
    members = list(
        Membership.objects.for_community(community).filter(pk__in=ids, status=MembershipStatus.ACTIVE)
    )
    taken = EntryMember.objects.for_community(community).filter(event=event, membership_id__in=ids).exists()
    if len(members) != len(ids) or taken:
        raise invalid
    return members


@sequential_on_race  # a member entered twice at once: the rerun answers already_entered
@transaction.atomic
def entry_submit(
    *,
    actor,
    community: Community,
    event: Event,
    title: str,
    description: str,
    link: str = "",
    team_name: str = "",
    member_ids=(),
    images=(),
) -> Entry:
    """Enter the competition before its deadline, alone or as a team (`team_name` and `member_ids`, the
    other members). `images` are uploads already checked and re-encoded (communities.images)."""
    membership = ensure_may_post(actor=actor, community=community, text=description, field="description")
    _ensure_live(event)
    competition = competition_for(community=community, event=event)
    if competition.judging_closed or timezone.now() >= competition.deadline(event):
        raise errors.EntriesClosed()
    if EntryMember.objects.for_community(community).filter(event=event, membership=membership).exists():
        raise errors.AlreadyEntered()
    team_name = (team_name or "").strip()
    others = _team(community, event, membership, member_ids, competition.max_team_size) if team_name else []
    if member_ids and not team_name:
        raise errors.TeamInvalid(fields={"team_name": [errors.TeamInvalid.message]})
    images = list(images or ())
    if len(images) > ENTRY_IMAGES_MAX:
        raise errors.EntryInvalid(fields={"images": [errors.EntryInvalid.message]})
    entry = Entry(
        community=community,
        event=event,
        title=(title or "").strip(),
        description=description,
        link=(link or "").strip(),
        team_name=team_name,
        submitted_by=membership,
        member_count=1 + len(others),
    )
    _check(entry)
    entry.save()
    EntryMember.objects.bulk_create(
        EntryMember(community=community, event=event, entry=entry, membership=member)
        for member in [membership, *others]
    )
    for position, image in enumerate(images):
        EntryImage.objects.create(community=community, entry=entry, image=image, position=position)
    record(community=community, actor=actor, verb="entry.submitted", target=entry)
    return entry


@transaction.atomic
def entry_edit(
    *, actor, community: Community, entry: Entry, title=None, description=None, link=None
) -> Entry:
    """An entry's members edit its title, description or link (None: unchanged) until the deadline, and
    never once judging is closed: the entry judged is the entry shown with its place."""
    entry = (
        Entry.objects.for_community(community).select_for_update().select_related("event").get(pk=entry.pk)
    )
    event = entry.event
    membership = membership_of(actor, community)
    if not is_in_entry(community=community, entry=entry, membership=membership):
        ensure_can(actor, "participate", community, membership=membership)
        raise errors.NotInEntry()
    description = entry.description if description is None else description
    ensure_may_post(actor=actor, community=community, text=description, field="description")
    competition = competition_for(community=community, event=event)
    if competition.judging_closed or timezone.now() >= competition.deadline(event):
        raise errors.EntriesClosed()
    entry.title = entry.title if title is None else title.strip()
    entry.link = entry.link if link is None else link.strip()
    entry.description, entry.edited_at = description, timezone.now()
    _check(entry)
    entry.save(update_fields=["title", "description", "link", "edited_at", "updated_at"])
    record(community=community, actor=actor, verb="entry.edited", target=entry)
    return entry


# --- Scores (judges) -------------------------------------------------------------------------------------


def _clean_scores(criteria: list[Criterion], scores) -> list[tuple[Criterion, int, str]]:
    """[(criterion, value, comment)] for every criterion exactly once, else ScoresInvalid.

    `scores` maps a criterion id to {"value": 0-10, "comment": "..."} (or is a list of
    {"criterion": id, "value": ..., "comment": ...})."""
    invalid = errors.ScoresInvalid(fields={"scores": [errors.ScoresInvalid.message]})
    try:
        if isinstance(scores, list | tuple):
            given = {int(item["criterion"]): item for item in scores}
            if len(given) != len(scores):
                raise invalid
        else:
            given = {int(key): value for key, value in dict(scores).items()}
    except (TypeError, ValueError, KeyError) as exc:
        raise invalid from exc
    if set(given) != {criterion.pk for criterion in criteria}:
        raise invalid
    rows = []
    for criterion in criteria:
        item = given[criterion.pk]
        if not isinstance(item, dict):
            raise invalid
        value, comment = item.get("value"), str(item.get("comment") or "")
        if not isinstance(value, int) or isinstance(value, bool) or not SCORE_MIN <= value <= SCORE_MAX:
            raise invalid
        if len(comment) > COMMENT_MAX:
            raise invalid
        rows.append((criterion, value, comment))
    return rows


@sequential_on_race  # the same judge scoring twice at once: the rerun updates the winner's rows
@transaction.atomic
def scores_submit(*, actor, community: Community, event: Event, entry: Entry, scores) -> list[Score]:
    """A judge scores (or re-scores) one entry on every criterion, while judging is open."""
    membership = ensure_can(actor, "participate", community)
    judge = judge_of(community=community, event=event, membership=membership)
    if judge is None:
        raise errors.NotAJudge()
    if is_in_entry(community=community, entry=entry, membership=membership):
        raise errors.ConflictOfInterest()
    competition = Competition.objects.for_community(community).select_for_update().filter(event=event).first()
    if competition is not None and competition.judging_closed:
        raise errors.JudgingClosed()
    criteria = list(criterion_list(community=community, event=event))
    if not criteria:
        raise errors.NoCriteria()
    rows = _clean_scores(criteria, scores)
    existing = {
        score.criterion_id: score
        for score in Score.objects.for_community(community).filter(entry=entry, judge=judge)
    }
    saved = []
    for criterion, value, comment in rows:
        score = existing.get(criterion.pk)
        if score is None:
            score = Score.objects.create(
                community=community,
                event=event,
                entry=entry,
                judge=judge,
                criterion=criterion,
                value=value,
                comment=comment,
            )
        elif (score.value, score.comment) != (value, comment):
            score.value, score.comment = value, comment
            score.save(update_fields=["value", "comment", "updated_at"])
        saved.append(score)
    record(community=community, actor=actor, verb="entry.scored", target=entry)
    return saved


# --- Closing and publishing (operators) ---------------------------------------------------------------------


def _standings(community: Community, event: Event) -> dict[int, Decimal]:
    """Each scored entry's weighted average, in one GROUP BY."""
    rows = (
        Score.objects.for_community(community)
        .filter(event=event)
        .values("entry_id")
        .annotate(total=Sum(F("value") * F("criterion__weight")), weights=Sum("criterion__weight"))
    )
    return {
        row["entry_id"]: (Decimal(row["total"]) / Decimal(row["weights"])).quantize(PLACES, ROUND_HALF_UP)
        for row in rows
        if row["weights"]
    }


@transaction.atomic
def judging_close(*, actor, community: Community, event: Event) -> Competition:
    """Close judging: store every entry's judges' score and place (ties share a place; unscored entries
    get none). Scores, judges and criteria are frozen from now on."""
    ensure_can(actor, MANAGE, community)
    competition = _locked(community, event)
    if competition.judging_closed:
        raise errors.JudgingClosed()
    standings = _standings(community, event)
    entries = list(Entry.objects.for_community(community).filter(event=event).order_by("id"))
    ordered = sorted((e for e in entries if e.pk in standings), key=lambda e: -standings[e.pk])
    place, previous = 0, None
    for index, entry in enumerate(ordered, start=1):
        if standings[entry.pk] != previous:
            place, previous = index, standings[entry.pk]
        entry.judge_score, entry.rank = standings[entry.pk], place
    for entry in entries:
        if entry.pk not in standings:
            entry.judge_score, entry.rank = None, None
    Entry.objects.bulk_update(entries, ["judge_score", "rank"])
    competition.judging_closed_at = timezone.now()
    competition.save(update_fields=["judging_closed_at", "updated_at"])
    record(community=community, actor=actor, verb="competition.judging_closed", target=event)
    return competition


@transaction.atomic
def results_publish(*, actor, community: Community, event: Event) -> Competition:
    """Publish the leaderboard stored at closing; the members of the entries placed 1st to 3rd receive
    an award (shown on their profiles) and a notice in their language."""
    ensure_can(actor, MANAGE, community)
    competition = _locked(community, event)
    if not competition.judging_closed:
        raise errors.JudgingOpen()
    if competition.results_published:
        raise errors.ResultsPublished()
    competition.results_published_at = timezone.now()
    competition.save(update_fields=["results_published_at", "updated_at"])
    winners = (
        EntryMember.objects.for_community(community)
        .filter(event=event, entry__rank__lte=AWARD_PLACES)
        .select_related("entry", "membership__user")
        .order_by("entry__rank", "id")
    )
    url = competition_url(event)
    for member in winners:
        Award.objects.create(
            community=community,
            event=event,
            entry=member.entry,
            membership=member.membership,
            rank=member.entry.rank,
        )
        notify(
            community=community,
            recipient=member.membership.user,
            kind="competition.won",
            params={"event": event.title, "place": member.entry.rank, "entry": member.entry.title},
            url=url,
        )
    record(community=community, actor=actor, verb="competition.results_published", target=event)
    return competition


# --- The members' vote ------------------------------------------------------------------------------------


@sequential_on_race  # two votes of one member at once: the rerun answers already_voted
@transaction.atomic
def vote_cast(*, actor, community: Community, event: Event, entry: Entry) -> Vote:
    """One vote per member and competition, never for an entry they are in, while judging is open."""
    membership = ensure_can(actor, "participate", community)
    if membership is None:
        raise errors.VotingClosed()
    competition = competition_for(community=community, event=event)
    if not competition.members_vote or competition.judging_closed or event.status != EventStatus.PUBLISHED:
        raise errors.VotingClosed()
    if is_in_entry(community=community, entry=entry, membership=membership):
        raise errors.OwnEntryVote()
    if Vote.objects.for_community(community).filter(event=event, voter=membership).exists():
        raise errors.AlreadyVoted()
    vote = Vote.objects.create(community=community, event=event, entry=entry, voter=membership)
    Entry.objects.for_community(community).filter(pk=entry.pk).update(vote_count=F("vote_count") + 1)
    record(community=community, actor=actor, verb="entry.voted", target=entry)
    return vote
