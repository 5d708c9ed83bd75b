#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Echo benchmark: server CPU time per round trip, raw reference server vs. the engine.
#
# For every backend (select, poll, epoll) and every round, three servers take the same load in
# turn (rounds are interleaved so drift in the machine hits all of them alike):
#   raw          bench/raw_echo_server, the plainest honest server for that backend
#   engine-none  selectscope --headless --preset echo --trace none
#   engine-all   selectscope --headless --preset echo --trace all  (drains and formats every record)
# The server runs on CPU $SERVER_CPU, echo_load on CPU $LOAD_CPU. echo_load marks the start and
# the end of its measured window on stderr; at those two moments the script reads the server's
# utime+stime from /proc/<pid>/stat, so warm-up and shutdown are excluded. The result is
# "server CPU microseconds per round trip", reported as the median over the rounds.
#
# Environment (defaults in brackets):
#   BUILD_DIR [./build]  SELECTSCOPE [$BUILD_DIR/app/selectscope]  ROUNDS [3]  WARMUP_S [1]
#   WINDOW_S [3]  CONNECTIONS [100]  SIZE [64]  BASE_PORT [19500]  BACKENDS ["select poll epoll"]
#   SERVER_CPU [0]  LOAD_CPU [1]  ONLY_RAW [0]: 1 skips the engine rows.
set -euo pipefail
# shellcheck source=bench/bench_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

BUILD_DIR=${BUILD_DIR:-./build}
SELECTSCOPE=${SELECTSCOPE:-$BUILD_DIR/app/selectscope}
RAW_SERVER=${RAW_SERVER:-$BUILD_DIR/bench/raw_echo_server}
ECHO_LOAD=${ECHO_LOAD:-$BUILD_DIR/bench/echo_load}
ROUNDS=${ROUNDS:-3}
WARMUP_S=${WARMUP_S:-1}
WINDOW_S=${WINDOW_S:-3}
CONNECTIONS=${CONNECTIONS:-100}
SIZE=${SIZE:-64}
BASE_PORT=${BASE_PORT:-19500}
BACKENDS=${BACKENDS:-"select poll epoll"}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
ONLY_RAW=${ONLY_RAW:-0}

CLK_TCK=$(getconf CLK_TCK)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/echo_bench.XXXXXX")
RESULTS="$WORK/results.tsv"
SERVER_PID=""
LOAD_PID=""
RUN_INDEX=0

