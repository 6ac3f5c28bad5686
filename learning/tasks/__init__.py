"""Celery tasks of learning, one module per sub-domain (imported here so the worker finds them)."""

from learning.tasks import resources  # noqa: F401
