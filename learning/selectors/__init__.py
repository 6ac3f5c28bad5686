"""Learning selectors, one module per sub-domain (paths, resources, mentoring)."""
