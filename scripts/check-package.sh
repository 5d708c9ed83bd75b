#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package with scripts/package.sh and tries it as a user would get it:
# installs it with apt-get, runs the installed /usr/bin/selectscope (--version, a two-second
# headless echo server on a free port, an offscreen screenshot of the window in Simplified
# Chinese), validates the installed launcher entry, metainfo, icons and translations
# (scripts/validate-install.sh), then purges the package and checks that nothing is left.
# Needs root or sudo. Ends with "N passed, N failed" and exits non-zero when a check failed.
# Arguments go to scripts/package.sh (and from there to CMake).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
export DEBIAN_FRONTEND=noninteractive

passed=0
failed=0
pass() {
    echo "check-package: PASS: $*"
    passed=$((passed + 1))
}
fail() {
    echo "check-package: FAIL: $*"
    failed=$((failed + 1))
}
finish() {
    echo "$passed passed, $failed failed"
    [[ $failed -eq 0 ]]
    exit
}

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        fail "installing a package needs root or sudo"
        finish
    fi
    sudo_cmd=(sudo)
fi
apt() {
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"
}
installed() {
    [[ $(dpkg-query -W -f='${Status}' selectscope 2>/dev/null) == "install ok installed" ]]
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The package, built from this tree.
if "$root/scripts/package.sh" "$@" 2>&1 | tee "$work/package.log"; then
    pass "scripts/package.sh built the package"
else
    fail "scripts/package.sh failed"
    finish
fi
deb=$(sed -n 's|^package: \(/.*\.deb\)$|\1|p' "$work/package.log" | tail -1)
version=$(dpkg-deb --field "$deb" Version)

# A selectscope installed earlier would hide this package's files: start from none.
if installed; then
    echo "check-package: removing the selectscope installed before"
    apt remove --purge -y selectscope
fi

# Installing resolves the Depends line against the archive; the package lists are refreshed once
# if a dependency cannot be found with the ones the machine has. Recommends are left out, so
# that the checks below show that the Depends line alone is enough.
if apt install -y --no-install-recommends "$deb" ||
    { apt update && apt install -y --no-install-recommends "$deb"; }; then
    pass "apt-get install $(basename "$deb")"
else
    fail "apt-get install $(basename "$deb")"
    finish
fi
if installed && [[ $(dpkg-query -W -f='${Version}' selectscope) == "$version" ]]; then
    pass "selectscope $version is installed"
else
    fail "selectscope $version is not the installed version"
fi

exe=/usr/bin/selectscope
# Every library the binary links is found without help from the build tree.
if ldd "$exe" >"$work/ldd.txt" 2>&1 && ! grep -q "not found" "$work/ldd.txt"; then
    pass "every library of $exe is found"
else
    fail "libraries of $exe are missing:"
    grep "not found" "$work/ldd.txt"
fi

# Run from an empty folder with an empty home, so that nothing of the tree or the user is used.
mkdir -p "$work/run" "$work/home"
cd "$work/run" || finish
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_RUNTIME_DIR="$work/home"
chmod 700 "$work/home"

out=$("$exe" --version 2>&1)
if [[ $out == "selectscope $version" ]]; then
    pass "$exe --version prints '$out'"
else
    fail "$exe --version printed '$out', not 'selectscope $version'"
fi

# The echo preset on a free port (--port 0) for two seconds; timeout only guards against a hang.
status=0
timeout -k 5 20 "$exe" --headless --preset echo --port 0 --duration 2 \
    >"$work/headless.out" 2>"$work/headless.err" || status=$?
if [[ $status -eq 0 ]]; then
    pass "headless echo preset ran for 2 s and exited with status 0"
else
    fail "headless echo preset exited with status $status"
    sed 's/^/    /' "$work/headless.err"
fi
if head -1 "$work/headless.out" | grep -q '^{"type":"start",.*"version":"'"$version"'"'; then
    pass "headless run printed its start line"
else
    fail "headless run printed no start line: $(head -1 "$work/headless.out")"
fi
if grep -q '"kind":"listen".*"text":"127\.0\.0\.1:[1-9][0-9]*/tcp=echo"' "$work/headless.out"; then
    pass "headless run listened on a free loopback port"
else
    fail "headless run reported no listen event on a loopback port"
fi
if tail -1 "$work/headless.out" | grep -q '^{"type":"summary",.*"errors":0,'; then
    pass "headless run printed its summary line, without errors"
else
    fail "headless run printed no clean summary line: $(tail -1 "$work/headless.out")"
fi

# The window, offscreen, in Simplified Chinese: it needs the Qt GUI libraries, the platform plugin,
# the installed translations and a CJK font, so it fails if the Depends line misses one that
# the binary cannot start without.
shot="$work/window.png"
status=0
QT_QPA_PLATFORM=offscreen timeout -k 5 90 "$exe" --screenshot "$shot" --preset echo \
    --clients 2 --lang zh_CN >"$work/shot.log" 2>&1 || status=$?
if [[ $status -eq 0 && $(head -c 8 "$shot" 2>/dev/null | od -An -tx1 | tr -d ' \n') == \
    89504e470d0a1a0a && $(stat -c %s "$shot") -gt 20000 ]]; then
    pass "offscreen screenshot of the window in zh_CN ($(stat -c %s "$shot") bytes)"
else
    fail "offscreen screenshot failed (status $status)"
    sed 's/^/    /' "$work/shot.log"
fi
cd "$root" || finish

if [[ -f /usr/share/man/man1/selectscope.1.gz ]]; then
    pass "manual page /usr/share/man/man1/selectscope.1.gz"
else
    fail "no manual page /usr/share/man/man1/selectscope.1.gz"
fi

# desktop-file-validate and appstreamcli on the files as installed under /usr/share.
"$root/scripts/validate-install.sh" / /usr | tee "$work/validate.log"
counts=$(tail -1 "$work/validate.log" | grep -oE '[0-9]+ passed, [0-9]+ failed')
p=${counts%% passed*}
f=${counts##*, }
f=${f%% failed*}
if [[ -n $counts ]]; then
    passed=$((passed + p))
    failed=$((failed + f))
else
    fail "scripts/validate-install.sh did not report its counts"
fi

if apt remove --purge -y selectscope && ! installed; then
    pass "apt-get remove --purge selectscope"
else
    fail "apt-get remove --purge selectscope"
fi
left=()
while read -r path; do
    [[ -e $path ]] && left+=("$path")
done < <(dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }')
if [[ ${#left[@]} -eq 0 ]]; then
    pass "no file of the package is left after the purge"
else
    fail "left after the purge: ${left[*]}"
fi

finish
