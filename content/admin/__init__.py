"""Django admin of content, one module per sub-domain."""

from content.admin import posts, questions, sessions  # noqa: F401
