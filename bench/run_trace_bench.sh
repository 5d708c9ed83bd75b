#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Tracing benchmark: what it costs to trace a Python selectors echo server, per round trip.
#
# Every round runs the same server (bench/selectors_echo_server.py) three ways, in turn, so
# drift in the machine hits all of them alike:
#   untraced     python3 selectors_echo_server.py PORTFILE
#   selectscope  selectscope --headless --trace all --run -- python3 ... > $WORK/trace.jsonl
#   strace       strace -f --seccomp-bpf -qq -e trace=<the calls SelectScope stops at>
#                       -o $WORK/strace.txt python3 ...
# The strace call list is the one in core/tracer/traced_syscalls.cpp; names this strace rejects
# are dropped (and reported). python3 is resolved to the real interpreter first
# (sys.executable), so a pyenv shim's bash and env are neither run nor traced.
#
# The server and its tracer run on CPU $SERVER_CPU, echo_load on CPU $LOAD_CPU. echo_load marks
# the start and the end of its measured window on stderr; at those two moments the script reads
# utime+stime from /proc/<pid>/stat of the Python process (its pid comes from PORTFILE, where
# the server writes "PORT PID") and of the tracer process (selectscope or strace), and the
# position of the tracer's output file (/proc/<pid>/fdinfo). Per round trip of the window:
# server us, tracer us, total us and trace bytes; ratios are against the untraced server of the
# same run. The table shows the median over the rounds.
#
# Environment (defaults in brackets):
#   BUILD_DIR [./build]  SELECTSCOPE [$BUILD_DIR/app/selectscope]  ECHO_LOAD [$BUILD_DIR/bench/echo_load]
#   SERVER_PY [bench/selectors_echo_server.py]  PYTHON [python3, resolved to sys.executable]
#   STRACE [strace]  ROUNDS [5]  WARMUP_S [1]  WINDOW_S [3]  CONNECTIONS [4]  SIZE [64]
#   SERVER_CPU [0]  LOAD_CPU [1]
#   WAYS ["untraced selectscope strace"]: the ways to run, untraced first (it is the reference).
set -euo pipefail
# shellcheck source=bench/bench_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

BUILD_DIR=${BUILD_DIR:-./build}
SELECTSCOPE=${SELECTSCOPE:-$BUILD_DIR/app/selectscope}
ECHO_LOAD=${ECHO_LOAD:-$BUILD_DIR/bench/echo_load}
SERVER_PY=${SERVER_PY:-$(dirname "$0")/selectors_echo_server.py}
PYTHON=${PYTHON:-python3}
STRACE=${STRACE:-strace}
ROUNDS=${ROUNDS:-5}
WARMUP_S=${WARMUP_S:-1}
WINDOW_S=${WINDOW_S:-3}
CONNECTIONS=${CONNECTIONS:-4}
SIZE=${SIZE:-64}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WAYS=${WAYS:-"untraced selectscope strace"}

# What core/tracer/traced_syscalls.cpp stops at (x86-64 names).
TRACED_CALLS="select pselect6 poll ppoll epoll_wait epoll_pwait epoll_pwait2 epoll_ctl socket bind
listen accept accept4 connect shutdown close recvfrom recvmsg read sendto sendmsg write"

CLK_TCK=$(getconf CLK_TCK)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/trace_bench.XXXXXX")
RESULTS="$WORK/results.tsv"
LEAD_PID=""    # what this script started: python (untraced), selectscope or strace
SERVER_PID=""  # the Python process (the same as LEAD_PID when untraced)
LOAD_PID=""

