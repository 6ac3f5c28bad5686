"""Content serializers, one module per sub-domain."""
