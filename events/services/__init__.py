"""Events writes, one module per sub-domain."""
