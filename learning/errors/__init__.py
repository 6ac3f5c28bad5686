"""Learning errors, one module per sub-domain (paths, resources, mentoring)."""
