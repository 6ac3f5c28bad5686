#!/bin/sh
# The browser journeys' own set-up (`make e2e` runs it): Chromium, a CJK and an emoji font from Debian's
# packages.
# Playwright drives this system Chromium; it never downloads a browser of its own (no `playwright
# install`). The fonts draw the Chinese pages and the reaction emoji in the screenshots instead of empty
# boxes.
set -e
CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing="chromium"
fc-list :lang=zh 2>/dev/null | grep -q . || missing="$missing fonts-noto-cjk"
fc-list 2>/dev/null | grep -qi "color emoji" || missing="$missing fonts-noto-color-emoji"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "tests/e2e/setup.sh: no apt-get; install$missing by hand (or set E2E_CHROMIUM)" >&2
    exit 1
fi
echo "tests/e2e/setup.sh: installing$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
[ -x "$CHROMIUM" ] || { echo "tests/e2e/setup.sh: $CHROMIUM is still missing" >&2; exit 1; }
