"""The load generators of bench/run.py: wrk when installed, else a bounded Python stand-in, and a wait for
a server to answer. Each load returns the figures bench/report.lua prints for wrk (requests, seconds,
p50/p95/p99 in ms, non-2xx responses, socket errors)."""

import http.client
import json
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def wait_ready(url: str, headers: dict, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def load_wrk(url: str, headers: dict, seconds: float, connections: int) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
    command += ["-s", str(BENCH / "report.lua")]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def load_python(url: str, headers: dict, seconds: float, connections: int) -> dict:
    """A bounded stand-in for wrk: `connections` threads, each one request at a time, for `seconds`."""
    parts = urllib.parse.urlsplit(url)
    target = f"{parts.path}?{parts.query}" if parts.query else parts.path
    latencies, failures, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        mine, bad = [], 0
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            started = time.perf_counter()
            try:
                connection.request("GET", target, headers=headers)
                response = connection.getresponse()
                response.read()
                bad += not 200 <= response.status < 400
            except OSError:
                bad += 1
            finally:
                connection.close()
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    quantiles = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": len(latencies),
        "seconds": time.monotonic() - started,
        "p50_ms": quantiles[49],
        "p95_ms": quantiles[94],
        "p99_ms": quantiles[98],
        "non_2xx": failures[0],
        "socket_errors": 0,
    }
