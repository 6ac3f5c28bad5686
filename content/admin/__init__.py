"""Django admin of content, one module per sub-domain."""

from content.admin import conversations, discussions, posts, questions, sessions  # noqa: F401
