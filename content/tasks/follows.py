"""Follow tasks: ids in, services called, safe to rerun."""

from celery import shared_task

from communities.models import Community
from content.services.follows import follow_digest_send, follow_digests_due, followers_notify


def _community(community_id: int) -> Community | None:
    return Community.objects.filter(pk=community_id, archived_at__isnull=True).first()


@shared_task
def notify_topic_followers(community_id: int, reply_id: int) -> int:
    """Tell the followers of one reply's topic (a notice each, or the reply waits for their digest)."""
    community = _community(community_id)
    return followers_notify(community=community, reply_id=reply_id) if community else 0


@shared_task
def send_follow_digest(community_id: int, follow_id: int) -> int:
    community = _community(community_id)
    return follow_digest_send(community=community, follow_id=follow_id) if community else 0


@shared_task
def send_follow_digests() -> int:
    """Beat entry (every 5 minutes): one digest task per follower whose busy window is over."""
    due = follow_digests_due()
    for community_id, follow_id in due:
        send_follow_digest.delay(community_id, follow_id)
    return len(due)
