"""Reads of competitions: the rules, criteria and judges, entries, a judge's own scores, the leaderboard,
the members' vote and the awards a member holds.

A competition is an event of kind competition that the viewer may see (events.selectors.events); its
entries are read by whoever sees the event. Judging is blind (decision 0028): a judge reads only their
own scores, and nobody reads another judge's; the leaderboard is shown once the operators publish it
(operators see it from the moment judging closes). A held entry (members' reports) is left out, and so
is a withdrawn one (decision 0030) except for the operators and the entry's own members.
"""

from django.db.models import F, Prefetch, QuerySet

from communities.models import Community
from communities.permissions import has_capability
from events.errors import competitions as errors
from events.errors.events import EventNotFound
from events.models import (
    Award,
    Competition,
    Criterion,
    Entry,
    EntryImage,
    EntryMember,
    Event,
    EventKind,
    EventStatus,
    EventVisibility,
    Judge,
    Score,
    Vote,
)
from events.selectors.events import event_get
from members.models import Membership
from members.selectors.moderation import hidden_ids


def competition_event_get(*, community: Community, membership: Membership | None, event_id) -> Event:
    """The competition named in a URL: a missing, hidden or other kind of event is CompetitionNotFound."""
    try:
        event = event_get(community=community, membership=membership, event_id=event_id)
    except EventNotFound as exc:
        raise errors.CompetitionNotFound() from exc
    if event.kind != EventKind.COMPETITION:
        raise errors.CompetitionNotFound()
    return event


def competition_for(*, community: Community, event: Event) -> Competition:
    """The competition's rules, or the defaults unsaved (a read never writes)."""
    return Competition.objects.for_community(community).filter(event=event).first() or Competition(
        community=community, event=event
    )


def criterion_list(*, community: Community, event: Event) -> QuerySet[Criterion]:
    return Criterion.objects.for_community(community).filter(event=event).order_by("position", "id")


def criterion_get(*, community: Community, event: Event, criterion_id) -> Criterion:
    criterion = criterion_list(community=community, event=event).filter(pk=criterion_id).first()
    if criterion is None:
        raise errors.CriterionNotFound()
    return criterion


def judge_list(*, community: Community, event: Event) -> QuerySet[Judge]:
    return (
        Judge.objects.for_community(community)
        .filter(event=event)
        .select_related("membership__user")
        .order_by("membership__sort_name", "id")
    )


def judge_get(*, community: Community, event: Event, judge_id) -> Judge:
    judge = judge_list(community=community, event=event).filter(pk=judge_id).first()
    if judge is None:
        raise errors.JudgeNotFound()
    return judge


def judge_of(*, community: Community, event: Event, membership: Membership | None) -> Judge | None:
    """The viewer's judge row in this competition, if they are an active judge."""
    if membership is None or membership.pk is None or not has_capability(membership, "participate"):
        return None
    return Judge.objects.for_community(community).filter(event=event, membership=membership).first()


def entry_list(
    *, community: Community, event: Event, ranked: bool = False, withdrawn: bool | None = False
) -> QuerySet[Entry]:
    """Entries with their submitter, members and images (three queries whatever the number): in the
    order they came, or by place (`ranked`: unplaced last). `withdrawn`: False (the default) the entries
    in the competition, True the withdrawn ones only (operators), None both."""
    members = EntryMember.objects.for_community(community).select_related("membership__user").order_by("id")
    qs = (
        Entry.objects.for_community(community)
        .filter(event=event)
        .exclude(pk__in=hidden_ids(Entry, community))
        .select_related("submitted_by__user")
        .prefetch_related(
            Prefetch("members", queryset=members),
            Prefetch(
                "images", queryset=EntryImage.objects.for_community(community).order_by("position", "id")
            ),
        )
    )
    if withdrawn is not None:
        qs = qs.filter(withdrawn_at__isnull=not withdrawn)
    if ranked:
        return qs.order_by(F("rank").asc(nulls_last=True), "created_at", "id")
    return qs.order_by("created_at", "id")


