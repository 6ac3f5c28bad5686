"""The tenant keys in the database: what a distributed PostgreSQL (Citus, distributed by `community_id`)
needs of every tenant table, derived from the models' metadata.

Every concrete TenantModel gets, through its metaclass (`declare_tenant_keys`):

- `TenantPrimaryKey`: the table's primary key becomes `(id, community_id)` on PostgreSQL. Django keeps
  `id` as the model's primary key (ids stay unique: they come from one sequence per table); the
  database key carries the distribution column, which Citus requires of every primary key. `id` leads
  because Django saves, deletes and refreshes a row by `id` alone: the key's index serves those lookups
  on plain PostgreSQL and inside each shard.
- one `TenantForeignKey` per foreign key to another tenant model: `(community_id, x_id)` references
  `(community_id, id)`, so a row can never point at another community's row, and Citus can keep both
  rows on the same shard. Django's own single-column constraint on `x_id` is switched off
  (`db_constraint=False`): it needs a unique index on `id` alone, which Citus refuses.

They are model constraints, so `makemigrations` writes them (`AddConstraint`, or inside `CreateModel`) as
soon as a tenant model or a foreign key between tenant models appears, and `makemigrations --check` fails
until the migration exists. On other databases (SQLite) they emit nothing and the schema is Django's own.
"""

import hashlib
from functools import partial

from django.db.models import BaseConstraint
from django.db.models.fields.related import lazy_related_operation

POSTGRES_MAX_NAME_LENGTH = 63


def _is_postgresql(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def constraint_name(*parts: str, suffix: str) -> str:
    """`<parts>_<suffix>`, shortened with a digest to fit PostgreSQL's 63-character names."""
    name = "_".join([*parts, suffix])
    if len(name) <= POSTGRES_MAX_NAME_LENGTH:
        return name
    digest = hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{name[: POSTGRES_MAX_NAME_LENGTH - len(suffix) - 10]}_{digest}_{suffix}"


class _DatabaseOnlyConstraint(BaseConstraint):
    """A constraint the database enforces; Django's model validation has nothing to check for it."""

    def validate(self, model, instance, exclude=None, using=None):
        return None

    def __eq__(self, other):
        return isinstance(other, type(self)) and self.deconstruct() == other.deconstruct()

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return f"<{type(self).__name__}: name={self.name!r}>"


def _distributed_tenant_table(schema_editor, table: str) -> str | None:
    """On a database Citus has already distributed: a distributed table to colocate `table` with, unless
    `table` is distributed already. None on plain PostgreSQL and on a Citus database not yet distributed
    (`manage.py distribute` does that)."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return None
        cursor.execute(
            "SELECT logicalrelid::regclass::text FROM pg_dist_partition WHERE partmethod = 'h' "
            "AND NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass(%s)) "
            "ORDER BY 1 LIMIT 1",
            [table],
        )
        row = cursor.fetchone()
    return row[0] if row else None


class TenantPrimaryKey(_DatabaseOnlyConstraint):
    """The primary key `(id, community_id)` of a tenant table (PostgreSQL only).

    On a database Citus has already distributed, a new tenant table is distributed right after its key
    is in place, colocated with the others, and before any foreign key: Citus refuses a foreign key from
    a local table to a distributed one, and a local table that references a reference table (the
    communities) can no longer be distributed.
    """

    def columns(self, model) -> tuple[str, str]:
        return model._meta.pk.column, model._meta.get_field("community").column

    def _swap_sql(self, model, schema_editor, *, drop: str, columns) -> str:
        quote = schema_editor.quote_name
        return "ALTER TABLE {} DROP CONSTRAINT {}, ADD CONSTRAINT {} PRIMARY KEY ({})".format(
            quote(model._meta.db_table), quote(drop), quote(self.name), ", ".join(map(quote, columns))
        )

    def _key_sql(self, model, schema_editor, *, drop: str) -> list[str]:
        statements = [self._swap_sql(model, schema_editor, drop=drop, columns=self.columns(model))]
        colocate_with = _distributed_tenant_table(schema_editor, model._meta.db_table)
        if colocate_with:
            # The new table's shards get foreign keys to a reference table in this same transaction:
            # Citus then needs one connection per node from here on.
            statements.append("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'")
            statements.append(
                "SELECT create_distributed_table({}, {}, colocate_with => {})".format(
                    *map(
                        schema_editor.quote_value,
                        (model._meta.db_table, self.columns(model)[1], colocate_with),
                    )
                )
            )
        return statements

    def constraint_sql(self, model, schema_editor):
        """In CREATE TABLE the column's own PRIMARY KEY is already there (PostgreSQL names it
        `<table>_pkey`): the key is swapped right after the table exists, before any foreign key."""
        if _is_postgresql(schema_editor):
            default_name = f"{model._meta.db_table[: POSTGRES_MAX_NAME_LENGTH - 5]}_pkey"
            schema_editor.deferred_sql[0:0] = self._key_sql(model, schema_editor, drop=default_name)
        return None

    def create_sql(self, model, schema_editor):
        if not _is_postgresql(schema_editor):
            return None
        (current,) = schema_editor._constraint_names(model, primary_key=True)
        return "; ".join(self._key_sql(model, schema_editor, drop=current))

    def remove_sql(self, model, schema_editor):
        if not _is_postgresql(schema_editor):
            return None
        return self._swap_sql(model, schema_editor, drop=self.name, columns=[model._meta.pk.column])


class TenantForeignKey(_DatabaseOnlyConstraint):
    """`(community_id, <field>_id)` references `(community_id, id)` of the field's tenant model
    (PostgreSQL only), deferred to the end of the transaction like Django's own foreign keys."""

    def __init__(self, *, field: str, name: str, **kwargs):
        self.field = field
        super().__init__(name=name, **kwargs)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        return path, args, {**kwargs, "field": self.field}

    def _add_sql(self, model, schema_editor) -> str:
        quote = schema_editor.quote_name
        field = model._meta.get_field(self.field)
        target = field.related_model._meta
        return (
            "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}, {}) REFERENCES {} ({}, {}) "
            "DEFERRABLE INITIALLY DEFERRED"
        ).format(
            quote(model._meta.db_table),
            quote(self.name),
            quote(model._meta.get_field("community").column),
            quote(field.column),
            quote(target.db_table),
            quote(target.get_field("community").column),
            quote(field.target_field.column),
        )

    def constraint_sql(self, model, schema_editor):
        return self.create_sql(model, schema_editor)

    def create_sql(self, model, schema_editor):
        """Added at the end of the migration, after every primary key it may reference is in place."""
        if _is_postgresql(schema_editor):
            schema_editor.deferred_sql.append(self._add_sql(model, schema_editor))
        return None

    def remove_sql(self, model, schema_editor):
        if not _is_postgresql(schema_editor):
            return None
        quote = schema_editor.quote_name
        return f"ALTER TABLE {quote(model._meta.db_table)} DROP CONSTRAINT {quote(self.name)}"


