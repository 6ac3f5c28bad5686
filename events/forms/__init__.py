"""Events forms, one module per sub-domain."""
