#!/usr/bin/env bash
# data/screenshots/make-screenshots.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the metainfo screenshots from the application itself, each in a
# virtual X display with settings of its own (keyfile backend, fresh HOME):
#   main.png           1280x800, light, the left medial malleolus selected
#   dark.png           the same in the dark style
#   high-contrast.png  the same with libadwaita's high contrast
#   narrow.png         360x640, the anterior view, the panel folded
#   german.png         the same as main.png in German, from a staged install
#
# Usage: data/screenshots/make-screenshots.sh BUILD_DIR [SCREENSHOT_TOOL]
# SCREENSHOT_TOOL is shared/tools/screenshot beside the repository; it needs
# xvfb, xdotool and imagemagick. The click at 276,712 is the left medial
# malleolus in a 1280x800 window showing both views: check main.png after a
# change to the drawing or the window's layout.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR [SCREENSHOT_TOOL]}" && pwd)
tool=${2:-$here/../../../shared/tools/screenshot}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shot NAME SCREEN WIDTH HEIGHT KEYFILE_LINES ENV -- STEPS...
shot() {
  local name=$1 screen=$2 width=$3 height=$4 keys=$5 env=$6
  shift 6
  local home=$work/home-$name
  mkdir -p "$home/.config/glib-2.0/settings"
  printf '[io/github/dermatomes/Dermatomes]\nwindow-width=%s\nwindow-height=%s\n%b' \
    "$width" "$height" "$keys" > "$home/.config/glib-2.0/settings/keyfile"
  # shellcheck disable=SC2086
  "$tool" "$work/$name-raw.png" --size "$screen" --wait 3 "$@" -- \
    env HOME="$home" XDG_CONFIG_HOME="$home/.config" GSETTINGS_BACKEND=keyfile \
        GSETTINGS_SCHEMA_DIR="$build/data" $env "${binary:-$build/src/app/dermatomes}"
  convert "$work/$name-raw.png" -crop "${width}x${height}+0+0" +repage -strip "$here/$name.png"
}

select_region=(--click 276,712 --sleep 1 --move 1299,819 --sleep 1)

shot main 1300x820 1280 800 "" "" "${select_region[@]}"
shot dark 1300x820 1280 800 "color-scheme='dark'\n" "" "${select_region[@]}"
shot high-contrast 1300x820 1280 800 "" "ADW_DEBUG_HIGH_CONTRAST=1" "${select_region[@]}"
shot narrow 380x660 360 640 "view='anterior'\n" "" --move 379,659 --sleep 1

# German from the installed layout: the binary finds its catalogs beside it
meson install -C "$build" --destdir "$work/stage" --no-rebuild --quiet
binary=$(find "$work/stage" -path '*/bin/dermatomes' -type f | head -n 1)
shot german 1300x820 1280 800 "" "LC_ALL=C.UTF-8 LANGUAGE=de" "${select_region[@]}"

ls -l "$here"/*.png
