"""Judging (decision 0028): each judge scores every criterion of an entry from 0 to 10, blind to the
other judges, and may revise their scores until the operators close judging; a judge never scores an
entry they are in (`conflict_of_interest`). Closing judging locks the competition row and stores each
entry's judges' score (the weighted average of all its scores: sum(score * weight) / sum(weight), one
GROUP BY) and its place (ties share a place). Until the results are published, the operators may reopen
judging (decision 0030): the stored places are cleared and the judges revise their scores again."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from communities.races import sequential_on_race
from events.errors import competitions as errors
from events.models import Competition, Criterion, Entry, Event, Judge, Score
from events.models.competitions import COMMENT_MAX, SCORE_MAX, SCORE_MIN
from events.selectors.competitions import criterion_list, is_in_entry, judge_of
from events.services.competitions.common import MANAGE, competition_url, locked

PLACES = Decimal("0.001")


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
    """A judge scores (or re-scores) one entry in the competition on every criterion, while judging is
    open (again, after the operators reopen it)."""
    membership = ensure_can(actor, "participate", community)
    judge = judge_of(community=community, event=event, membership=membership)
    if judge is None:
        raise errors.NotAJudge()
    if is_in_entry(community=community, entry=entry, membership=membership):
        raise errors.ConflictOfInterest()
    if locked(community, event).judging_closed:
        raise errors.JudgingClosed()
    if Entry.objects.for_community(community).filter(pk=entry.pk, withdrawn_at__isnull=False).exists():
        raise errors.EntryWithdrawn()  # read under the competition's lock, which withdrawals take too
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


def _standings(community: Community, event: Event) -> dict[int, Decimal]:
    """Each scored entry's weighted average, in one GROUP BY (withdrawn entries' scores stay, unused)."""
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


def store_places(community: Community, event: Event) -> None:
    """Store every entry's judges' score and place from the scores: ties share a place; unscored and
    withdrawn entries get none. Run at closing, and again when an entry is withdrawn after it (the scores
    are frozen meanwhile, so the others keep their scores and close the gap)."""
    standings = _standings(community, event)
    entries = list(Entry.objects.for_community(community).filter(event=event).order_by("id"))
    ranked = [e for e in entries if e.pk in standings and not e.is_withdrawn]
    ordered = sorted(ranked, key=lambda e: -standings[e.pk])
    place, previous = 0, None
    for index, entry in enumerate(ordered, start=1):
        if standings[entry.pk] != previous:
            place, previous = index, standings[entry.pk]
        entry.judge_score, entry.rank = standings[entry.pk], place
    placed = {entry.pk for entry in ordered}
    for entry in entries:
        if entry.pk not in placed:
            entry.judge_score, entry.rank = None, None
    Entry.objects.bulk_update(entries, ["judge_score", "rank"])


@transaction.atomic
def judging_close(*, actor, community: Community, event: Event) -> Competition:
    """Close judging: store every entry's judges' score and place. Scores, judges and criteria are frozen
    from now on (until the operators reopen judging)."""
    ensure_can(actor, MANAGE, community)
    competition = locked(community, event)
    if competition.judging_closed:
        raise errors.JudgingClosed()
    store_places(community, event)
    competition.judging_closed_at = timezone.now()
    competition.save(update_fields=["judging_closed_at", "updated_at"])
    record(community=community, actor=actor, verb="competition.judging_closed", target=event)
    return competition


@transaction.atomic
def judging_reopen(*, actor, community: Community, event: Event) -> Competition:
    """Reopen judging after it was closed and before the results are published (a judge's mistake): the
    stored scores and places are cleared, judges may revise their scores again, and they are told.
    Published results are final (`results_published`, decision 0030)."""
    ensure_can(actor, MANAGE, community)
    competition = locked(community, event)
    if competition.results_published:
        raise errors.ResultsPublished(errors.REOPEN_AFTER_RESULTS)
    if not competition.judging_closed:
        raise errors.JudgingNotClosed()
    Entry.objects.for_community(community).filter(event=event).update(judge_score=None, rank=None)
    competition.judging_closed_at = None
    competition.save(update_fields=["judging_closed_at", "updated_at"])
    record(community=community, actor=actor, verb="competition.judging_reopened", target=event)
    url = competition_url(event)
    for judge in (
        Judge.objects.for_community(community).filter(event=event).select_related("membership__user")
    ):
        notify(
            community=community,
            recipient=judge.membership.user,
            kind="competition.judging_reopened",
            params={"event": event.title},
            url=url,
        )
    return competition
