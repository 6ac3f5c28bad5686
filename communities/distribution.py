"""Turning a migrated database on a Citus coordinator into a distributed one (`manage.py distribute`).

The tables come from the model registry: every concrete TenantModel is distributed by `community_id`,
all in one colocation group (a community's rows of every table live on the same node, so a query that
filters or joins by the community runs on one shard); every other model's table (accounts, the
communities themselves, sessions, content types, permissions, allauth...) is a reference table, copied
to every node. It all happens in one transaction, and a table already in place is left alone, so a second
run does nothing and a failed run changes nothing.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor

from communities.models import TenantModelBase

DISTRIBUTION_COLUMN = "community_id"
REFERENCE = "reference"
DISTRIBUTED = "distributed"


class NotDistributable(Exception):
    """The database cannot be distributed as it stands (not Citus, not migrated, keys missing)."""


@dataclass(frozen=True)
class TableOutcome:
    table: str
    kind: str  # REFERENCE or DISTRIBUTED
    done: bool  # True: made so by this run; False: it already was


def is_tenant_model(model) -> bool:
    return isinstance(model, TenantModelBase)


def plan() -> list[tuple[str, str]]:
    """(table, kind) of every model's table (auto-created many-to-many tables included), reference tables
    first."""
    tables = {
        model._meta.db_table: DISTRIBUTED if is_tenant_model(model) else REFERENCE
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    }
    return sorted(tables.items(), key=lambda item: (item[1] != REFERENCE, item[0]))


def _citus_tables(cursor) -> dict[str, tuple[str, int]]:
    """{table: (kind, colocation id)} of the tables Citus already manages (not its local tables)."""
    cursor.execute(
        "SELECT logicalrelid::regclass::text, partmethod, repmodel, colocationid FROM pg_dist_partition"
    )
    known = {}
    for table, method, replication, colocation in cursor.fetchall():
        if method == "h":
            known[table] = (DISTRIBUTED, colocation)
        elif method == "n" and replication == "t":
            known[table] = (REFERENCE, colocation)
    return known


def check_distributable(connection) -> None:
    if connection.vendor != "postgresql":
        raise NotDistributable(
            f"This is a {connection.vendor} database; distributing needs Citus on PostgreSQL."
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'citus'")
        if cursor.fetchone() is None:
            raise NotDistributable(
                f"Database {connection.settings_dict['NAME']!r} is not a Citus coordinator: the citus "
                "extension is not installed (CREATE EXTENSION citus, and register the workers)."
            )
        cursor.execute("SELECT citus_is_coordinator()")
        if not cursor.fetchone()[0]:
            raise NotDistributable(
                "This Citus node is not the coordinator: run distribute on the coordinator."
            )
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise NotDistributable("The database has unapplied migrations: run `manage.py migrate` first.")


def _foreign_keys_of(cursor, tables: list[str]) -> list[tuple[str, str, str]]:
    """(table, constraint, definition) of every foreign key declared on `tables`."""
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) ORDER BY 1, 2",
        [tables],
    )
    return cursor.fetchall()


def distribute(using: str = "default") -> list[TableOutcome]:
    """Make every table a reference or a colocated distributed table; return what each one was.

    One transaction. The foreign keys of the tables to convert are set aside first and put back last:
    a local table that references a reference table becomes a Citus-managed local table, which Citus
    cannot distribute while it has an identity column (Django's ids). Citus checks every foreign key as
    it is put back (tenant to tenant on the distribution column, tenant to reference table).
    """
    connection = connections[using]
    check_distributable(connection)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'")
        cursor.execute("SET LOCAL citus.enable_unsafe_triggers TO on")
        known = _citus_tables(cursor)
        tables = plan()
        for table, kind in tables:
            if table in known and known[table][0] != kind:
                raise NotDistributable(f"{table} is already a {known[table][0]} table, expected {kind}.")
        todo = [(table, kind) for table, kind in tables if table not in known]
        foreign_keys = _foreign_keys_of(cursor, [table for table, _ in todo])
        quote = connection.ops.quote_name
        for table, name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        colocate_with = next((t for t, (kind, _) in known.items() if kind == DISTRIBUTED), None)
        for table, kind in todo:
            if kind == REFERENCE:
                cursor.execute("SELECT create_reference_table(%s)", [table])
            else:
                cursor.execute(
                    "SELECT create_distributed_table(%s, %s, colocate_with => %s)",
                    [table, DISTRIBUTION_COLUMN, colocate_with or "default"],
                )
                colocate_with = colocate_with or table
        for table, name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        # The coordinator's own copy of the rows is a leftover now that the shards hold them.
        for table, _ in todo:
            cursor.execute("SELECT truncate_local_data_after_distributing_table(%s)", [table])
    return [TableOutcome(table, kind, done=table not in known) for table, kind in tables]


def colocation_groups(using: str = "default") -> set[int]:
    """The colocation groups of the distributed tenant tables (one when all is well)."""
    with connections[using].cursor() as cursor:
        known = _citus_tables(cursor)
    return {known[table][1] for table, kind in plan() if kind == DISTRIBUTED and table in known}
