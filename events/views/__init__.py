"""Events HTML views, one module per sub-domain."""
