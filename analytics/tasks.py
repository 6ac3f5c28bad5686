"""Scheduled rollups: SQL aggregations (GROUP BY in the database), idempotent: a rerun gives the same rows."""

from datetime import timedelta

from celery import shared_task
from django.db.models import Count
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.crossing import community_figures_write, figures_by_community
from communities.versioning import communities_changed

ACTIVITY_WINDOW = timedelta(days=30)


@shared_task
def refresh_community_activity() -> int:
    """Set every community's activity_score to its number of events in the last 30 days: one GROUP BY
    over the recent events, written into the communities that changed (communities.crossing). Returns
    how many communities changed."""
    since = timezone.now() - ACTIVITY_WINDOW
    recent = ActivityEvent.objects.filter(occurred_at__gte=since).values("community").annotate(n=Count("pk"))
    changed = community_figures_write("activity_score", figures_by_community(recent))
    if changed:
        communities_changed()  # the API community list shows the score
    return changed
