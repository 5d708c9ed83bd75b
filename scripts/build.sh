#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds SelectScope with Ninja.
#   BUILD_DIR   build directory (default: build)
#   BUILD_TYPE  CMake build type (default: RelWithDebInfo)
# Extra arguments are passed to the CMake configure step, e.g.
#   scripts/build.sh -DSELECTSCOPE_BUILD_BENCH=OFF
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-build}
build_type=${BUILD_TYPE:-RelWithDebInfo}

cd "$root"
echo "build: configuring $build_dir ($build_type)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "$@"
echo "build: building $build_dir"
cmake --build "$build_dir"
