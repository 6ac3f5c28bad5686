"""Celery tasks of posts."""

from celery import shared_task

from content.services.posts import publish_due_posts


@shared_task
def publish_scheduled_posts() -> int:
    """Beat, every minute: publish the scheduled posts whose time has come (idempotent)."""
    return publish_due_posts()
