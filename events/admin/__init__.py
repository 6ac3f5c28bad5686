"""Django admin of events, one module per sub-domain."""

from events.admin import attendance, events  # noqa: F401