def _add_foreign_key(model, constraint: "TenantForeignKey") -> None:
    """Append to the model's constraints (a list of its own, foreign keys kept in name order whatever order
    the related models load in) and mark them declared, so the migration state picks them up."""
    opts = model._meta
    others = [c for c in opts.constraints if not isinstance(c, TenantForeignKey)]
    foreign_keys = [c for c in opts.constraints if isinstance(c, TenantForeignKey)]
    opts.constraints = [*others, *sorted([*foreign_keys, constraint], key=lambda c: c.name)]
    opts.original_attrs["constraints"] = opts.constraints


def _tenant_foreign_key(model, related_model, *, field, tenant_metaclass) -> None:
    if not isinstance(related_model, tenant_metaclass):
        return
    field.db_constraint = False
    name = constraint_name(model._meta.db_table, field.column, suffix="tenant_fk")
    _add_foreign_key(model, TenantForeignKey(field=field.name, name=name))


def declare_tenant_keys(model, *, tenant_metaclass) -> None:
    """Give a concrete tenant model its primary key and, once each related model is loaded, a composite
    foreign key for every foreign key to another tenant model (a model built by `tenant_metaclass`)."""
    opts = model._meta
    if opts.abstract or opts.proxy:
        return
    opts.constraints = [
        *opts.constraints,
        TenantPrimaryKey(name=constraint_name(opts.db_table, suffix="pkey")),
    ]
    opts.original_attrs["constraints"] = opts.constraints
    for field in opts.local_fields:
        if field.many_to_one and field.name != "community":
            lazy_related_operation(
                partial(_tenant_foreign_key, field=field, tenant_metaclass=tenant_metaclass),
                model,
                field.remote_field.model,
            )
