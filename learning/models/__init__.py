"""Learning models, one module per sub-domain (paths and progress, the resource library, mentoring).

Each sub-domain's module adds its import line here and its names to `__all__`."""

__all__: list[str] = []
