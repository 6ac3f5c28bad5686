"""Content models, one module per sub-domain (posts, discussions, questions, sessions, critiques, search)."""
