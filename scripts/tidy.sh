#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs clang-tidy (the committed .clang-tidy; every finding is an error) over the project's own
# sources, using the compile commands of an existing build (default: build/).
# Ends with a line "N passed, N failed" (one per file) and exits non-zero on any finding.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-build}
cd "$root"
if ! command -v clang-tidy >/dev/null; then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    echo "tidy: installing clang-tidy"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang-tidy
fi
[[ -f $build_dir/compile_commands.json ]] ||
    cmake -S . -B "$build_dir" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
# Qt's generated moc sources must exist before clang-tidy reads files that include them.
cmake --build "$build_dir" --target selectscope_ui_autogen >/dev/null 2>&1 || true

mapfile -t files < <(git ls-files 'core/*.cpp' 'app/*.cpp' 'ui/*.cpp')
log=$(mktemp)
# shellcheck disable=SC2016  # the sh -c script expands its own arguments
printf '%s\n' "${files[@]}" |
    xargs -P "$(nproc)" -I{} sh -c \
        'if clang-tidy -p "$0" --quiet "$1" >"$2.$$" 2>&1; then echo "ok $1"; else cat "$2.$$"; echo "FAIL $1"; fi; rm -f "$2.$$"' \
        "$build_dir" {} "$log" | tee "$log"
passed=$(grep -c '^ok ' "$log" || true)
failed=$(grep -c '^FAIL ' "$log" || true)
rm -f "$log"
echo "tidy: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
