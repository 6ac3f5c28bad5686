"""Events reads, one module per sub-domain."""
