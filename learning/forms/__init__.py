"""Learning forms, one module per sub-domain (paths, resources, mentoring)."""
