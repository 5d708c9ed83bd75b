#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds and runs the test suite under the sanitizers:
#   - AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite, GUI tests offscreen;
#   - ThreadSanitizer: the engine's tests (label "core": plain C++ threads, no Qt inside).
# Line tables only (-g1): a report names file and line, and the builds stay quick for CI.
# Ends with a line "N passed, N failed" and exits non-zero on any failure.
# Usage: scripts/sanitize.sh [asan|tsan]...   (default: both)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
"$root/scripts/setup-deps.sh"

kinds=("$@")
[[ ${#kinds[@]} -eq 0 ]] && kinds=(asan tsan)

total_passed=0
total_failed=0


run_kind() {
    local kind=$1 dir="build-$1" flags label=()
    case $kind in
        asan) flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined" ;;
        tsan) flags="-fsanitize=thread"; label=(-L core) ;;
        *) echo "sanitize: unknown kind '$kind' (asan or tsan)" >&2; return 2 ;;
    esac
    echo "sanitize: $kind build in $dir"
    local extra=()
    # The ThreadSanitizer run covers the engine only, so the GUI need not be built for it.
    [[ $kind == tsan ]] && extra=(-DSELECTSCOPE_BUILD_GUI=OFF)
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSELECTSCOPE_BUILD_BENCH=OFF \
        -DSELECTSCOPE_FORTIFY=OFF -DSELECTSCOPE_WERROR=ON "${extra[@]}" \
        -DCMAKE_CXX_FLAGS="-O1 -g1 -fno-omit-frame-pointer $flags" \
        -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
    cmake --build "$dir"
    local out="$dir/ctest.out" passed=0 failed=1
    QT_QPA_PLATFORM=offscreen \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" \
    TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
        "$root/scripts/run-ctest.sh" "$dir" "${label[@]}" --timeout 300 -j2 2>&1 |
        tee "$out" || true
    if [[ $(tail -1 "$out") =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=${BASH_REMATCH[1]}
        failed=${BASH_REMATCH[2]}
    fi
    echo "sanitize: $kind: $passed passed, $failed failed"
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
}

for kind in "${kinds[@]}"; do
    run_kind "$kind"
done
echo "$total_passed passed, $total_failed failed"
[[ $total_failed -eq 0 ]]
