"""The content benchmark: search and discussion pages at 100,000 pieces of content, beside the floor.

    python bench/content.py [--items 100000] [--duration 6] [--rounds 2]     (or `make bench-content`)

Seeds its own database (`<name>_content` from --database-url, default
postgres://postgres@127.0.0.1:5432/gh_bench, so gh_bench_content; created when missing, seeded once,
only measured on later runs) with ITEMS pieces of content in one community, half in English and half in
Chinese, indexed for search (bench/content_seed.py). Prints, for each search (common and rare words in
both languages, two words at once), how many entries it finds and its time one request at a time,
in-process (p50/p95); then serves the platform and the framework floor with gunicorn (2 sync workers,
DEBUG off) and loads each page with wrk at 8 connections, interleaved with the floor, and prints
requests per second, p50/p95 latency and the ratio to the floor's requests per second.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench.load import load_python, load_wrk  # noqa: E402
from bench.run import FLOOR, empty_cache, ensure_database, measure, server_env, use_redis  # noqa: E402


def prepare(url: str, items: int) -> dict:
    result = subprocess.run(
        [sys.executable, str(BENCH / "content_prepare.py"), str(items)],
        env=server_env(url),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"seeding failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(info: dict, figures: dict) -> None:
    print(
        f"\n{info['busiest']}: {info['posts']:,} posts, {info['topics']:,} topics with "
        f"{info['replies']:,} replies, {info['entries']:,} search entries "
        f"({info['added']:,} added now); seeded/checked in {info['seconds']} s"
    )
    print("\nsearch, one request at a time, in-process (the API, 20 results a page):")
    print(f"{'search':<24} {'found':>8} {'queries':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for name, timing in info["timings"].items():
        print(
            f"{name:<24} {info['found'][name]:>8,} {info['queries'][name]:>7} "
            f"{timing['p50_ms']:>7.1f} {timing['p95_ms']:>7.1f}"
        )
    floor = figures[FLOOR]["req_s"]
    print("\nunder load (wrk), beside the floor:")
    header = f"{'page':<24} {'queries':>7} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'x floor':>8}"
    header += "  req/s per round"
    print(header)
    print("-" * len(header))
    for name, result in figures.items():
        queries = 1 if name == FLOOR else info["queries"][name]
        errors = f"  {result['errors']} errors" if result["errors"] else ""
        print(
            f"{name:<24} {queries:>7} {result['req_s']:>8.1f} {result['p50_ms']:>7.1f} "
            f"{result['p95_ms']:>7.1f} {result['req_s'] / floor:>8.2f}  {result['rounds_req_s']}{errors}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000, help="posts, topics and replies to seed")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gh_bench"),
    )
    parser.add_argument("--duration", type=int, default=6, help="seconds of load per page and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8121, help="the platform; the floor on port+1")
    parser.add_argument("--logs", default="/tmp", help="directory for the servers' logs")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"))
    args = parser.parse_args()
    if args.items < 100 or args.duration < 1 or args.rounds < 1:
        parser.error("--items must be at least 100, --duration and --rounds at least 1")

    load = load_wrk if shutil.which("wrk") else load_python
    cache = use_redis(args.redis_url)
    print(
        f"load: {'wrk' if load is load_wrk else 'Python threads (wrk is not installed)'}, "
        f"{args.connections} connections, {args.duration} s per page and round, {args.rounds} rounds; "
        f"gunicorn 2 workers, DEBUG off, cache: {cache}; {os.cpu_count()} CPUs; "
        f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}"
    )
    url = args.database_url.rstrip("/") + "_content"
    empty_cache()
    print(f"database: {ensure_database(args.database_url, url)} {url.rpartition('@')[2]}")
    info = prepare(url, args.items)
    [figures] = measure([(info, url)], args, load)
    report(info, figures)


if __name__ == "__main__":
    main()
