"""Celery tasks of events, one module per sub-domain (imported here so the worker finds them)."""

from events.tasks import attendance  # noqa: F401
