#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package selectscope_<version>_<arch>.deb:
#   1. installs what is missing (scripts/setup-deps.sh, plus dpkg-dev for dpkg-shlibdeps, file,
#      which CPack uses to find the binaries to scan, and help2man for the manual page);
#   2. configures a release build in build-pkg/ (or $BUILD_DIR) with the /usr prefix, Debian's
#      hardening flags and the manual page, without tests or benchmarks, and builds it;
#   3. installs it into a staging folder (DESTDIR) and checks that with scripts/validate-install.sh;
#   4. runs cpack, shows the package's control fields and contents, and runs lintian if it is
#      installed (LINTIAN=0 skips it).
# Extra arguments go to the CMake configure step. The last line is "package: PATH" with the
# path of the .deb.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build-pkg}
[[ $build_dir == /* ]] || build_dir="$root/$build_dir"
# Installed files and folders get the usual permissions whatever the caller's umask.
umask 022

"$root/scripts/setup-deps.sh" dpkg-dev file help2man

# Debian's compiler and linker flags for packages (dpkg-buildflags): hardening, such as the stack
# protector and full RELRO with immediate binding, and build paths kept out of the binary. No
# debug information: the packaged binary is stripped. No RPATH either (qt_standard_project_setup
# adds $ORIGIN-relative ones): every library comes from the system's own folders.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
export DEB_CXXFLAGS_MAINT_STRIP=-g
cxxflags=$(dpkg-buildflags --get CXXFLAGS)
ldflags=$(dpkg-buildflags --get LDFLAGS)

echo "package: configuring $build_dir (Release, prefix /usr)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    -DCMAKE_SKIP_INSTALL_RPATH=ON \
    -DSELECTSCOPE_BUILD_TESTS=OFF -DSELECTSCOPE_BUILD_BENCH=OFF -DSELECTSCOPE_MANPAGE=ON "$@"
echo "package: building $build_dir"
cmake --build "$build_dir" --parallel 2

stage="$build_dir/stage"
echo "package: staging the install in $stage"
rm -rf "$stage"
DESTDIR="$stage" cmake --install "$build_dir"
"$root/scripts/validate-install.sh" "$stage" /usr

echo "package: running cpack"
rm -f "$build_dir"/selectscope_*.deb
(cd "$build_dir" && cpack -G DEB)
debs=("$build_dir"/selectscope_*.deb)
if [[ ${#debs[@]} -ne 1 || ! -f ${debs[0]} ]]; then
    echo "package: error: cpack did not leave exactly one selectscope_*.deb in $build_dir" >&2
    exit 1
fi
deb=${debs[0]}

dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
if [[ ${LINTIAN:-1} != 0 ]] && command -v lintian >/dev/null 2>&1; then
    echo "package: lintian"
    lintian --info --fail-on error "$deb"
fi

echo "package: $(du -h "$deb" | cut -f1) $(basename "$deb")"
echo "package: $deb"
