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
# ccache, where it is installed: a build without Qt (CI's second build) finds the engine's
# objects of the first. Paths are hashed relative to the checkout, so that two build folders
# share them.
launcher=()
if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
echo "build: configuring $build_dir ($build_type)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "${launcher[@]}" "$@"
echo "build: building $build_dir"
cmake --build "$build_dir"
