"""Content forms, one module per sub-domain."""
