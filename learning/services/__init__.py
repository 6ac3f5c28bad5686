"""Learning services, one module per sub-domain (paths, resources, mentoring)."""
