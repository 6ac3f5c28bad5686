"""Load the busiest pages through gunicorn beside a bare-Django floor, at several platform sizes.

    python bench/run.py [--memberships 18000 100000] [--duration 10] [--rounds 2]   (or `make bench`)
    python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/gh_bench \
        postgres://postgres@127.0.0.1:9700/guildhall --memberships 18000      (PostgreSQL against Citus)

For each size it seeds its own database (`<name>_<memberships>` from --database-url, default
postgres://postgres@127.0.0.1:5432/gh_bench, so gh_bench_18000; created when missing, seeded once and
only measured on later runs), starts two gunicorn servers on 127.0.0.1 (2 sync workers each, DEBUG off):
the platform and the framework floor (bench/floor.py: Django's default middleware and one raw query for
the same 20 membership rows). It then loads the floor and each page in turn with wrk (8 connections,
--duration seconds each), --rounds times, floor and pages interleaved in the one run, as a signed-in
plain member of the busiest community (session cookie for HTML pages, API token for the API). It prints
requests per second, p95 latency and the ratio to the floor's requests per second, with the targets of
docs/scaling.md. Without wrk (`apt-get install wrk`, see bench/setup.sh) a bounded Python load generator
stands in, and says so: its figures are lower than wrk's for both sides.

With several --database-url (plain PostgreSQL and a Citus coordinator, say) it seeds each, serves each
with its own pair of servers (ports --port, --port+1, then --port+2...), loads every page on every
database in turn, interleaved, and ends with a table of every page on every database. A Citus base
database is one with the citus extension and its workers registered; the per-size databases are created
on every node and distributed before seeding.
"""

import argparse
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # run as a script, bench/ alone is on the path

from bench.load import load_python, load_wrk, wait_ready  # noqa: E402

FLOOR = "floor"
# page name -> (kind, minimum ratio to the floor's req/s)
TARGETS = {
    "directory": ("html", 0.25),
    "API community list": ("api", 0.5),
    "member directory": ("html", 0.25),
    "API member list": ("api", 0.5),
    "community home": ("html", 0.25),
}
P95_TARGET_MS = 50.0


def database_url(base: str, memberships: int) -> str:
    """The per-size database: the base URL's database name with the size appended."""
    if base.startswith("sqlite"):
        stem, dot, suffix = base.rpartition(".")
        return f"{stem}_{memberships}.{suffix}" if dot else f"{base}_{memberships}"
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit(parts._replace(path=f"{parts.path}_{memberships}"))


def ensure_database(base: str, url: str) -> str:
    """Create a PostgreSQL database when it does not exist yet (SQLite creates its file itself); return
    what it is. When the base database is a Citus coordinator's (it has the citus extension and workers,
    as `../shared/citus/cluster.sh start` makes it), the new database is created on every node, as the
    Citus test databases are (tests/citus.py), and bench/prepare.py distributes it before seeding."""
    parts = urllib.parse.urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return "SQLite"
    import environ
    import psycopg2

    from tests import citus

    settings = environ.Env.db_url_config(base)
    workers = citus.cluster_workers(settings)
    if workers:
        citus.create_database(settings, workers, parts.path.lstrip("/"), reuse=True)
        return f"Citus ({len(workers)} workers)"

    name = parts.path.lstrip("/")
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return "PostgreSQL"


def use_redis(redis_url: str) -> str:
    """Serve with Redis as the cache when it answers (as in production: sessions, visits and the pages
    kept by version, decision 0018, need one cache for all processes); say which cache is used."""
    parts = urllib.parse.urlsplit(redis_url)
    if not redis_url:
        return "per-process memory (no Redis given)"
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=2).close()
    except OSError:
        return f"per-process memory ({redis_url} does not answer)"
    # Celery tasks run inline: there is no worker, and Redis would otherwise make them queue.
    os.environ.update(REDIS_URL=redis_url, CELERY_TASK_ALWAYS_EAGER="true")
    return f"Redis {redis_url}"


def cache_url(index: int) -> str:
    """The Redis database of the `index`-th database measured (the next lower number for each), so that
    databases measured in one run never serve each other's cached pages: they share ids."""
    parts = urllib.parse.urlsplit(os.environ["REDIS_URL"])
    number = int(parts.path.strip("/") or 0) - index
    return urllib.parse.urlunsplit(parts._replace(path=f"/{number}"))


