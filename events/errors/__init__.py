"""Events errors, one module per sub-domain."""
