"""Celery tasks of content, one module per sub-domain (imported here so the worker finds them)."""

from content.tasks import follows, posts, sessions  # noqa: F401
