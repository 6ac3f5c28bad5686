"""The one door into analytics for other apps: `record` a participation."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from analytics.models import ActivityEvent


def record(
    *, community, actor, verb: str, target=None, data: dict | None = None, occurred_at=None
) -> ActivityEvent:
    """Append one ActivityEvent. Call it inside the service's transaction so both commit together."""
    return ActivityEvent.objects.create(
        community=community,
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
        occurred_at=occurred_at or timezone.now(),
    )
