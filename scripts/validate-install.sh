#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks an installed SelectScope the way a distribution would: the launcher entry with
# desktop-file-validate, the AppStream metainfo with appstreamcli (offline, the file and the tree
# it sits in), the icons in every size, the translation catalogues, and that the metainfo's newest
# release is the binary's version.
#
#   scripts/validate-install.sh ROOT [PREFIX]
#
# ROOT is a staged install (DESTDIR) or / for the installed package; PREFIX defaults to /usr.
# Prints one line per check and ends with "validate-install: N passed, N failed"; exits non-zero
# when a check failed. Warnings from the validators count as failures.
set -uo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 ROOT [PREFIX]" >&2
    exit 2
fi
root=${1%/}
prefix=${2:-/usr}
usr="$root$prefix"
app_id=io.github.selectscope.SelectScope
icon_sizes=(16 22 24 32 48 64 128 256)

passed=0
failed=0
pass() {
    echo "PASS: $*"
    passed=$((passed + 1))
}
fail() {
    echo "FAIL: $*"
    failed=$((failed + 1))
}

# Runs a validator; it passes when it exits 0 and prints no line matching the pattern of its
# warnings. Its output is shown either way.
validate() {
    local what=$1 warning_pattern=$2 output status
    shift 2
    if ! command -v "$1" >/dev/null 2>&1; then
        fail "$what: $1 is not installed"
        return
    fi
    output=$("$@" 2>&1)
    status=$?
    [[ -n $output ]] && printf '%s\n' "$output" | sed 's/^/    /'
    if [[ $status -eq 0 ]] && ! grep -qE "$warning_pattern" <<<"$output"; then
        pass "$what"
    else
        fail "$what (exit status $status)"
    fi
}

# The width and height in a PNG's IHDR chunk (bytes 16-23, big-endian).
png_size() {
    local b
    read -r -a b < <(od -An -tu1 -j16 -N8 "$1")
    [[ ${#b[@]} -eq 8 ]] || return 1
    echo "$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))x$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))"
}

binary="$usr/bin/selectscope"
desktop="$usr/share/applications/$app_id.desktop"
metainfo="$usr/share/metainfo/$app_id.metainfo.xml"
icons="$usr/share/icons/hicolor"
translations="$usr/share/selectscope/translations"
lessons="$usr/share/selectscope/lessons"

if [[ -x $binary ]]; then
    pass "executable $binary"
else
    fail "executable $binary is missing"
fi

if [[ -f $desktop ]]; then
    validate "desktop-file-validate $desktop" ': (error|warning):' desktop-file-validate "$desktop"
    icon_name=$(sed -n 's/^Icon=//p' "$desktop")
    if [[ $icon_name == selectscope && -f $icons/scalable/apps/$icon_name.svg ]]; then
        pass "Icon=$icon_name is installed as a scalable icon"
    else
        fail "Icon=$icon_name has no $icons/scalable/apps/$icon_name.svg"
    fi
else
    fail "launcher entry $desktop is missing"
fi

if [[ -f $metainfo ]]; then
    validate "appstreamcli validate --no-net $metainfo" '(^|[[:space:]])W:' \
        appstreamcli validate --no-net "$metainfo"
    # The tree check also looks for the launcher entry and icon the metainfo refers to. It reads
    # every metainfo file under the tree, so it gets a tree of its own with only SelectScope's.
    tree=$(mktemp -d)
    for file in "$metainfo" "$desktop" "$icons"/*/apps/selectscope.*; do
        [[ -f $file ]] || continue
        mkdir -p "$tree/$(dirname "${file#"$usr"/}")"
        cp "$file" "$tree/${file#"$usr"/}"
    done
    validate "appstreamcli validate-tree --no-net (SelectScope's files from $usr)" \
        '(^|[[:space:]])W:' appstreamcli validate-tree --no-net "$tree"
    rm -rf "$tree"
    if grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" &&
        grep -q "<id>$app_id</id>" "$metainfo"; then
        pass "metainfo id and launchable are $app_id"
    else
        fail "metainfo id or launchable is not $app_id"
    fi
    release=$(grep -oE '<release [^>]*version="[^"]+"' "$metainfo" | head -1 |
        sed -E 's/.*version="([^"]+)".*/\1/')
    version=$("$binary" --version 2>/dev/null | awk '{print $2}')
    if [[ -n $version && $release == "$version" ]]; then
        pass "newest metainfo release $release is the binary's version"
    else
        fail "newest metainfo release '${release}' is not the binary's version '${version}'"
    fi
else
    fail "metainfo $metainfo is missing"
fi

missing_icons=()
for size in "${icon_sizes[@]}"; do
    png="$icons/${size}x$size/apps/selectscope.png"
    if [[ ! -f $png || $(png_size "$png") != "${size}x$size" ]]; then
        missing_icons+=("${size}x$size")
    fi
done
if [[ ${#missing_icons[@]} -eq 0 ]]; then
    pass "PNG icons ${icon_sizes[*]} have their sizes"
else
    fail "PNG icons missing or of the wrong size: ${missing_icons[*]}"
fi

catalogues=("$translations"/selectscope_*.qm)
if [[ -s ${catalogues[0]} ]]; then
    pass "translations: ${catalogues[*]##*/}"
else
    fail "no translation catalogue in $translations"
fi

# The lessons a teacher copies: installed, and every one of them opens (the installed binary reads
# them as a lessons folder of its own; a file that does not parse is listed as "cannot open").
lesson_files=("$lessons"/*.json)
if [[ -s ${lesson_files[0]} ]] && listed=$("$binary" --list-lessons --lessons-dir "$lessons") &&
    ! grep -q "cannot open" <<<"$listed" &&
    [[ $(grep -c . <<<"$listed") -eq ${#lesson_files[@]} ]]; then
    pass "lessons: ${#lesson_files[@]} in $lessons, each opens"
else
    fail "lessons missing or damaged in $lessons"
fi

echo "validate-install: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
