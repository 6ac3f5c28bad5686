"""Seed Guildhall at a given scale, then time the busiest read paths with the Django test client.

    python bench/run.py [--scale N] [--requests 50]      (or `make bench SCALE=N`)

Without DATABASE_URL the data goes into its own SQLite file in the temporary directory (kept between
runs: seeding is idempotent, so a rerun at the same scale only measures). With DATABASE_URL it seeds and
measures that database. `--scale N` means N benchmark communities of N*20 members each, plus the demo
world. Prints, for each page, the median and 95th percentile latency and the number of SQL queries.
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _configure(scale: int) -> str:
    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.gettempdir()) / f"guildhall-bench-scale-{scale}.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    # Production-like settings, except that the test client speaks plain HTTP.
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    # WhiteNoise warns that collectstatic has not run; the benchmark measures pages, not static files.
    warnings.filterwarnings("ignore", message="No directory at:")
    return os.environ["DATABASE_URL"]


def _measure(client, url: str, requests: int) -> tuple[float, float, int, int]:
    """Median and p95 in milliseconds, the query count of one request, and the status code."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm caches, connections and template loaders
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    query_count = len(queries)  # read now: the next request resets the connection's query log
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[18]
    return statistics.median(timings), p95, query_count, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="benchmark communities (N*20 members each)")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    args = parser.parse_args()
    if args.scale < 1 or args.requests < 2:
        parser.error("--scale must be at least 1 and --requests at least 2")
    database = _configure(args.scale)

    import django

    django.setup()
    # The refusals measured for anonymous callers would each log a warning line.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from communities.models import Community
    from members.models import Membership

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", scale=args.scale, verbosity=0)
    seeded_in = time.perf_counter() - started

    busiest = Community.objects.filter(slug__startswith="bench-").order_by("slug").first()
    member = User.objects.get(username=f"{busiest.slug}-1")
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(member)
    pages = [
        ("directory", reverse("communities:directory")),
        ("API community list", reverse("api:community-list")),
        ("community home", reverse("communities:home", kwargs={"slug": busiest.slug})),
        # Members only: anonymous callers get the refusal (302 to login, 401), which is measured too.
        ("member directory", reverse("members:directory", kwargs={"slug": busiest.slug})),
        ("API member list", reverse("api:member-list", kwargs={"community_slug": busiest.slug})),
    ]

    print(f"database: {database.split('@')[-1]}")
    print(
        f"scale {args.scale}: {Community.objects.count()} communities, {User.objects.count()} accounts, "
        f"{Membership.objects.count()} memberships; seeded/checked in {seeded_in:.1f} s; "
        f"{args.requests} requests per row"
    )
    header = f"{'page':<22} {'visitor':<10} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for name, url in pages:
        for who, client in (("anonymous", anonymous), ("member", signed_in)):
            median, p95, queries, status = _measure(client, url, args.requests)
            print(f"{name:<22} {who:<10} {status:>6} {median:>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
