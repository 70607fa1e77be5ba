#!/usr/bin/env bash
# Install the word processor the Word-redline tests open their documents in: Debian's
# LibreOffice Writer (package libreoffice-writer, which gives /usr/bin/soffice).
#
# Idempotent: does nothing when it is there. Recommended packages are left out (53 packages
# instead of 254 on Debian 12): the tests only run `soffice --headless --convert-to`.
# Installing needs root, or sudo without a password. Without either, this warns and exits 0 on a
# developer's machine (the LibreOffice tests then skip) but fails under CI, where they must run.
set -euo pipefail

SOFFICE=/usr/bin/soffice
PACKAGE=libreoffice-writer

say() { echo "install-libreoffice: $*"; }

installed() {
    [ -x "$SOFFICE" ] || return 1
    # soffice alone may be libreoffice-core without Writer, which cannot open a .docx.
    if command -v dpkg-query >/dev/null 2>&1; then
        [ "$(dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null)" = "install ok installed" ]
    fi
}

if installed; then
    say "$SOFFICE and $PACKAGE are installed; nothing to do"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    say "$PACKAGE is missing and this needs root: run as root"
    say "  apt-get update && apt-get install -y --no-install-recommends $PACKAGE"
    if [ -n "${CI:-}" ]; then
        exit 1
    fi
    say "continuing without it: the LibreOffice tests will be skipped"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get here: install LibreOffice Writer so that $SOFFICE exists, then run the tests"
    [ -n "${CI:-}" ] && exit 1
    exit 0
fi

say "installing Debian's $PACKAGE${as_root:+ with ${as_root[*]}}"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt or dpkg run to finish rather than fail on its lock.
lock=(-o DPkg::Lock::Timeout=600)
"${as_root[@]}" apt-get "${lock[@]}" update
"${as_root[@]}" apt-get "${lock[@]}" install -y --no-install-recommends "$PACKAGE"
if ! installed; then
    say "apt-get finished but $SOFFICE is still missing"
    exit 1
fi
say "installed: $("$SOFFICE" --version 2>/dev/null || echo "$SOFFICE")"
