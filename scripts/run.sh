#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts SelectScope.
# Arguments are passed to the application, e.g. scripts/run.sh --headless
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/setup-deps.sh"
"$root/scripts/build.sh"

build_dir=${BUILD_DIR:-build}
headless=false
for arg in "$@"; do
    [[ "$arg" == "--headless" ]] && headless=true
done

if [[ "$headless" == false && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" \
    && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2
    echo "run: to use SelectScope without a window, try: scripts/run.sh --headless" >&2
    exit 1
fi

exec "$build_dir/app/selectscope" "$@"
