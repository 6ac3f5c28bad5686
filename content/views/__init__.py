"""Content views, one module per sub-domain."""
