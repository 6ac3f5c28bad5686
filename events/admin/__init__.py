"""Django admin of events, one module per sub-domain."""

from events.admin import attendance, competitions, events  # noqa: F401
