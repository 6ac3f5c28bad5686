"""Content services, one module per sub-domain."""
