"""Learning forms, one module per sub-domain (paths and progress, the resource library, mentoring)."""
