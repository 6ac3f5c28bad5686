"""Django admin of content, one module per sub-domain."""

from content.admin import questions  # noqa: F401
