#!/usr/bin/env bash
# Install the browser the tests drive: Debian's Chromium (/usr/bin/chromium) and ChromeDriver.
#
# Idempotent: does nothing when both are there. planlens never downloads a browser of its own
# (no `playwright install`); Playwright for Python is told to use /usr/bin/chromium.
# Installing needs root, or sudo without a password. Without either, this warns and exits 0 on a
# developer's machine (the browser tests then skip) but fails under CI, where they must run.
set -euo pipefail

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver

say() { echo "install-browser: $*"; }

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
    say "$CHROMIUM and $DRIVER are installed; nothing to do"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    say "$CHROMIUM is missing and this needs root: run as root"
    say "  apt-get update && apt-get install -y chromium chromium-driver"
    if [ -n "${CI:-}" ]; then
        exit 1
    fi
    say "continuing without it: the browser tests will be skipped"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get here: install Chromium so that $CHROMIUM exists, then run the tests"
    [ -n "${CI:-}" ] && exit 1
    exit 0
fi

say "installing Debian's chromium and chromium-driver${as_root:+ with ${as_root[*]}}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y chromium chromium-driver
say "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
