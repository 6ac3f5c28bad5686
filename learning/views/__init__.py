"""Learning views, one module per sub-domain (paths, resources, mentoring)."""
