"""Content selectors, one module per sub-domain."""
