"""The tenant keys Citus needs (communities.schema), checked where they live: on the PostgreSQL catalogue
of the migrated test database, and for a tenant model that does not exist yet (a new model is covered
without any list being edited: the migration autodetector writes its keys)."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.db.migrations import Migration
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import AddConstraint, CreateModel
from django.db.migrations.state import ModelState
from django.db.models import Count
from django.test.utils import isolate_apps

from communities import distribution
from communities.models import Community, TenantModel
from communities.schema import TenantForeignKey, TenantPrimaryKey, constraint_name
from members.models import Membership
from tests import factories

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the keys are PostgreSQL's")

# Every primary key, unique index and foreign key of the given tables, with their columns in order.
CATALOGUE = """
SELECT c.conrelid::regclass::text, c.conname, c.contype, c.confrelid::regclass::text,
       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, i)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.i),
       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, i)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.i)
FROM pg_constraint c
WHERE c.contype IN ('p', 'f') AND (c.conrelid = ANY(%(tables)s::regclass[])
                                   OR c.confrelid = ANY(%(tables)s::regclass[]))
UNION ALL
SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, 'u', NULL,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY AS k(num, n)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num ORDER BY k.n),
       NULL
FROM pg_index i
WHERE i.indisunique AND NOT i.indisprimary AND i.indrelid = ANY(%(tables)s::regclass[])
"""


def citus_violations(tenant_tables: set[str], global_tables: set[str], column: str = "community_id"):
    """What Citus would refuse when it distributes `tenant_tables` by `column`: a primary key or unique
    index without it, a foreign key between tenant tables without it in the same place on both sides, a
    foreign key from a global table to a tenant table."""
    with connection.cursor() as cursor:
        cursor.execute(CATALOGUE, {"tables": sorted(tenant_tables | global_tables)})
        rows = cursor.fetchall()
    problems = []
    with_primary_key = set()
    for table, name, kind, target, columns, target_columns in rows:
        if table not in tenant_tables:
            if kind == "f" and target in tenant_tables:
                problems.append(f"{table}.{name}: a global table points at tenant table {target}")
            continue
        if kind == "p":
            with_primary_key.add(table)
        if kind in "pu" and column not in columns:
            problems.append(f"{table}.{name}: {columns} without {column}")
        if kind == "f" and target in tenant_tables:
            if column not in columns or column not in target_columns:
                problems.append(f"{table}.{name}: {columns} -> {target} {target_columns} without {column}")
            elif columns.index(column) != target_columns.index(column):
                problems.append(f"{table}.{name}: {column} in another place on each side")
    problems += [f"{table}: no primary key" for table in sorted(tenant_tables - with_primary_key)]
    return problems


def _tables(*, tenant: bool) -> set[str]:
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if issubclass(model, TenantModel) == tenant and model._meta.managed and not model._meta.proxy
    }


@on_postgresql
@pytest.mark.django_db
def test_migrated_schema_is_what_citus_needs():
    tenant_tables = _tables(tenant=True)
    assert len(tenant_tables) >= 23
    assert citus_violations(tenant_tables, _tables(tenant=False)) == []


@on_postgresql
@pytest.mark.django_db
def test_citus_violations_finds_each_kind_of_problem():
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE TABLE probe_global (id bigint PRIMARY KEY, parent_id bigint);
            CREATE TABLE probe_parent (id bigint, community_id bigint, code text,
                                       PRIMARY KEY (id), UNIQUE (code), UNIQUE (community_id, id));
            CREATE TABLE probe_child (
                id bigint, community_id bigint, parent_id bigint, other_id bigint,
                PRIMARY KEY (id, community_id),
                FOREIGN KEY (parent_id) REFERENCES probe_parent (id),
                FOREIGN KEY (community_id, other_id) REFERENCES probe_parent (id, community_id)
            );
            CREATE TABLE probe_bare (id bigint, community_id bigint);
            ALTER TABLE probe_global ADD FOREIGN KEY (parent_id) REFERENCES probe_parent (id);
            """
        )
    problems = citus_violations({"probe_parent", "probe_child", "probe_bare"}, {"probe_global"})
    assert len(problems) == 6, problems
    for expected in (
        "probe_parent.probe_parent_pkey: ['id'] without community_id",
        "probe_parent.probe_parent_code_key: ['code'] without community_id",
        "probe_child.probe_child_parent_id_fkey: ['parent_id'] -> probe_parent ['id'] without community_id",
        "probe_child.probe_child_community_id_other_id_fkey: community_id in another place on each side",
        "probe_global.probe_global_parent_id_fkey: a global table points at tenant table probe_parent",
        "probe_bare: no primary key",
    ):
        assert expected in problems