def empty_cache(index: int = 0) -> None:
    """Empty the benchmark's own Redis database of the `index`-th database before each size."""
    if os.environ.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(cache_url(index)).flushdb()


def server_env(url: str, index: int = 0) -> dict:
    return {
        **os.environ,
        **({"REDIS_URL": cache_url(index)} if os.environ.get("REDIS_URL") else {}),
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback
        "LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore",  # WhiteNoise's "no STATIC_ROOT" warning in every worker
    }


def prepare(url: str, scale: int, index: int = 0) -> dict:
    result = subprocess.run(
        [sys.executable, str(BENCH / "prepare.py"), str(scale)],
        cwd=ROOT,
        env=server_env(url, index),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"seeding failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def start(app: str, port: int, env: dict, log: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), app, "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"]
    with log.open("w") as handle:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


def measure(setups: list[tuple[dict, str]], args, load) -> list[dict]:
    """Load the floor and every page of each (info, database url), interleaved, `args.rounds` times:
    each page on every database in turn before the next page, so that they share the machine's state.
    Return per-target aggregates for each database."""
    logs, servers, targets = Path(args.logs), [], []
    for index, (info, url) in enumerate(setups):
        port = args.port + 2 * index
        app, floor = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"
        mine = {FLOOR: (f"{floor}/floor/{info['busiest']}/", {"Cookie": info["cookie"]})}
        for name, page in info["pages"].items():
            auth = {"Cookie": info["cookie"]} if page["auth"] == "session" else {}
            if page["auth"] == "token":
                auth = {"Authorization": f"Token {info['token']}"}
            mine[name] = (app + page["url"], auth)
        targets.append(mine)
        servers.append(
            start("config.wsgi:application", port, server_env(url), logs / f"bench-app-{index}.log")
        )
        servers.append(
            start(
                "bench.floor_wsgi:application", port + 1, server_env(url), logs / f"bench-floor-{index}.log"
            )
        )
    try:
        for index, mine in enumerate(targets):
            wait_ready(f"http://127.0.0.1:{args.port + 2 * index}/healthz", {})
            for target, headers in mine.values():
                wait_ready(target, headers)
            for target, headers in mine.values():  # warm every worker's caches and connections
                load(target, headers, 1, args.connections)
        runs = [{name: [] for name in mine} for mine in targets]
        for _ in range(args.rounds):
            for name in targets[0]:
                for mine, results in zip(targets, runs, strict=True):
                    results[name].append(load(*mine[name], args.duration, args.connections))
        for mine, results in zip(targets, runs, strict=True):  # the floor at both ends
            results[FLOOR].append(load(*mine[FLOOR], args.duration, args.connections))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    return [
        {
            name: {
                "req_s": sum(run["requests"] for run in results) / sum(run["seconds"] for run in results),
                "p50_ms": statistics.median(run["p50_ms"] for run in results),
                "p95_ms": statistics.median(run["p95_ms"] for run in results),
                "p95_worst_ms": max(run["p95_ms"] for run in results),
                "errors": sum(run["non_2xx"] + run["socket_errors"] for run in results),
                "rounds_req_s": [round(run["requests"] / run["seconds"], 1) for run in results],
            }
            for name, results in by_target.items()
        }
        for by_target in runs
    ]


def report(memberships: int, info: dict, figures: dict, database: str) -> None:
    floor = figures[FLOOR]["req_s"]
    print(
        f"\n{database}: {info['memberships']:,} memberships ({info['communities']} communities, "
        f"{info['accounts']:,} accounts; {info['busiest']} has {info['busiest_members']:,} active members), "
        f"asked for {memberships:,}; seeded/checked in {info['seconds']} s"
    )
    header = (
        f"{'page':<20} {'queries':>7} {'req/s':>8} {'p95 ms':>7} {'worst':>7} {'x floor':>8} "
        f"{'target':>7}  {'verdict':<8} {'req/s per round'}"
    )
    print(header)
    print("-" * len(header))
    for name, result in figures.items():
        if name == FLOOR:
            ratio, target, verdict, queries = 1.0, "", "", 1
        else:
            ratio = result["req_s"] / floor
            minimum = TARGETS[name][1]
            target = f">={minimum}"
            verdict = "ok" if ratio >= minimum and result["p95_ms"] <= P95_TARGET_MS else "MISS"
            queries = info["queries"][name]
        if result["errors"]:
            verdict += f" {result['errors']} errors"
        print(
            f"{name:<20} {queries:>7} {result['req_s']:>8.1f} {result['p95_ms']:>7.1f} "
            f"{result['p95_worst_ms']:>7.1f} {ratio:>8.2f} {target:>7}  {verdict:<8} {result['rounds_req_s']}"
        )


def compare(results: dict, databases: list[str], sizes: list[int]) -> None:
    """Each page on every database at each size: req/s, p95 and the ratio to the first database."""
    first = databases[0]
    for size in sizes:
        print(f"\n{size:,} memberships: req/s (p95 ms), x floor, and req/s against {first}")
        for name in [FLOOR, *TARGETS]:
            cells = []
            for database in databases:
                figures = results[database][size]["figures"]
                page, floor = figures[name], figures[FLOOR]["req_s"]
                base = results[first][size]["figures"][name]["req_s"]
                cells.append(
                    f"{page['req_s']:>7.1f} ({page['p95_ms']:>5.0f}) {page['req_s'] / floor:>4.2f}x "
                    f"{page['req_s'] / base:>4.2f}"
                )
            print(f"{name:<20} " + " | ".join(cells))
        print(f"{'':<20} " + " | ".join(f"{database:<30}" for database in databases))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memberships", type=int, nargs="+", default=[18000, 100000])
    parser.add_argument(
        "--database-url",
        nargs="+",
        default=[os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gh_bench")],
        help="base database(s); with several (plain PostgreSQL and a Citus coordinator) each page is "
        "measured on each, in one run, and compared",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--port", type=int, default=8101, help="the platform; the floor on port+1 (a second database: +2, +3)"
    )
    parser.add_argument("--logs", default="/tmp", help="directory for the servers' logs")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        help="the platform's cache, as in production (REDIS_URL), a Redis database of the benchmark's own: "
        "it is emptied before each size; '' or unreachable: per-process memory",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if min(args.memberships) < 20 or args.duration < 1 or args.rounds < 1:
        parser.error("--memberships must be at least 20, --duration and --rounds at least 1")

    load = load_wrk if shutil.which("wrk") else load_python
    cache = use_redis(args.redis_url)
    print(
        f"load: {'wrk' if load is load_wrk else 'Python threads (wrk is not installed)'}, "
        f"{args.connections} connections, {args.duration} s per page and round, {args.rounds} rounds; "
        f"gunicorn 2 workers, DEBUG off, cache: {cache}; {os.cpu_count()} CPUs; "
        f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}"
    )
    results = {}
    for memberships in args.memberships:
        # seed_demo --scale N seeds N communities of N*20 members: N*N*20 memberships.
        scale = math.ceil(math.sqrt(memberships / 20))
        setups, names = [], []
        for index, base in enumerate(args.database_url):
            empty_cache(index)
            url = database_url(base, memberships)
            kind = ensure_database(base, url)
            names.append(f"{kind} {urllib.parse.urlsplit(url).netloc.rpartition('@')[2]}")
            setups.append((prepare(url, scale, index), url))
        for database, (info, _), figures in zip(names, setups, measure(setups, args, load), strict=True):
            report(memberships, info, figures, database)
            results.setdefault(database, {})[memberships] = {
                "info": {k: v for k, v in info.items() if k not in ("cookie", "token")},
                "figures": figures,
            }
    for database, by_size in results.items():
        if len(args.memberships) > 1:
            small, large = min(args.memberships), max(args.memberships)
            print(f"\n{database}: ratio to the floor, {small:,} -> {large:,} memberships")
            for name in TARGETS:
                before = by_size[small]["figures"][name]["req_s"] / by_size[small]["figures"][FLOOR]["req_s"]
                after = by_size[large]["figures"][name]["req_s"] / by_size[large]["figures"][FLOOR]["req_s"]
                print(f"{name:<20} {before:>6.2f} -> {after:.2f}")
    if len(results) > 1:
        compare(results, list(results), args.memberships)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
