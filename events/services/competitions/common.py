"""What the competition services share: the competition row's lock, model validation, the event's page."""

from django.urls import reverse

from communities.models import Community
from events.errors import competitions as errors
from events.errors.events import EventCancelled
from events.models import Competition, Event, EventStatus

MANAGE = "manage_events"


def competition_url(event: Event) -> str:
    return reverse("events:detail", kwargs={"slug": event.community.slug, "event_id": event.pk})


def check(instance, exclude=()) -> None:
    instance.full_clean(
        exclude=["community", "event", *exclude], validate_unique=False, validate_constraints=False
    )


def locked(community: Community, event: Event) -> Competition:
    """The competition's row (created with the defaults when missing), locked for the transaction:
    closing, reopening, publishing, settings, withdrawals and votes' checks of the phase queue on it."""
    Competition.objects.get_or_create(community=community, event=event)
    return Competition.objects.for_community(community).select_for_update().get(event=event)


def ensure_live(event: Event) -> None:
    if event.status == EventStatus.CANCELLED:
        raise EventCancelled()
    if event.status != EventStatus.PUBLISHED:
        raise errors.EntriesClosed()
