"""Events API serializers, one module per sub-domain: input and output kept apart."""
