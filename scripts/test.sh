#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite.
# Ends with a line "N passed, N failed" and exits non-zero on any failure.
# Arguments are passed to the CMake configure step (see build.sh); BUILD_DIR selects the build.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/setup-deps.sh"
"$root/scripts/build.sh" "$@"

build_dir=${BUILD_DIR:-build}
junit="$(cd "$build_dir" && pwd)/ctest-results.xml"
rm -f "$junit"

export QT_QPA_PLATFORM=offscreen
set +e
ctest --test-dir "$build_dir" --output-on-failure --timeout 120 -j2 \
    --no-tests=error --output-junit "$junit"
ctest_status=$?
set -e

passed=0
failed=0
if [[ -f "$junit" ]]; then
    # Count <testcase> elements and those with a <failure> or <error> child / status="fail".
    read -r passed failed < <(python3 "$root/scripts/count_junit.py" "$junit")
fi

if [[ $ctest_status -ne 0 && $failed -eq 0 ]]; then
    # ctest failed without reporting a failing test case (no tests found, or ctest itself failed).
    echo "test: ctest exited with status $ctest_status" >&2
    failed=1
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 && $ctest_status -eq 0 ]]
