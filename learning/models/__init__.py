"""Learning models, one module per sub-domain (paths and progress, the resource library, mentoring).

Each sub-domain's module adds its import line here and its names to `__all__`."""

from learning.models.resources import (
    FeaturedItem,
    FeaturedList,
    Resource,
    ResourceCost,
    ResourceKind,
    ResourceRating,
)

__all__: list[str] = [
    "FeaturedItem",
    "FeaturedList",
    "Resource",
    "ResourceCost",
    "ResourceKind",
    "ResourceRating",
]
