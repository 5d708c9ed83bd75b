#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the whole ctest suite N times (default 20) on the build in BUILD_DIR (default build),
# after installing what is missing and bringing the build up to date. Prints one line per test
# that ever failed, with its failure rate, and ends with an "N passed, N failed" line over all
# runs. Exits non-zero if any test failed in any run: a test that fails once in N is broken.
# Extra arguments go to the CMake configure step (see build.sh).
#   scripts/flake-hunt.sh            # 20 runs
#   scripts/flake-hunt.sh 5          # 5 runs
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
runs=20
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
[[ $runs -ge 1 ]] || { echo "flake-hunt: the number of runs must be at least 1" >&2; exit 2; }

"$root/scripts/setup-deps.sh"
"$root/scripts/build.sh" "$@"
build_dir=${BUILD_DIR:-build}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

export QT_QPA_PLATFORM=offscreen
passed=0
failed=0
for ((run = 1; run <= runs; ++run)); do
    log="$results/run-$run.log"
    start=$SECONDS
    # The same command as scripts/test.sh, so a flake here is a flake there.
    "$root/scripts/run-ctest.sh" "$build_dir" --timeout 120 -j2 >"$log" 2>&1 || true
    if ! [[ $(tail -1 "$log") =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        echo "flake-hunt: run $run counted nothing; its output:" >&2
        cat "$log" >&2
        exit 1
    fi
    p=${BASH_REMATCH[1]}
    f=${BASH_REMATCH[2]}
    python3 "$root/scripts/count_junit.py" --failed "$build_dir/ctest-results.xml" \
        >>"$results/failures"
    passed=$((passed + p))
    failed=$((failed + f))
    echo "flake-hunt: run $run/$runs: $p passed, $f failed ($((SECONDS - start)) s)"
    if [[ $f -gt 0 ]]; then
        # Keep the failing output: the failure that happens once in twenty is worth reading.
        grep -B2 -A30 -E '(Failed|\*\*\*Timeout|Exception)' "$log" | head -80 >&2 || true
        # The assertions themselves (GoogleTest, Qt Test, Python's unittest), wherever they are.
        grep -A8 -E '(: Failure$|^FAIL!|^(FAIL|ERROR): test|Traceback)' "$log" | head -80 >&2 || true
    fi
done

echo "flake-hunt: tests that ever failed in $runs runs:"
if [[ -s $results/failures ]]; then
    sort "$results/failures" | uniq -c | sort -rn |
        while read -r count name; do
            printf '  %-28s failed %d/%d (%d%%)\n' "$name" "$count" "$runs" $((100 * count / runs))
        done
else
    echo "  none"
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
