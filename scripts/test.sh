#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite.
# Ends with a line "N passed, N failed" and exits non-zero on any failure.
# Arguments are passed to the CMake configure step (see build.sh); BUILD_DIR selects the build.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/setup-deps.sh"
"$root/scripts/build.sh" "$@"

export QT_QPA_PLATFORM=offscreen
exec "$root/scripts/run-ctest.sh" "${BUILD_DIR:-build}" --timeout 120 -j2