# Only the processes of the current run are ever signalled: the one started here, the Python
# server it runs (a child of the tracer when traced) and the load generator.
cleanup() {
    [[ -n $LOAD_PID ]] && kill -KILL "$LOAD_PID" 2>/dev/null
    [[ -n $LEAD_PID ]] && kill -KILL "$LEAD_PID" 2>/dev/null
    [[ -n $SERVER_PID ]] && kill -KILL "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

check_setup() {
    [[ -x $ECHO_LOAD ]] || die "$ECHO_LOAD not found (build the bench targets, or set BUILD_DIR)"
    [[ -r $SERVER_PY ]] || die "$SERVER_PY not found"
    # A pyenv shim is a bash script that execs env, which execs the interpreter: run the
    # interpreter itself, so that only the server is measured and traced.
    local real
    real=$("$PYTHON" -c 'import sys; print(sys.executable)') || die "$PYTHON does not run"
    [[ -x $real ]] || die "$PYTHON names no interpreter ($real)"
    PYTHON=$real
    local -a ways=()
    local way
    for way in $WAYS; do
        case $way in
            untraced) ways+=("$way") ;;
            selectscope)
                if [[ -x $SELECTSCOPE ]]; then ways+=("$way"); else
                    echo "bench: $SELECTSCOPE not found: selectscope rows skipped"
                fi
                ;;
            strace)
                if command -v "$STRACE" >/dev/null; then ways+=("$way"); else
                    echo "bench: $STRACE not found: strace rows skipped"
                fi
                ;;
            *) die "unknown way '$way' (untraced, selectscope, strace)" ;;
        esac
    done
    [[ ${ways[0]:-} == untraced ]] || die "WAYS must start with untraced (the reference)"
    KINDS="${ways[*]}"
    if [[ $KINDS == *strace* ]]; then
        local name accepted=() rejected=()
        for name in $TRACED_CALLS; do
            if "$STRACE" -qq -e "trace=$name" true >/dev/null 2>&1; then
                accepted+=("$name")
            else
                rejected+=("$name")
            fi
        done
        STRACE_CALLS=$(
            IFS=,
            echo "${accepted[*]}"
        )
        [[ ${#rejected[@]} == 0 ]] || echo "bench: $STRACE rejects ${rejected[*]}: left out of its list"
        "$STRACE" -f --seccomp-bpf -qq -e "trace=$STRACE_CALLS" -o /dev/null true ||
            die "$STRACE -f --seccomp-bpf does not run here"
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
    echo "bench: python $PYTHON ($("$PYTHON" -c 'import platform; print(platform.python_version())'))," \
        "$("$STRACE" -V 2>/dev/null | head -n 1 || echo 'no strace')"
    START_TIMEOUT=$(awk -v w="$WARMUP_S" 'BEGIN { print w + 10 }')
    END_TIMEOUT=$(awk -v w="$WINDOW_S" 'BEGIN { print w + 10 }')
}

# Sets the variable named $2 to utime+stime of process $1 in clock ticks (builtins only).
cpu_ticks() {
    local stat rest
    local -a fields
    read -r stat <"/proc/$1/stat" || return 1
    rest=${stat##*) }  # the command name may contain spaces; fields resume after ") "
    read -r -a fields <<<"$rest"
    printf -v "$2" '%s' $((fields[11] + fields[12]))
}

# Sets the variable named $2 to "busy total" jiffies of CPU $1 from /proc/stat (busy includes
# steal), builtins only.
cpu_load() {
    local name user nice system idle iowait irq softirq steal rest
    while read -r name user nice system idle iowait irq softirq steal rest; do
        if [[ $name == "cpu$1" ]]; then
            printf -v "$2" '%s %s' "$((user + nice + system + irq + softirq + steal))" \
                "$((user + nice + system + idle + iowait + irq + softirq + steal))"
            return 0
        fi
    done </proc/stat
    return 1
}

# Sets the variable named $3 to the file position of descriptor $2 of process $1: the bytes the
# tracer has written to its output file so far (builtins only).
file_pos() {
    local key value
    while read -r key value; do
        if [[ $key == pos: ]]; then
            printf -v "$3" '%s' "$value"
            return 0
        fi
    done <"/proc/$1/fdinfo/$2"
    return 1
}

# The descriptor through which process $1 writes file $2 (strace opens its -o file itself).
fd_of_file() {
    local link
    for link in /proc/"$1"/fd/*; do
        if [[ $(readlink "$link") == "$2" ]]; then
            echo "${link##*/}"
            return 0
        fi
    done
    return 1
}

# Waits (bounded, 10 s) for the server to write "PORT PID" into its port file, while the process
# this script started ($2) lives. Sets PORT and SERVER_PID.
await_port_file() {
    local file=$1 lead=$2 i line
    for ((i = 0; i < 200; i++)); do
        if [[ -f $file ]]; then
            read -r PORT SERVER_PID <"$file" || return 1
            [[ $PORT =~ ^[0-9]+$ && $SERVER_PID =~ ^[0-9]+$ ]] && return 0
            return 1
        fi
        kill -0 "$lead" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# Ends the run's server the way each way ends: SIGTERM to the untraced server; SIGINT to
# selectscope, which ends its program with SIGTERM and exits; SIGTERM to the Python process
# under strace (strace -o blocks the fatal signals itself), after which strace exits. Anything
# still alive 10 s later is killed.
stop_server() {
    local kind=$1
    case $kind in
        untraced | strace) kill -TERM "$SERVER_PID" 2>/dev/null || true ;;
        selectscope) kill -INT "$LEAD_PID" 2>/dev/null || true ;;
    esac
    if ! await_exit "$LEAD_PID" 10; then
        echo "bench: $kind did not end within 10 s: killed" >&2
        kill -KILL "$LEAD_PID" 2>/dev/null || true
    fi
    wait "$LEAD_PID" 2>/dev/null || true
    if [[ $SERVER_PID != "$LEAD_PID" ]] && ! await_exit "$SERVER_PID" 5; then
        echo "bench: the Python server of $kind outlived its tracer: killed" >&2
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    LEAD_PID=""
    SERVER_PID=""
}

# Samples, at one moment, everything the window is measured by: the server's and the tracer's
# CPU ticks, the tracer's output position and the server CPU's jiffies. Sets S_SERVER, S_TRACER,
# S_BYTES, S_LOAD (no subshell, no fork).
sample() {
    local kind=$1 out_fd=$2
    cpu_ticks "$SERVER_PID" S_SERVER || return 1
    S_TRACER=0
    S_BYTES=0
    if [[ $kind != untraced ]]; then
        cpu_ticks "$LEAD_PID" S_TRACER || return 1
        file_pos "$LEAD_PID" "$out_fd" S_BYTES || return 1
    fi
    cpu_load "$SERVER_CPU" S_LOAD || S_LOAD=""
}

run_one() {
    local round=$1 kind=$2
    local port_file="$WORK/port" fifo="$WORK/load.fifo" load_out="$WORK/load.out"
    local err="$WORK/server.err" out_file="" out_fd=""
    rm -f "$port_file" "$port_file.tmp" "$WORK/trace.jsonl" "$WORK/strace.txt"
    # Started directly (taskset execs), so $! is python, selectscope or strace itself; a traced
    # Python inherits the pinning, so the server and its tracer share CPU $SERVER_CPU.
    case $kind in
        untraced)
            "${PIN_SERVER[@]}" "$PYTHON" "$SERVER_PY" "$port_file" >/dev/null 2>"$err" &
            ;;
        selectscope)
            out_file="$WORK/trace.jsonl"
            out_fd=1
            "${PIN_SERVER[@]}" "$SELECTSCOPE" --headless --trace all --run -- \
                "$PYTHON" "$SERVER_PY" "$port_file" >"$out_file" 2>"$err" &
            ;;
        strace)
            out_file="$WORK/strace.txt"
            "${PIN_SERVER[@]}" "$STRACE" -f --seccomp-bpf -qq -e "trace=$STRACE_CALLS" \
                -o "$out_file" "$PYTHON" "$SERVER_PY" "$port_file" >/dev/null 2>"$err" &
            ;;
    esac
    LEAD_PID=$!
    if ! await_port_file "$port_file" "$LEAD_PID"; then
        echo "bench: $kind wrote no port file: $(head -c 300 "$err")" >&2
        SERVER_PID=${SERVER_PID:-$LEAD_PID}
        stop_server "$kind"
        return 0
    fi
    if [[ $kind == untraced && $SERVER_PID != "$LEAD_PID" ]]; then
        die "the untraced server reports pid $SERVER_PID, but $LEAD_PID was started"
    fi
    if [[ $kind == strace ]]; then
        out_fd=$(fd_of_file "$LEAD_PID" "$out_file") || die "strace's output file is not open"
    fi
    rm -f "$fifo" && mkfifo "$fifo"
    "${PIN_LOAD[@]}" "$ECHO_LOAD" --port "$PORT" --connections "$CONNECTIONS" --size "$SIZE" \
        --warmup "$WARMUP_S" --duration "$WINDOW_S" >"$load_out" 2>"$fifo" &
    LOAD_PID=$!
    exec 4<"$fifo"
    local ok=0 s0 t0 b0 l0 s1 t1 b1 l1
    if expect_mark "window start" "$START_TIMEOUT" && sample "$kind" "$out_fd"; then
        s0=$S_SERVER t0=$S_TRACER b0=$S_BYTES l0=$S_LOAD
        if expect_mark "window end" "$END_TIMEOUT" && sample "$kind" "$out_fd"; then
            s1=$S_SERVER t1=$S_TRACER b1=$S_BYTES l1=$S_LOAD
            ok=1
        fi
    fi
    exec 4<&-
    await_exit "$LOAD_PID" 10 || kill -KILL "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
    LOAD_PID=""
    stop_server "$kind"
    local result dropped="-"
    result=$(cat "$load_out")
    if [[ $kind == selectscope ]]; then
        dropped=$(json_field "$(tail -n 1 "$out_file")" dropped_trace_records)
        dropped=${dropped:-?}
    fi
    if [[ $ok == 0 || -z $result ]]; then
        echo "bench: $kind round $round produced no measurement: $(head -c 300 "$err")" >&2
        return 0
    fi
    record "$round" "$kind" $((s1 - s0)) $((t1 - t0)) $((b1 - b0)) "$result" "$dropped" \
        "$(other_load "$l0" "$l1" $((s1 - s0 + t1 - t0)))"
}

