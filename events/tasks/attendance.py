"""Attendance tasks: the reminder before an event and the invitation to give feedback after it. Ids in,
services called, safe to rerun (each member hears once per event and kind: events.services.notices)."""

from celery import shared_task

from communities.models import Community
from events.services.notices import (
    event_invite_feedback,
    event_remind,
    events_due_for_feedback,
    events_due_for_reminders,
)


def _community(community_id: int) -> Community | None:
    return Community.objects.filter(pk=community_id, archived_at__isnull=True).first()


@shared_task
def remind_event(community_id: int, event_id: int) -> int:
    community = _community(community_id)
    return 0 if community is None else event_remind(community=community, event_id=event_id)


@shared_task
def remind_events() -> int:
    """Beat entry (every 15 minutes): one reminder task per event starting within the reminder lead."""
    due = events_due_for_reminders()
    for community_id, event_id in due:
        remind_event.delay(community_id, event_id)
    return len(due)


@shared_task
def invite_event_feedback(community_id: int, event_id: int) -> int:
    community = _community(community_id)
    return 0 if community is None else event_invite_feedback(community=community, event_id=event_id)


@shared_task
def invite_events_feedback() -> int:
    """Beat entry (every 15 minutes): one invitation task per event that ended lately with attendees."""
    due = events_due_for_feedback()
    for community_id, event_id in due:
        invite_event_feedback.delay(community_id, event_id)
    return len(due)
