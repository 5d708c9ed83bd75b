#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers the benchmark scripts share (sourced, not run): errors, waiting for a process to end,
# reading the load generator's marks, a field of a JSON line, the median of a column.

die() {
    echo "bench: $*" >&2
    exit 1
}

# Waits up to $2 seconds for a process to end by itself.
await_exit() {
    local pid=$1 limit=$(($2 * 20)) i
    for ((i = 0; i < limit; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.05
    done
    return 1
}

# Reads one line from the load generator's stderr (fd 4), bounded by a timeout in seconds.
expect_mark() {
    local want=$1 timeout=$2 line
    while IFS= read -r -t "$timeout" line <&4; do
        [[ $line == *"$want"* ]] && return 0
    done
    return 1
}

json_field() {
    sed -n "s/.*\"$2\":\([^,}]*\).*/\1/p" <<<"$1"
}

# The median of the numbers on stdin, printed with the printf format $1.
median() {
    sort -g | awk -v f="$1\n" '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f, m }'
}