# --- A tenant model that does not exist yet ----------------------------------------------------------------


def _new_tenant_models():
    """Two tenant models defined in an isolated registry: a shelf, and a book on a shelf of its community."""

    class Shelf(TenantModel):
        name = models.CharField(max_length=20)

        class Meta:
            app_label = "communities"

    class Book(TenantModel):
        shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE)
        title = models.CharField(max_length=20)

        class Meta:
            app_label = "communities"

    return Shelf, Book


def _bookmark_state() -> ModelState:
    """A new tenant model pointing at an existing one (a membership), as the state its migration starts
    from would hold it: its keys as the TenantModel base declares them."""
    return ModelState(
        "communities",
        "Bookmark",
        [
            ("id", models.BigAutoField(primary_key=True)),
            ("community", models.ForeignKey("communities.community", models.CASCADE)),
            ("membership", models.ForeignKey("members.membership", models.CASCADE, db_constraint=False)),
        ],
        {
            "constraints": [
                TenantPrimaryKey(name="communities_bookmark_pkey"),
                TenantForeignKey(field="membership", name="communities_bookmark_membership_id_tenant_fk"),
            ]
        },
    )


def _migration_for(*new_models, states=()):
    """The migration `makemigrations` would write for the new models (and model states), and the state it
    starts from."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    before = loader.project_state()
    after = before.clone()
    for state in [*map(ModelState.from_model, new_models), *states]:
        after.add_model(state)
    changes = MigrationAutodetector(before, after).changes(graph=loader.graph)
    (migration,) = changes["communities"]
    return migration, before


def _constraints_written(operations) -> dict[str, list]:
    """Each new model's constraints, whether written inside its CreateModel or as AddConstraint."""
    written = {}
    for op in operations:
        if isinstance(op, CreateModel):
            written[op.name_lower] = list(op.options.get("constraints", []))
        elif isinstance(op, AddConstraint):
            written[op.model_name_lower].append(op.constraint)
    return written


def _folded(operations):
    """The same operations with every constraint inside its CreateModel (as the optimizer or
    squashmigrations may write them): the keys then come from CREATE TABLE (`constraint_sql`)."""
    written = _constraints_written(operations)
    return [
        CreateModel(op.name, op.fields, {**op.options, "constraints": written[op.name_lower]}, op.bases)
        for op in operations
        if isinstance(op, CreateModel)
    ]


@isolate_apps("communities")
def test_a_new_tenant_model_gets_its_keys_from_its_base_class():
    shelf_model, book_model = _new_tenant_models()
    book = book_model._meta
    assert TenantPrimaryKey(name="communities_shelf_pkey") in shelf_model._meta.constraints
    assert [c for c in book.constraints if isinstance(c, TenantForeignKey)] == [
        TenantForeignKey(field="shelf", name="communities_book_shelf_id_tenant_fk")
    ]
    assert not book.get_field("shelf").db_constraint
    assert book.get_field("community").db_constraint  # the community itself is a reference table


@isolate_apps("communities")
def test_makemigrations_writes_the_keys_of_a_new_tenant_model():
    migration, _ = _migration_for(*_new_tenant_models())
    assert _constraints_written(migration.operations) == {
        "shelf": [TenantPrimaryKey(name="communities_shelf_pkey")],
        "book": [
            TenantPrimaryKey(name="communities_book_pkey"),
            TenantForeignKey(field="shelf", name="communities_book_shelf_id_tenant_fk"),
        ],
    }
    (book,) = [op for op in migration.operations if isinstance(op, CreateModel) and op.name == "Book"]
    assert dict(book.fields)["shelf"].db_constraint is False


