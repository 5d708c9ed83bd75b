#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs scripts/fuzz for every target and reports one "N passed, N failed" line, a target each.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
# The targets come from the build (fuzz/CMakeLists.txt lists them); none means it failed.
mapfile -t targets < <("$root/scripts/fuzz" --list)
if [[ ${#targets[@]} -eq 0 ]]; then
    echo "fuzz: 0 passed, 1 failed (no fuzz targets configured)"
    exit 1
fi
passed=0
failed=0
for target in "${targets[@]}"; do
    if "$root/scripts/fuzz" "$seconds" "$target"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "fuzz: $target FAILED"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
