"""Shared set-up of the resource library's tests."""

from learning.services import resources as services
from tests import factories


def suggest(community, membership, **fields):
    values = {
        "title": "Understanding Exposure",
        "description": "A classic book on light.",
        "url": "https://example.com/exposure",
        "kind": "book",
        "level": "",
        "cost": "paid",
        "tags": ["Light", "exposure"],
        **fields,
    }
    return services.resource_create(actor=membership.user, community=community, **values)


def library(role_names=("owner", "member", "member", "member")):
    """A community with members of the given roles (in order)."""
    community = factories.CommunityFactory()
    return community, [factories.member(community=community, role=role) for role in role_names]


def resource_ids(community, owner_user, author) -> dict:
    """For the route walks: `author`'s resource in a featured list; the ids that fill the library's URLs."""
    resource = suggest(community, author)
    featured = services.featured_list_create(
        actor=owner_user, community=community, name="Start here", resource_ids=[resource.pk]
    )
    return {"resource_id": resource.pk, "featured_list_id": featured.pk}
