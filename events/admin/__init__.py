"""Django admin of events, one module per sub-domain."""

from events.admin import competitions, events  # noqa: F401