# Only the two children of the current run are ever alive; nothing else is signalled.
cleanup() {
    [[ -n $LOAD_PID ]] && kill -KILL "$LOAD_PID" 2>/dev/null
    [[ -n $SERVER_PID ]] && kill -KILL "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

check_setup() {
    [[ -x $RAW_SERVER ]] || die "$RAW_SERVER not found (build the bench targets, or set BUILD_DIR)"
    [[ -x $ECHO_LOAD ]] || die "$ECHO_LOAD not found (build the bench targets, or set BUILD_DIR)"
    KINDS="raw engine-none engine-all"
    if [[ $ONLY_RAW == 1 ]]; then
        echo "bench: ONLY_RAW=1: engine rows skipped"
        KINDS="raw"
    elif [[ ! -x $SELECTSCOPE ]]; then
        echo "bench: $SELECTSCOPE not found: engine rows skipped (raw servers only)"
        KINDS="raw"
    fi
    PINNING=0
    PIN_SERVER=()
    PIN_LOAD=()
    if command -v taskset >/dev/null && taskset -c "$SERVER_CPU,$LOAD_CPU" true 2>/dev/null; then
        PINNING=1
        PIN_SERVER=(taskset -c "$SERVER_CPU")
        PIN_LOAD=(taskset -c "$LOAD_CPU")
    else
        echo "bench: taskset unavailable or CPUs $SERVER_CPU,$LOAD_CPU not allowed: running unpinned"
    fi
    echo "bench: $(nproc) CPUs, CLK_TCK=$CLK_TCK, pinning=$PINNING, rounds=$ROUNDS," \
        "warm-up ${WARMUP_S}s, window ${WINDOW_S}s, $CONNECTIONS connections x $SIZE bytes"
    # Bounds for waiting on echo_load's marks; read -t accepts fractions, $(( )) does not.
    START_TIMEOUT=$(awk -v w="$WARMUP_S" 'BEGIN { print w + 10 }')
    END_TIMEOUT=$(awk -v w="$WINDOW_S" 'BEGIN { print w + 10 }')
}

# utime+stime of a process in clock ticks, read with builtins only (no fork inside the window).
cpu_ticks() {
    local stat rest
    local -a fields
    read -r stat <"/proc/$1/stat" || return 1
    rest=${stat##*) }  # the command name may contain spaces; fields resume after ") "
    read -r -a fields <<<"$rest"
    echo $((fields[11] + fields[12]))
}

# "busy total" jiffies of one CPU from /proc/stat (busy includes steal), builtins only.
cpu_load() {
    local name user nice system idle iowait irq softirq steal rest
    while read -r name user nice system idle iowait irq softirq steal rest; do
        if [[ $name == "cpu$1" ]]; then
            echo "$((user + nice + system + irq + softirq + steal))" \
                "$((user + nice + system + idle + iowait + irq + softirq + steal))"
            return 0
        fi
    done </proc/stat
    return 1
}

# Waits (bounded) until the server accepts on the port.
wait_for_port() {
    local port=$1 pid=$2 i
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || return 1
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        sleep 0.05
    done
    return 1
}

# Lets a process finish for up to $2 seconds, then SIGINT, then (5 s later) SIGKILL.
stop_process() {
    local pid=$1 grace=$2
    await_exit "$pid" "$grace" || { kill -INT "$pid" 2>/dev/null || true; }
    await_exit "$pid" 5 || { kill -KILL "$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
}

# Sets SERVER_CMD to the server command line (without the pinning prefix).
server_command() {
    local kind=$1 backend=$2 port=$3
    case $kind in
        raw) SERVER_CMD=("$RAW_SERVER" --backend "$backend" --port "$port") ;;
        engine-none | engine-all)
            SERVER_CMD=("$SELECTSCOPE" --headless --preset echo --port "$port" --backend "$backend"
                --trace "${kind#engine-}") ;;
    esac
}

run_one() {
    local round=$1 backend=$2 kind=$3
    local port=$((BASE_PORT + RUN_INDEX % 200))
    RUN_INDEX=$((RUN_INDEX + 1))
    local server_out="$WORK/server.out" fifo="$WORK/load.fifo" load_out="$WORK/load.out"
    local sink="$server_out"
    [[ $kind == raw ]] || sink=/dev/null  # the engine's JSON lines are formatted, then dropped
    server_command "$kind" "$backend" "$port"
    # Started directly (taskset execs), so $! is the server itself and /proc/$!/stat is its CPU.
    "${PIN_SERVER[@]}" "${SERVER_CMD[@]}" >"$sink" 2>"$WORK/server.err" &
    SERVER_PID=$!
    if ! wait_for_port "$port" "$SERVER_PID"; then
        echo "bench: $kind/$backend did not accept on port $port: $(head -c 300 "$WORK/server.err")" >&2
        stop_process "$SERVER_PID" 0
        SERVER_PID=""
        return 0
    fi
    rm -f "$fifo" && mkfifo "$fifo"
    "${PIN_LOAD[@]}" "$ECHO_LOAD" --port "$port" --connections "$CONNECTIONS" --size "$SIZE" \
        --warmup "$WARMUP_S" --duration "$WINDOW_S" >"$load_out" 2>"$fifo" &
    LOAD_PID=$!
    exec 4<"$fifo"
    local t0="" t1="" c0="" c1=""
    if expect_mark "window start" "$START_TIMEOUT"; then
        t0=$(cpu_ticks "$SERVER_PID") || t0=""
        c0=$(cpu_load "$SERVER_CPU") || c0=""
        if expect_mark "window end" "$END_TIMEOUT"; then
            t1=$(cpu_ticks "$SERVER_PID") || t1=""
            c1=$(cpu_load "$SERVER_CPU") || c1=""
        fi
    fi
    exec 4<&-
    stop_process "$LOAD_PID" 10
    LOAD_PID=""
    stop_process "$SERVER_PID" 0
    SERVER_PID=""
    local result
    result=$(cat "$load_out")
    if [[ -z $t0 || -z $t1 || -z $result ]]; then
        echo "bench: $kind/$backend round $round produced no measurement" >&2
        return 0
    fi
    record "$round" "$backend" "$kind" $((t1 - t0)) "$result" "$(other_load "$c0" "$c1" $((t1 - t0)))"
}

# Percent of the server CPU's time spent on anything but the server (other processes, steal)
# during the window: the measurement's noise floor. Not meaningful when pinning is off.
other_load() {
    local b0 n0 b1 n1
    read -r b0 n0 <<<"$1"
    read -r b1 n1 <<<"$2"
    awk -v b="$((b1 - b0))" -v n="$((n1 - n0))" -v s="$3" \
        'BEGIN { if (n > 0) printf "%.0f", 100 * (b - s) / n; else print "nan" }'
}

record() {
    local round=$1 backend=$2 kind=$3 ticks=$4 result=$5 other=$6
    local rt rtps p50 p99 bad errors conns
    rt=$(json_field "$result" round_trips)
    rtps=$(json_field "$result" rt_per_s)
    p50=$(json_field "$result" p50_us)
    p99=$(json_field "$result" p99_us)
    bad=$(json_field "$result" mismatched_bytes)
    errors=$(json_field "$result" errors)
    conns=$(json_field "$result" connections)
    local us_per_rt
    us_per_rt=$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$rt" \
        'BEGIN { if (n > 0) printf "%.3f", t * 1e6 / hz / n; else print "nan" }')
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$backend" "$kind" "$round" "$us_per_rt" \
        "$rtps" "$p50" "$p99" "$bad" "$errors" "$conns" "$other" >>"$RESULTS"
    printf "  round %s %-6s %-12s %8s us/rt %10s rt/s  p50 %7s us  p99 %7s us  mismatched %s errors %s conns %s other-load %s%%\n" \
        "$round" "$backend" "$kind" "$us_per_rt" "$rtps" "$p50" "$p99" "$bad" "$errors" "$conns" \
        "$other"
    if [[ $conns != "$CONNECTIONS" || $bad != 0 ]]; then
        echo "  ^ warning: $conns of $CONNECTIONS connections up, $bad mismatched bytes" >&2
    fi
}

# The median of column $3 over the rounds of backend $1 and server kind $2.
column_median() {
    awk -F'\t' -v b="$1" -v k="$2" -v c="$3" '$1 == b && $2 == k { print $c }' "$RESULTS" |
        median "${4:-%.1f}"
}

print_table() {
    echo
    echo "Median over $ROUNDS rounds (server CPU us per round trip; ratio vs. raw of the same backend;"
    echo "other% = time the server's CPU spent on other work during the window: noise, keep it near 0)"
    printf "%-7s %-12s %9s %7s %11s %9s %9s %10s %7s %6s %7s\n" backend server "us/rt" ratio \
        "rt/s" "p50 us" "p99 us" mismatched errors conns "other%"
    local backend kind raw us
    for backend in $BACKENDS; do
        raw=$(column_median "$backend" raw 4 %.3f)
        for kind in $KINDS; do
            us=$(column_median "$backend" "$kind" 4 %.3f)
            printf "%-7s %-12s %9s %7s %11s %9s %9s %10s %7s %6s %7s\n" "$backend" "$kind" "$us" \
                "$(awk -v a="$us" -v b="$raw" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')" \
                "$(column_median "$backend" "$kind" 5)" "$(column_median "$backend" "$kind" 6)" \
                "$(column_median "$backend" "$kind" 7)" "$(column_median "$backend" "$kind" 8 %d)" \
                "$(column_median "$backend" "$kind" 9 %d)" \
                "$(column_median "$backend" "$kind" 10 %d)" \
                "$(column_median "$backend" "$kind" 11 %d)"
        done
    done
}

main() {
    check_setup
    : >"$RESULTS"
    local round backend kind
    for ((round = 1; round <= ROUNDS; round++)); do
        for backend in $BACKENDS; do
            for kind in $KINDS; do
                run_one "$round" "$backend" "$kind"
            done
        done
    done
    print_table
}

main "$@"
