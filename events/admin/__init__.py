"""Django admin of events, one module per sub-domain."""

from events.admin import events  # noqa: F401
