#!/bin/sh
# tests/check-mime.sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The MIME type file as the desktop reads it: update-mime-database accepts
# it, *.dermchart maps to application/x-dermatomes-chart, and a chart's
# content is recognised without its name.
set -eu
xml="$1"
chart="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/"
update-mime-database "$tmp/mime"
grep -q '^[0-9]*:application/x-dermatomes-chart:\*\.dermchart$' "$tmp/mime/globs2"
grep -q 'application/x-dermatomes-chart' "$tmp/mime/magic"
echo "ok: *.dermchart is application/x-dermatomes-chart"
