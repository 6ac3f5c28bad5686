"""Django admin of content, one module per sub-domain."""

from content.admin import discussions, posts, questions, sessions  # noqa: F401
