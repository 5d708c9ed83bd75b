#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the engine and its tests for 64-bit Windows with MinGW-w64 and runs them under Wine:
# the Windows code (Winsock, select() on counted fd_sets, WSAPoll, the loopback wake-up pair)
# really runs, on a Linux machine with no Windows and no display.
#   1. installs what is missing with apt-get (sudo when not root): the MinGW-w64 cross compiler
#      (posix threads), Wine, Debian's GoogleTest sources, CMake, Ninja, Python 3;
#   2. builds GoogleTest from /usr/src/googletest with the cross compiler, into
#      $BUILD_DIR/gtest (installed to $BUILD_DIR/gtest/install);
#   3. configures and builds the engine's tests in $BUILD_DIR/project with
#      cmake/mingw-w64-x86_64.cmake (no GUI, no Qt, no benchmarks);
#   4. runs them with ctest, each .exe under Wine, with a Wine prefix in $BUILD_DIR/wineprefix.
# Ends with a line "N passed, N failed" and exits non-zero on any failure.
# Environment: BUILD_DIR (default build-win), BUILD_TYPE (default RelWithDebInfo),
# TEST_BUDGET_SECONDS (default 420: the whole ctest run is ended after that).
# Extra arguments go to the project's CMake configure step, e.g. -DSELECTSCOPE_WERROR=ON.
set -euo pipefail
exec </dev/null

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build-win}
build_type=${BUILD_TYPE:-RelWithDebInfo}
budget=${TEST_BUDGET_SECONDS:-420}
toolchain="$root/cmake/mingw-w64-x86_64.cmake"

# --- 1. Packages --------------------------------------------------------------------------------
"$root/scripts/setup-deps.sh" --only g++-mingw-w64-x86-64-posix wine wine64 googletest cmake \
    ninja-build python3

mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd)

# --- 2. GoogleTest, cross-compiled ---------------------------------------------------------------
# Debian's libgtest-dev is built for Linux; the Windows tests need their own build of the same
# sources. Incremental: a second run only checks that it is up to date.
start=$SECONDS
gtest_prefix="$build_dir/gtest/install"
cmake -S /usr/src/googletest -B "$build_dir/gtest/build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_GMOCK=OFF -DINSTALL_GTEST=ON -DCMAKE_INSTALL_PREFIX="$gtest_prefix" >/dev/null
cmake --build "$build_dir/gtest/build" -j2
cmake --install "$build_dir/gtest/build" >/dev/null
echo "test-windows: GoogleTest ready in $((SECONDS - start)) s"

# --- 3. The engine and its tests -----------------------------------------------------------------
start=$SECONDS
cmake -S . -B "$build_dir/project" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DCMAKE_BUILD_TYPE="$build_type" -DSELECTSCOPE_BUILD_GUI=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON -DSELECTSCOPE_BUILD_BENCH=OFF \
    -DGTest_DIR="$gtest_prefix/lib/cmake/GTest" "$@" >/dev/null
cmake --build "$build_dir/project" -j2
echo "test-windows: project built in $((SECONDS - start)) s"

# --- 4. Tests under Wine -------------------------------------------------------------------------
# A prefix of our own, made without questions: no display (so no dialog can appear), no Mono or
# Gecko installers (the tests are plain console programs), no debug chatter.
export WINEPREFIX="$build_dir/wineprefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
wine_log="$build_dir/wine.log"
: >"$wine_log"
trap 'wineserver --kill >/dev/null 2>&1; wineserver --wait >/dev/null 2>&1 || true' EXIT
if [[ ! -f $WINEPREFIX/system.reg ]]; then
    start=$SECONDS
    timeout 300 wineboot --init >>"$wine_log" 2>&1
    timeout 120 wineserver --wait || true
    echo "test-windows: Wine prefix created in $((SECONDS - start)) s"
fi
# Wine's background services (services.exe, winedevice.exe, ...) outlive the program whose start
# brought them up, and keep its standard output open. Brought up by a test, they would hold
# ctest's pipe open and ctest would wait for them long after the test ended. So one persistent
# wine server serves the whole run, its services are brought up here by a first program whose
# output goes to a log, and all of it is stopped when the script ends, however it ends.
wineserver --persistent || true
timeout 120 wine cmd.exe /c exit >>"$wine_log" 2>&1

set +e
timeout --kill-after=10 "$budget" "$root/scripts/run-ctest.sh" "$build_dir/project" \
    --timeout 120 -j2
status=$?
set -e
if [[ $status -eq 124 ]]; then
    echo "test-windows: ctest ended after ${budget} s" >&2
    echo "0 passed, 1 failed"
fi
exit "$status"