# Percent of the server CPU's time spent on anything but the server and its tracer (other
# processes, steal) during the window: the measurement's noise floor. Not meaningful unpinned.
other_load() {
    local b0 n0 b1 n1
    [[ -n $1 && -n $2 ]] || { echo nan && return 0; }
    read -r b0 n0 <<<"$1"
    read -r b1 n1 <<<"$2"
    awk -v b="$((b1 - b0))" -v n="$((n1 - n0))" -v s="$3" \
        'BEGIN { if (n > 0) printf "%.0f", 100 * (b - s) / n; else print "nan" }'
}

# The untraced server's column $2 in round $1 (the reference of that round).
reference() {
    awk -F'\t' -v r="$1" -v c="$2" '$1 == "untraced" && $2 == r { print $c }' "$RESULTS"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

record() {
    local round=$1 kind=$2 sticks=$3 tticks=$4 bytes=$5 result=$6 dropped=$7 other=$8
    local rt rtps p50 p99 bad errors conns
    rt=$(json_field "$result" round_trips)
    rtps=$(json_field "$result" rt_per_s)
    p50=$(json_field "$result" p50_us)
    p99=$(json_field "$result" p99_us)
    bad=$(json_field "$result" mismatched_bytes)
    errors=$(json_field "$result" errors)
    conns=$(json_field "$result" connections)
    local server_us tracer_us total_us bytes_rt
    read -r server_us tracer_us total_us bytes_rt < <(awk -v s="$sticks" -v t="$tticks" \
        -v b="$bytes" -v hz="$CLK_TCK" -v n="$rt" 'BEGIN { if (n > 0)
            printf "%.3f %.3f %.3f %.1f\n", s * 1e6 / hz / n, t * 1e6 / hz / n,
                (s + t) * 1e6 / hz / n, b / n; else print "nan nan nan nan" }')
    [[ $kind == untraced ]] && bytes_rt="-"
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$kind" "$round" \
        "$server_us" "$tracer_us" "$total_us" "$rtps" "$p50" "$p99" "$bytes_rt" "$bad" \
        "$errors" "$conns" "$other" "$dropped" >>"$RESULTS"
    local rs="1.00" rtot="1.00"
    if [[ $kind != untraced ]]; then
        rs=$(ratio "$server_us" "$(reference "$round" 3)")
        rtot=$(ratio "$total_us" "$(reference "$round" 5)")
    fi
    printf "  round %s %-11s server %8s tracer %8s total %8s us/rt (x%s, x%s) %8s rt/s %8s B/rt  p50 %7s us  mismatched %s errors %s conns %s dropped %s other-load %s%%\n" \
        "$round" "$kind" "$server_us" "$tracer_us" "$total_us" "$rs" "$rtot" "$rtps" \
        "$bytes_rt" "$p50" "$bad" "$errors" "$conns" "$dropped" "$other"
    if [[ $conns != "$CONNECTIONS" || $bad != 0 || $errors != 0 ]]; then
        echo "  ^ warning: $conns of $CONNECTIONS connections up, $bad mismatched bytes, $errors errors" >&2
    fi
    if [[ $kind == selectscope && $dropped != 0 ]]; then
        echo "  ^ warning: selectscope dropped $dropped trace records (its bytes/rt is too low)" >&2
    fi
}

# The median of column $2 over the rounds of way $1.
column_median() {
    awk -F'\t' -v k="$1" -v c="$2" '$1 == k && $c != "-" { print $c }' "$RESULTS" |
        median "${3:-%.1f}"
}

print_table() {
    echo
    echo "Median over $ROUNDS rounds (CPU us per round trip of the Python server, of its tracer and"
    echo "both; ratios = median against the median of the untraced server of this run; B/rt = bytes"
    echo "of trace output per round trip; other% = time CPU $SERVER_CPU spent on anything but the"
    echo "server and its tracer during the window: noise, keep it near 0)"
    local fmt="%-11s %9s %9s %9s %8s %8s %9s %8s %8s %8s %10s %6s %7s %7s\n"
    # shellcheck disable=SC2059 # the format is the table's layout
    printf "$fmt" way "server" "tracer" "total" "server" "total" "rt/s" "p50 us" "p99 us" "B/rt" \
        mismatched errors dropped "other%"
    # shellcheck disable=SC2059
    printf "$fmt" "" "us/rt" "us/rt" "us/rt" "ratio" "ratio" "" "" "" "" "" "" "" ""
    local kind server total ref_server ref_total
    ref_server=$(column_median untraced 3 %.3f)
    ref_total=$(column_median untraced 5 %.3f)
    for kind in $KINDS; do
        server=$(column_median "$kind" 3 %.3f)
        total=$(column_median "$kind" 5 %.3f)
        # shellcheck disable=SC2059
        printf "$fmt" "$kind" "$server" "$(column_median "$kind" 4 %.3f)" "$total" \
            "$(ratio "$server" "$ref_server")" "$(ratio "$total" "$ref_total")" \
            "$(column_median "$kind" 6)" "$(column_median "$kind" 7)" \
            "$(column_median "$kind" 8)" "$(column_median "$kind" 9 %.0f)" \
            "$(column_median "$kind" 10 %d)" "$(column_median "$kind" 11 %d)" \
            "$(column_median "$kind" 14 %d)" "$(column_median "$kind" 13 %d)"
    done
}

main() {
    check_setup
    : >"$RESULTS"
    local round kind
    for ((round = 1; round <= ROUNDS; round++)); do
        for kind in $KINDS; do
            run_one "$round" "$kind"
        done
    done
    print_table
}

main "$@"
