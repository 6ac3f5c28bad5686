"""Entries to a competition: submitted by a member alone or with a team, edited by its members until
the deadline; withdrawn by its members (before the deadline) or disqualified by the operators (until the
results are published, with a reason), the row kept for the record (decision 0030)."""

from django.db import transaction
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can, membership_of
from communities.races import sequential_on_race
from communities.roles import MembershipStatus
from events.errors import competitions as errors
from events.models import Entry, EntryImage, EntryMember, Event, Vote
from events.models.competitions import ENTRY_IMAGES_MAX, REASON_MAX
from events.selectors.competitions import competition_for, is_in_entry
from events.services.competitions.common import MANAGE, check, competition_url, ensure_live, locked
from events.services.competitions.judging import store_places
from members.models import Membership
from members.services.publishing import ensure_may_post


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
    ensure_live(event)
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
    check(entry)
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
    never while judging is closed: the entry judged is the entry shown with its place."""
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
    if entry.is_withdrawn:
        raise errors.EntryWithdrawn()
    entry.title = entry.title if title is None else title.strip()
    entry.link = entry.link if link is None else link.strip()
    entry.description, entry.edited_at = description, timezone.now()
    check(entry)
    entry.save(update_fields=["title", "description", "link", "edited_at", "updated_at"])
    record(community=community, actor=actor, verb="entry.edited", target=entry)
    return entry


def _withdraw(*, actor, community: Community, competition, entry: Entry, disqualified: bool, reason: str):
    """Take the entry out of the competition, keeping its row: out of the lists, the leaderboard (the
    places close up when judging is already closed) and the vote (its votes are removed, so those members
    may vote again). Runs under the competition's lock, then the entry's, like scoring and voting."""
    entry = Entry.objects.for_community(community).select_for_update().get(pk=entry.pk)
    if entry.is_withdrawn:
        raise errors.EntryWithdrawn()
    entry.withdrawn_at, entry.disqualified, entry.withdrawal_reason = timezone.now(), disqualified, reason
    entry.vote_count = 0
    entry.save(
        update_fields=["withdrawn_at", "disqualified", "withdrawal_reason", "vote_count", "updated_at"]
    )
    Vote.objects.for_community(community).filter(entry=entry).delete()
    if competition.judging_closed:
        store_places(community, entry.event)
    else:
        Entry.objects.for_community(community).filter(pk=entry.pk).update(judge_score=None, rank=None)
    verb = "entry.disqualified" if disqualified else "entry.withdrawn"
    record(community=community, actor=actor, verb=verb, target=entry)
    return entry


def _members_to_tell(community: Community, entry: Entry, *, but=None):
    return (
        EntryMember.objects.for_community(community)
        .filter(entry=entry)
        .exclude(membership=but)
        .select_related("membership__user")
        .order_by("id")
    )


@transaction.atomic
def entry_withdraw(*, actor, community: Community, entry: Entry) -> Entry:
    """A member of an entry withdraws it before the deadline; the other members of a team are told.
    Withdrawing is final for this competition: its members stay in it (no new entry), so an entry to
    improve is edited instead."""
    membership = ensure_can(actor, "participate", community)
    event = entry.event
    if not is_in_entry(community=community, entry=entry, membership=membership):
        raise errors.NotInEntry()
    competition = locked(community, event)
    if competition.results_published:  # a deadline set after the results: the awards stand
        raise errors.ResultsPublished(errors.WITHDRAW_AFTER_RESULTS)
    if timezone.now() >= competition.deadline(event):
        raise errors.EntriesClosed()
    entry = _withdraw(
        actor=actor, community=community, competition=competition, entry=entry, disqualified=False, reason=""
    )
    for member in _members_to_tell(community, entry, but=membership):
        notify(
            community=community,
            recipient=member.membership.user,
            kind="competition.entry_withdrawn",
            params={"event": event.title, "entry": entry.title, "member": membership.user.name},
            url=competition_url(event),
        )
    return entry


@transaction.atomic
def entry_disqualify(*, actor, community: Community, entry: Entry, reason: str) -> Entry:
    """The operators withdraw an entry, with a reason its members read in their notice, until the
    results are published (the deadline does not matter)."""
    ensure_can(actor, MANAGE, community)
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_MAX:
        raise errors.WithdrawalInvalid(fields={"reason": [errors.WithdrawalInvalid.message]})
    event = entry.event
    competition = locked(community, event)
    if competition.results_published:
        raise errors.ResultsPublished(errors.WITHDRAW_AFTER_RESULTS)
    entry = _withdraw(
        actor=actor,
        community=community,
        competition=competition,
        entry=entry,
        disqualified=True,
        reason=reason,
    )
    for member in _members_to_tell(community, entry):
        notify(
            community=community,
            recipient=member.membership.user,
            kind="competition.entry_disqualified",
            params={"event": event.title, "entry": entry.title},
            note=reason,
            url=competition_url(event),
        )
    return entry
