#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs ctest on one build folder and counts the results from ctest's JUnit file.
# Usage: scripts/run-ctest.sh BUILD_DIR [ctest options...]
# Lists every GoogleTest case that was skipped, with its reason, so that nothing is skipped
# unnoticed. Ends with "N passed, N failed" (skipped tests count as neither) and exits non-zero
# when a test failed or ctest itself failed (for example because it found no tests).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(cd "$1" && pwd) || exit 1
shift
junit="$build_dir/ctest-results.xml"
rm -f "$junit"

start=$SECONDS
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error --output-junit "$junit" "$@"
status=$?
echo "ctest: ran in $((SECONDS - start)) s"

log="$build_dir/Testing/Temporary/LastTest.log"
if [[ -f $log ]]; then
    # GoogleTest prints the reason on the line after "...: Skipped", then "[  SKIPPED ] Name".
    awk '/: Skipped$/ { skipped = 1; getline reason; next }
         /^\[  SKIPPED \] / && skipped {
             print "skipped " $4 ": " (reason == "" ? "(no reason given)" : reason)
             skipped = 0 }' "$log"
fi

passed=0
failed=0
[[ -f $junit ]] && read -r passed failed < <(python3 "$root/scripts/count_junit.py" "$junit")
if [[ $status -ne 0 && $failed -eq 0 ]]; then
    echo "ctest exited with status $status without a failed test" >&2
    failed=1
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
