"""Joins between tenant tables carry the community, so that a distributed database runs them on one shard.

Citus distributes every tenant table by `community_id` (docs/scaling.md). It runs a query that joins two
tenant tables only when they are joined on that column as well; `membership.join_link_id = joinlink.id`
alone is refused ("complex joins are only supported when all distributed tables are co-located and
joined on their distribution columns"). The rows of a join always share their community (services make
sure of it, and the tenant foreign keys of communities.schema make the database refuse anything else),
so adding `AND joinlink.community_id = membership.community_id` to the join changes no result anywhere.

`same_community_joins()` (called once from `CommunitiesConfig.ready`) adds that condition to every
foreign key from one tenant model to another, found from the models' metadata: Django then writes it
into every join through the relation, in both directions (`select_related`, filters and annotations
across relations, reverse lookups), so no call site has to remember it and a new tenant model is covered
as soon as it exists. What a join cannot carry (correlated subqueries, `select_for_update`, prefetches)
starts from `TenantQuerySet.for_community`; the reads that cross communities on purpose are named in
`communities.crossing`.
"""

from functools import partial

from django.apps import apps
from django.db.models import Field
from django.db.models.lookups import Exact
from django.db.models.sql.where import AND, WhereNode


def _same_community(field: Field, alias: str | None, related_alias: str | None) -> WhereNode | None:
    """The join condition `<alias>.community_id = <related_alias>.community_id` for `field`'s join.

    Django passes the related model's alias first, then the model's (swapped by the reverse relation);
    `alias` is None when it only needs the condition for a subquery it trims to one table.
    """
    if alias is None or related_alias is None:
        return None
    remote = field.related_model._meta.get_field("community").get_col(alias)
    local = field.model._meta.get_field("community").get_col(related_alias)
    return WhereNode([Exact(remote, local)], connector=AND)


def tenant_relations():
    """Every concrete foreign key (one-to-one included) from a tenant model to another tenant model."""
    from communities.models import TenantModel

    for model in apps.get_models():
        if not issubclass(model, TenantModel):
            continue
        for field in model._meta.concrete_fields:
            if (
                field.is_relation
                and field.name != "community"
                and isinstance(field.related_model, type)
                and issubclass(field.related_model, TenantModel)
            ):
                yield field


def same_community_joins() -> None:
    """Make every join through a tenant-to-tenant foreign key also join on `community_id`."""
    for field in tenant_relations():
        field.get_extra_restriction = partial(_same_community, field)