def withdrawn_entry_list(*, community: Community, event: Event) -> QuerySet[Entry]:
    """The withdrawn and disqualified entries, most recently withdrawn first (the operators' record)."""
    return entry_list(community=community, event=event, withdrawn=True).order_by("-withdrawn_at", "-id")


def entry_get(*, community: Community, event: Event, entry_id, membership: Membership | None = None) -> Entry:
    """The entry named in a URL. A withdrawn entry is found only by the event operators and the entry's
    own members (`membership`); for anyone else, as for a missing one, EntryNotFound."""
    entry = entry_list(community=community, event=event, withdrawn=None).filter(pk=entry_id).first()
    if entry is None:
        raise errors.EntryNotFound()
    if entry.is_withdrawn and not (
        has_capability(membership, "manage_events")
        or is_in_entry(community=community, entry=entry, membership=membership)
    ):
        raise errors.EntryNotFound()
    return entry


def my_entry(*, community: Community, event: Event, membership: Membership | None) -> Entry | None:
    """The entry the member is in (as submitter or team member), if any, withdrawn or not."""
    if membership is None or membership.pk is None:
        return None
    row = (
        EntryMember.objects.for_community(community)
        .filter(event=event, membership=membership)
        .values_list("entry_id", flat=True)
        .first()
    )
    if row is None:
        return None
    return entry_list(community=community, event=event, withdrawn=None).filter(pk=row).first()


def is_in_entry(*, community: Community, entry: Entry, membership: Membership | None) -> bool:
    if membership is None or membership.pk is None:
        return False
    return EntryMember.objects.for_community(community).filter(entry=entry, membership=membership).exists()


def score_list(
    *, community: Community, event: Event, judge: Judge, entry: Entry | None = None
) -> QuerySet[Score]:
    """One judge's own scores (never another judge's), by entry and criterion order."""
    qs = (
        Score.objects.for_community(community)
        .filter(event=event, judge=judge)
        .select_related("criterion")
        .order_by("entry_id", "criterion__position", "criterion_id")
    )
    return qs.filter(entry=entry) if entry is not None else qs


def scored_entry_ids(*, community: Community, event: Event, judge: Judge) -> set[int]:
    """The entries this judge has scored (for the judge's checklist)."""
    return set(
        Score.objects.for_community(community)
        .filter(event=event, judge=judge, entry__withdrawn_at__isnull=True)
        .values_list("entry_id", flat=True)
        .distinct()
    )


def may_see_results(*, competition: Competition, membership: Membership | None) -> bool:
    """Published results are for everyone who sees the event; operators see them once judging closes."""
    if competition.results_published:
        return True
    return competition.judging_closed and has_capability(membership, "manage_events")


def leaderboard(
    *, community: Community, event: Event, competition: Competition, membership
) -> QuerySet[Entry]:
    """The ranked entries when the viewer may see the results, else none."""
    if not may_see_results(competition=competition, membership=membership):
        return Entry.objects.none()
    return entry_list(community=community, event=event, ranked=True).filter(rank__isnull=False)


def my_vote(*, community: Community, event: Event, membership: Membership | None) -> Vote | None:
    if membership is None or membership.pk is None:
        return None
    return Vote.objects.for_community(community).filter(event=event, voter=membership).first()


def award_list(*, community: Community, membership: Membership, viewer: Membership | None) -> QuerySet[Award]:
    """A member's awards, newest first, with their event (one query): the profile's "Awards". A viewer who
    may not read members-only events (an anonymous visitor) sees the awards of public events only."""
    qs = (
        Award.objects.for_community(community)
        .filter(membership=membership, event__status=EventStatus.PUBLISHED)
        .select_related("event", "entry")
        .order_by("-created_at", "rank", "id")
    )
    return qs if has_capability(viewer, "view") else qs.filter(event__visibility=EventVisibility.PUBLIC)
