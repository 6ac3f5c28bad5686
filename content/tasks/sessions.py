"""Expert session tasks: ids in, services called, safe to rerun."""

from celery import shared_task

from communities.models import Community
from content.services.sessions import session_remind, sessions_due_for_reminders


@shared_task
def remind_expert_session(community_id: int, session_id: int) -> int:
    """Remind the members of one session (once per member: see `session_remind`)."""
    community = Community.objects.filter(pk=community_id, archived_at__isnull=True).first()
    if community is None:
        return 0
    return session_remind(community=community, session_id=session_id)


@shared_task
def remind_expert_sessions() -> int:
    """Beat entry (every 15 minutes): one reminder task per session starting within the reminder lead."""
    due = sessions_due_for_reminders()
    for community_id, session_id in due:
        remind_expert_session.delay(community_id, session_id)
    return len(due)