@on_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("folded", [False, True], ids=["as-written", "folded-into-create-model"])
@isolate_apps("communities")
def test_the_written_migration_gives_postgresql_the_keys_citus_needs(folded):
    """On plain PostgreSQL, on Citus before `distribute`, and on a distributed Citus database (where the
    new tables are distributed as they are made, so that they may reference the distributed ones)."""
    migration, before = _migration_for(*_new_tenant_models(), states=[_bookmark_state()])
    applied = Migration("9999_probe", "communities")
    applied.operations = _folded(migration.operations) if folded else migration.operations
    with connection.schema_editor() as editor:
        applied.apply(before, editor)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'communities_book'::regclass AND contype IN ('p', 'f') ORDER BY conname"
        )
        keys = dict(cursor.fetchall())
    assert keys["communities_book_pkey"] == "PRIMARY KEY (id, community_id)"
    assert keys["communities_book_shelf_id_tenant_fk"] == (
        "FOREIGN KEY (community_id, shelf_id) REFERENCES communities_shelf(community_id, id) "
        "DEFERRABLE INITIALLY DEFERRED"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conname = 'communities_bookmark_membership_id_tenant_fk'"
        )
        assert cursor.fetchone() == (
            "FOREIGN KEY (community_id, membership_id) REFERENCES members_membership(community_id, id) "
            "DEFERRABLE INITIALLY DEFERRED",
        )
    new_tables = {"communities_shelf", "communities_book", "communities_bookmark"}
    assert citus_violations(_tables(tenant=True) | new_tables, _tables(tenant=False)) == []
    if _is_citus():
        placed = _citus_placement()
        if "members_membership" in placed:  # a distributed database: the new tables joined its group
            assert {placed[table] for table in new_tables} == {placed["members_membership"]}


def test_long_constraint_names_fit_postgresql():
    name = constraint_name(
        "partnerships_partnershipopportunity", "originating_campaign_id", suffix="tenant_fk"
    )
    assert len(name) == 63
    assert name.endswith("_tenant_fk")
    assert name != constraint_name(
        "partnerships_partnershipopportunity", "originating_campaign_ix", suffix="tenant_fk"
    )


# --- manage.py distribute -----------------------------------------------------------------------------------


def _is_citus() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
        return cursor.fetchone() is not None


def _citus_placement() -> dict[str, tuple[str, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT table_name::text, citus_table_type, colocation_id FROM citus_tables")
        return {table: (kind, colocation) for table, kind, colocation in cursor.fetchall()}


def test_distribution_plan_comes_from_the_model_registry():
    planned = dict(distribution.plan())
    for model in apps.get_models(include_auto_created=True):
        expected = distribution.DISTRIBUTED if issubclass(model, TenantModel) else distribution.REFERENCE
        assert planned[model._meta.db_table] == expected
    assert planned["django_session"] == planned["accounts_user_groups"] == distribution.REFERENCE
    assert planned["communities_community"] == distribution.REFERENCE
    assert planned["members_membership"] == distribution.DISTRIBUTED


@pytest.mark.django_db
def test_distribute_refuses_a_database_without_citus():
    if _is_citus():
        pytest.skip("the test database is on Citus")
    with pytest.raises(CommandError, match="Citus"):
        call_command("distribute", stdout=io.StringIO())


@pytest.mark.django_db
def test_distribute_puts_every_table_in_place_then_has_nothing_to_do():
    if not _is_citus():
        pytest.skip("needs a Citus coordinator")
    call_command("distribute", stdout=io.StringIO())
    out = io.StringIO()
    call_command("distribute", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("Nothing to do: every table was already in place.")
    assert all(" already " in line for line in lines[:-1])
    placed = _citus_placement()
    for table, kind in distribution.plan():
        assert placed[table][0] == kind, table
    assert len({colocation for kind, colocation in placed.values() if kind == "distributed"}) == 1


@on_postgresql
@pytest.mark.django_db
def test_counts_over_a_tenant_table_group_by_its_whole_row():
    """PostgreSQL groups by a primary key alone only when it is the table's key: a tenant table's is
    (id, community_id), so Django must not group by `id` alone (communities.backends.postgresql)."""
    member = factories.member(community=factories.CommunityFactory())
    features = connection.features
    assert not features.allows_group_by_selected_pks_on_model(Membership)
    assert features.allows_group_by_selected_pks_on_model(Community)
    counted = Membership.objects.annotate(notes_count=Count("notes")).get(pk=member.pk)
    assert counted.notes_count == 0
