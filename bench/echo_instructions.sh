#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Echo benchmark in instructions: valgrind's callgrind counts the instructions the server process
# executes (every thread: the loop and, with --trace all, the JSON writer) while one echo_load
# connection makes 64-byte round trips for DURATION_S seconds. With a single connection every
# round trip is one wait call, one recv and one send, so the count per round trip does not depend
# on how busy the machine is; it is repeatable where wall-clock CPU time scatters by 10 %.
# callgrind sees user space only: the kernel's TCP work, the same for every server, is not in
# the count, so the ratio to the raw server is the engine's own user-space work, not total CPU.
# Use it to compare two builds of the same code (a refactor): each SELECTSCOPE binary is measured
# against the raw reference server of the same run, and the ratio is printed.
#
#   bench/echo_instructions.sh [SELECTSCOPE...]   (default: $BUILD_DIR/app/selectscope)
# Environment: BUILD_DIR [./build]  BACKENDS ["select poll epoll"]  TRACES ["none all"]
#   DURATION_S [8]  BASE_PORT [19700]
set -euo pipefail

BUILD_DIR=${BUILD_DIR:-./build}
RAW_SERVER=${RAW_SERVER:-$BUILD_DIR/bench/raw_echo_server}
ECHO_LOAD=${ECHO_LOAD:-$BUILD_DIR/bench/echo_load}
BACKENDS=${BACKENDS:-"select poll epoll"}
TRACES=${TRACES:-"none all"}
DURATION_S=${DURATION_S:-8}
port=${BASE_PORT:-19700}
binaries=("$@")
[[ ${#binaries[@]} -gt 0 ]] || binaries=("$BUILD_DIR/app/selectscope")
command -v valgrind >/dev/null || { echo "bench: valgrind not found (Debian: valgrind)" >&2; exit 1; }
for f in "$RAW_SERVER" "$ECHO_LOAD" "${binaries[@]}"; do
    [[ -x $f ]] || { echo "bench: $f not found (build the bench targets)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/echo_instructions.XXXXXX")
server_pid=""
trap '[[ -n $server_pid ]] && kill -KILL "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

# Prints the server's instructions per round trip: measure PORT SERVER-COMMAND...
measure() {
    local port=$1 i
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" >/dev/null 2>"$work/err" &
    server_pid=$!
    for ((i = 0; i < 300; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || { echo "bench: server died: $(tail -3 "$work/err")" >&2; exit 1; }
        sleep 0.1
    done
    "$ECHO_LOAD" --port "$port" --connections 1 --size 64 --warmup 0 \
        --duration "$DURATION_S" >"$work/load" 2>/dev/null
    kill -INT "$server_pid"
    wait "$server_pid" || true
    server_pid=""
    local rt ir
    rt=$(sed -n 's/.*"round_trips":\([0-9]*\).*/\1/p' "$work/load")
    ir=$(sed -n 's/^summary: *\([0-9]*\)/\1/p' "$work/cg.out")
    [[ -n $rt && $rt -gt 0 && -n $ir ]] || { echo "bench: no result on port $port" >&2; exit 1; }
    echo $((ir / rt))
}

printf '%-7s %-6s %-40s %10s %7s\n' backend trace server "instr/rt" ratio
for backend in $BACKENDS; do
    raw=$(measure "$port" "$RAW_SERVER" --backend "$backend" --port "$port")
    port=$((port + 1))
    printf '%-7s %-6s %-40s %10d %7.2f\n' "$backend" - raw "$raw" 1
    for trace in $TRACES; do
        for bin in "${binaries[@]}"; do
            n=$(measure "$port" "$bin" --headless --preset echo --port "$port" \
                --backend "$backend" --trace "$trace")
            port=$((port + 1))
            printf '%-7s %-6s %-40s %10d %7.2f\n' "$backend" "$trace" "$(printf %s "$bin" | tail -c 40)" "$n" \
                "$(awk -v a="$n" -v b="$raw" 'BEGIN { print a / b }')"
        done
    done
done
