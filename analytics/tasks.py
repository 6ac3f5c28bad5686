"""Scheduled rollups. Each is one SQL statement and idempotent: a rerun gives the same rows."""

from datetime import timedelta

from celery import shared_task
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from analytics.models import ActivityEvent
from communities.models import Community

ACTIVITY_WINDOW = timedelta(days=30)


@shared_task
def refresh_community_activity() -> int:
    """Set every community's activity_score to its number of events in the last 30 days."""
    since = timezone.now() - ACTIVITY_WINDOW
    recent = (
        ActivityEvent.objects.filter(community=OuterRef("pk"), occurred_at__gte=since)
        .order_by()
        .values("community")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Community.objects.update(
        activity_score=Coalesce(Subquery(recent, output_field=IntegerField()), Value(0))
    )
