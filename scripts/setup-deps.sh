#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the packages SelectScope needs to build and test on Debian/Ubuntu.
# Does nothing (quickly) when everything is already installed.
# libqt6svg6 provides the SVG icon plugins that show the window icon. librsvg2-bin renders the PNG
# icon sizes from the SVG at build time; desktop-file-utils and appstream validate the installed
# launcher entry and metainfo (the install_metadata test). strace is the reference the tracer is
# tested against; ccache lets a second build folder reuse the first one's objects.
# Arguments name further packages to install the same way (scripts/package.sh adds its tools);
# with --only first, just the named packages are checked and installed
# (scripts/test-windows.sh needs the cross compiler and Wine, not Qt).
set -euo pipefail

packages=(
    build-essential cmake ninja-build
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqcustomplot-dev libgtest-dev libgmock-dev
    libqt6svg6 xvfb xauth fonts-wqy-microhei libgl1-mesa-dev
    librsvg2-bin desktop-file-utils appstream
    clang-format python3 strace ccache
)
if [[ ${1:-} == --only ]]; then
    shift
    packages=()
fi
packages+=("$@")

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-deps: not a Debian/Ubuntu system (no dpkg-query/apt-get); install the" \
        "dependencies listed in README.md yourself." >&2
    exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup-deps: all ${#packages[@]} required packages are installed."
    exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "setup-deps: missing packages: ${missing[*]}" >&2
        echo "setup-deps: not root and sudo is not available; install them as root." >&2
        exit 1
    fi
    sudo_cmd=(sudo)
fi

echo "setup-deps: missing packages: ${missing[*]}"
echo "setup-deps: running apt-get update"
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
echo "setup-deps: running apt-get install -y ${missing[*]}"
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y "${missing[@]}"
echo "setup-deps: done."
