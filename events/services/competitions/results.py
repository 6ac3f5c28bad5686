"""Publishing a competition's results: the leaderboard stored when judging closed becomes public, and
every member of the entries placed first to third receives an award and a notice in their language."""

from django.db import transaction
from django.utils import timezone

from analytics.services import record
from communities.models import Community
from communities.notifications import notify
from communities.permissions import ensure_can
from events.errors import competitions as errors
from events.models import Award, Competition, EntryMember, Event
from events.models.competitions import AWARD_PLACES
from events.services.competitions.common import MANAGE, competition_url, locked


@transaction.atomic
def results_publish(*, actor, community: Community, event: Event) -> Competition:
    """Publish the leaderboard stored at closing; the members of the entries placed 1st to 3rd receive
    an award (shown on their profiles) and a notice in their language."""
    ensure_can(actor, MANAGE, community)
    competition = locked(community, event)
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
