"""The events benchmark: a storm of concurrent registrations through gunicorn, with exact counts.

    python bench/events.py [--members 300] [--places 100] [--concurrency 50]     (or `make bench-events`)

Uses its own database (`<name>_events` from --database-url, default
postgres://postgres@127.0.0.1:5432/gh_bench, so gh_bench_events; created when missing): MEMBERS members
with API tokens (made once), and a fresh event with PLACES places and a waitlist on each run
(bench/events_prepare.py). Serves the platform with gunicorn (2 sync workers, DEBUG off), then every
member registers at once (CONCURRENCY connections in flight, all released together) and it prints the
registrations per second, the answers' status codes, and the event's final counts read from the
database: exactly PLACES confirmed and the rest waitlisted, or it exits with an error.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench.run import empty_cache, ensure_database, server_env, start, use_redis  # noqa: E402


def prepare(env: dict, members: int, places: int) -> dict:
    result = subprocess.run(
        [sys.executable, str(BENCH / "events_prepare.py"), str(members), str(places)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"preparing failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    sys.exit(f"the server on port {port} did not start")


def storm(port: int, path: str, tokens: list[str], concurrency: int) -> tuple[float, dict[int, int]]:
    """Every token registers once, `concurrency` at a time, the first wave released together."""
    barrier = threading.Barrier(min(concurrency, len(tokens)))
    first = threading.local()
    codes: dict[int, int] = {}
    lock = threading.Lock()

    def register(token: str) -> None:
        if not getattr(first, "done", False):
            first.done = True
            barrier.wait()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}",
            data=b"{}",
            method="POST",
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                code = response.status
        except urllib.error.HTTPError as error:
            code = error.code
        with lock:
            codes[code] = codes.get(code, 0) + 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(register, tokens))
    return time.perf_counter() - started, codes


def final_counts(env: dict, event_id: int) -> dict:
    script = (
        "import django, json; django.setup(); from events.models import Event, Registration; "
        f"e = Event.objects.get(pk={event_id}); rows = Registration.objects.filter(event=e); "
        "print(json.dumps({'confirmed_count': e.confirmed_count, 'waitlist_count': e.waitlist_count, "
        "'confirmed_rows': rows.filter(status='confirmed').count(), "
        "'waitlisted_rows': rows.filter(status='waitlisted').count(), 'rows': rows.count()}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gh_bench"),
    )
    parser.add_argument("--port", type=int, default=8131)
    parser.add_argument("--logs", default="/tmp", help="directory for the server's log")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"))
    args = parser.parse_args()
    if min(args.members, args.places, args.concurrency) < 1:
        parser.error("--members, --places and --concurrency must be at least 1")

    cache = use_redis(args.redis_url)
    url = args.database_url.rstrip("/") + "_events"
    empty_cache()
    print(f"database: {ensure_database(args.database_url, url)} {url.rpartition('@')[2]}; cache: {cache}")
    env = {**server_env(url), "API_WRITE_RATE": "100000/min"}
    info = prepare(env, args.members, args.places)
    log = Path(args.logs) / "guildhall-bench-events.log"
    server = start("config.wsgi", args.port, env, log)
    try:
        wait_until_up(args.port)
        seconds, codes = storm(args.port, info["register"], info["tokens"], args.concurrency)
    finally:
        server.terminate()
        server.wait(timeout=30)
    counts = final_counts(env, info["event_id"])
    print(
        f"{len(info['tokens'])} members, {args.places} places, {args.concurrency} in flight, "
        f"gunicorn 2 workers, {os.cpu_count()} CPUs"
    )
    print(
        f"registrations: {len(info['tokens']) / seconds:.1f}/s ({seconds:.2f} s); "
        f"answers: {dict(sorted(codes.items()))}"
    )
    print(
        f"final counts: {counts['confirmed_count']} confirmed, {counts['waitlist_count']} waitlisted "
        f"(rows: {counts['confirmed_rows']} confirmed, {counts['waitlisted_rows']} waitlisted, "
        f"{counts['rows']} in all)"
    )
    waitlisted = max(len(info["tokens"]) - args.places, 0)
    expected = (min(args.places, len(info["tokens"])), waitlisted)
    exact = (
        (counts["confirmed_count"], counts["waitlist_count"])
        == expected
        == (
            counts["confirmed_rows"],
            counts["waitlisted_rows"],
        )
    )
    if not exact or set(codes) != {201}:
        sys.exit(f"NOT EXACT: expected {expected[0]} confirmed and {expected[1]} waitlisted, all 201")
    print("exact: yes")


if __name__ == "__main__":
    main()
