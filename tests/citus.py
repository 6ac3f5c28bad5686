"""Databases on a Citus cluster, for the tests (`make test-citus`) and the benchmark (docs/scaling.md).

A Citus database is more than a database on the coordinator: the same database must exist on every
worker with the extension, and the coordinator must know its workers from inside that database (Citus
keeps its node list per database). pytest-django creates `test_<name>` (and `_gw0`, `_gw1`... with
xdist) on the coordinator only, so `tests/conftest.py` prepares each test database here first, lets
Django keep it (`keepdb`) and migrate it, then distributes it with `manage.py distribute`.
bench/run.py creates its per-size databases the same way.

The suite runs on Citus whenever `DATABASE_URL` names a database that has the citus extension (the one
`../shared/citus/cluster.sh start` creates): its workers are read from that database's node list, so
the test databases go to the same nodes. Any other database (SQLite, plain PostgreSQL) is left to
pytest-django as before.
"""

from contextlib import closing, contextmanager

import psycopg2
from psycopg2 import sql

# Shards per distributed table in test databases: Citus's default (32) multiplies the DDL, the
# distribution and every multi-shard statement by eight for no benefit on two local workers.
TEST_SHARD_COUNT = 4

# What the platform's database needs on Citus (docs/scaling.md): a transaction that read several shards
# and then writes a reference table (an account, a community) must have used one connection per worker,
# or Citus refuses the write ("cannot modify table ... because there was a parallel operation").
DATABASE_SETTINGS = {"citus.multi_shard_modify_mode": "sequential"}
CLUSTER_LOCK = 7_202_611  # an arbitrary advisory lock key, taken on the coordinator's `postgres` database


def _connect(settings: dict, *, host: str | None = None, port: int | None = None, dbname: str):
    connection = psycopg2.connect(
        host=host or settings.get("HOST") or "localhost",
        port=port or settings.get("PORT") or 5432,
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        dbname=dbname,
    )
    connection.autocommit = True
    return connection


def cluster_workers(settings: dict) -> list[tuple[str, int]]:
    """The active primary workers of the Citus database named by `settings`; [] when it is not one."""
    if not settings.get("ENGINE", "").endswith("postgresql"):  # Django's backend, or the project's own
        return []
    try:
        connection = _connect(settings, dbname=settings["NAME"])
    except psycopg2.OperationalError:  # no such database: Django's test set-up starts from `postgres`
        return []
    with closing(connection), connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
        if cursor.fetchone() is None:
            return []
        cursor.execute(
            "SELECT nodename, nodeport FROM pg_dist_node"
            " WHERE groupid <> 0 AND isactive AND noderole = 'primary' ORDER BY nodeport"
        )
        return cursor.fetchall()


def test_database_name(settings: dict) -> str:
    """The test database's name as Django derives it (pytest-django sets it with xdist)."""
    return settings.get("TEST", {}).get("NAME") or f"test_{settings['NAME']}"


def _recreate(connection, name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _exists(connection, name: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


@contextmanager
def cluster_lock(settings: dict):
    """Hold a lock on the coordinator while one process changes the cluster's databases.

    Parallel test processes (xdist) preparing their databases at once on the same servers collide in
    Citus's node activation ("tuple concurrently updated" on a worker, then "failure on connection
    marked as essential"): creating, registering and distributing go one database at a time.
    """
    with closing(_connect(settings, dbname="postgres")) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [CLUSTER_LOCK])
        try:
            yield
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [CLUSTER_LOCK])


def create_database(
    settings: dict, workers: list[tuple[str, int]], name: str, *, reuse: bool, shard_count: int | None = None
) -> None:
    """Create database `name` on the coordinator of `settings` and on `workers` (dropping it first).

    Each node gets the extension; the coordinator's copy registers itself and the workers, and gets
    `DATABASE_SETTINGS` (and `shard_count` as its shard count, when given). With `reuse` an existing
    database is kept as it is.
    """
    with closing(_connect(settings, dbname="postgres")) as coordinator:
        if reuse and _exists(coordinator, name):
            return
        for host, port in workers:
            with closing(_connect(settings, host=host, port=port, dbname="postgres")) as worker:
                _recreate(worker, name)
            with closing(_connect(settings, host=host, port=port, dbname=name)) as worker:
                worker.cursor().execute("CREATE EXTENSION citus")
        _recreate(coordinator, name)
        settings_of_database = {
            **DATABASE_SETTINGS,
            **({"citus.shard_count": shard_count} if shard_count else {}),
        }
        for setting, value in settings_of_database.items():
            coordinator.cursor().execute(
                sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                    sql.Identifier(name), sql.SQL(setting), sql.Literal(value)
                )
            )
    with closing(_connect(settings, dbname=name)) as database, database.cursor() as cursor:
        cursor.execute("CREATE EXTENSION citus")
        cursor.execute(
            "SELECT citus_set_coordinator_host(%s, %s)",
            [settings.get("HOST") or "localhost", int(settings.get("PORT") or 5432)],
        )
        for host, port in workers:
            cursor.execute("SELECT citus_add_node(%s, %s)", [host, port])


def drop_database(settings: dict, workers: list[tuple[str, int]], name: str) -> None:
    """Drop database `name` on the coordinator of `settings` and on every worker."""
    query = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with closing(_connect(settings, dbname="postgres")) as coordinator:
        coordinator.cursor().execute(query)
    for host, port in workers:
        with closing(_connect(settings, host=host, port=port, dbname="postgres")) as worker:
            worker.cursor().execute(query)
