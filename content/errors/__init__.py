"""Content errors, one module per sub-domain."""
