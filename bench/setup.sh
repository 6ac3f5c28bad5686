#!/bin/sh
# The benchmark's own setup (`make bench` runs it): wrk, the HTTP load generator, from Debian's packages.
# Without it bench/run.py falls back to a slower Python load generator and says so.
set -e
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null \
        || echo "bench/setup.sh: could not install wrk; bench/run.py will use its Python load generator" >&2
else
    echo "bench/setup.sh: no apt-get; install wrk by hand, or bench/run.py uses its Python load generator" >&2
fi
