"""Django admin of content, one module per sub-domain."""

from content.admin import questions, sessions  # noqa: F401
