#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Soak benchmark: does `selectscope --headless` stay flat under hours of connect/send/close churn?

    bench/soak.py [--minutes 10] [--connections 300] [--binary build/app/selectscope]

What runs:
  * the server: `selectscope --headless --listen 0,backlog=1024=echo --trace all`; its stdout is
    drained by a watcher thread that counts every line by type, event kind and close reason;
  * churn (this script, one selector loop on one thread): up to --connections connections at
    once, each connects, does --rounds echo round trips of 1..--max-size random bytes with a
    random think time (mean --think-ms) between them, checks every echoed byte against the byte
    sent, then leaves: with FIN, with RST (SO_LINGER 0), or by sending a last message and
    resetting without reading it (the server is then reset mid-write: a provoked peer-reset).
    bench/echo_load has no churn option (LoadConfig.churnAfter is not exposed on its command
    line), so the churn is done here;
  * steady load: build/bench/echo_load with --steady connections at --steady-rate round trips
    per second each, for the whole run; its mismatched_bytes counter checks those bytes;
  * a sampler (main thread): the server's RSS (/proc/PID/status VmRSS), open descriptors
    (/proc/PID/fd) and CPU time, once per second.

PASS when all of these hold (thresholds are options; the defaults are stated here):
  1. memory is flat: after the warm-up (--warmup 60 s), RSS max - min <= --rss-slack-mib (8 MiB);
  2. descriptors are flat: after the warm-up, open descriptors never exceed the idle baseline +
     connections in flight (--connections + --steady) + --fd-slack (16), and once the load has
     stopped they return exactly to the baseline within 10 s;
  3. no errors except the provoked ones: summary `errors` == 0, no `error` or `refuse` events,
     and every connection close has reason peer-closed or peer-reset (the provoked resets), or
     server-closed at shutdown;
  4. no byte lost or changed: zero mismatched bytes and zero stalled connections in the churn,
     zero mismatched bytes and errors from echo_load, zero failed connects;
  5. the server exits 0 on SIGTERM with a summary line, and load really ran.

The last line on stdout is one JSON object with every number ({"soak": ...}).
"""
import argparse
import heapq
import json
import os
import random
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

HOST = "127.0.0.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLOSE_OK = {"peer-closed", "peer-reset"}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--connections", type=int, default=300, help="churning connections at once")
    p.add_argument("--binary", default=os.path.join(ROOT, "build", "app", "selectscope"))
    p.add_argument("--echo-load", default=os.path.join(ROOT, "build", "bench", "echo_load"))
    p.add_argument("--steady", type=int, default=20, help="echo_load connections (0: none)")
    p.add_argument("--steady-rate", type=float, default=50, help="round trips/s per steady conn")
    p.add_argument("--rounds", type=int, default=4, help="round trips per churn connection")
    p.add_argument("--max-size", type=int, default=2048)
    p.add_argument("--think-ms", type=float, default=500, help="mean pause between rounds")
    p.add_argument("--reset-share", type=float, default=0.4, help="churn closes with RST")
    p.add_argument("--abort-share", type=float, default=0.1,
                   help="churn sends a last message and resets without reading it")
    p.add_argument("--warmup", type=float, default=60, help="seconds excluded from flatness")
    p.add_argument("--rss-slack-mib", type=float, default=8)
    p.add_argument("--fd-slack", type=int, default=16)
    p.add_argument("--table-every", type=float, default=0, help="table row period (0: auto)")
    return p.parse_args(argv)


# ---- the watcher ------------------------------------------------------------------------------

class Watcher:
    """Drains the server's stdout and counts lines without parsing the bulk of them."""

    def __init__(self, stream):
        self.stream = stream
        self.calls = 0
        self.kinds = {}
        self.reasons = {}
        self.problems = []  # the first error/refuse events and odd closes, parsed
        self.ports = []
        self.summary = None
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        for raw in self.stream:
            if raw.startswith(b'{"type":"call"'):
                self.calls += 1
            elif raw.startswith(b'{"type":"event"'):
                self.event(raw)
            elif raw.startswith(b'{"type":"summary"'):
                self.summary = json.loads(raw)

    def event(self, raw):
        kind = field(raw, b'"kind":"')
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if kind == "close" and b'"role":"connection"' in raw:
            reason = field(raw, b'"reason":"')
            self.reasons[reason] = self.reasons.get(reason, 0) + 1
            if reason not in CLOSE_OK | {"server-closed"}:
                self.note(raw)
        elif kind in ("error", "refuse"):
            self.note(raw)
        elif kind == "listen":
            text = json.loads(raw)["text"]
            self.ports.append(int(text.split("/")[0].rsplit(":", 1)[1]))

    def note(self, raw):
        if len(self.problems) < 20:
            self.problems.append(json.loads(raw))


def field(raw, key):
    i = raw.find(key)
    if i < 0:
        return ""
    start = i + len(key)
    return raw[start:raw.find(b'"', start)].decode("ascii", "replace")


# ---- the churn --------------------------------------------------------------------------------

class Conn:
    __slots__ = ("sock", "rounds", "mode", "sent", "acked", "msg", "out", "last", "connected")

    def __init__(self, sock, rounds, mode):
        self.sock, self.rounds, self.mode = sock, rounds, mode
        self.msg, self.out, self.acked = b"", b"", 0
        self.last, self.connected = time.monotonic(), False


class Churn:
    """Connect / ping-pong / close churn in one selector loop, verifying every echoed byte."""

    STALL_S = 10.0

    def __init__(self, port, opts):
        self.port, self.opts = port, opts
        self.pool = os.urandom(1 << 20)
        self.sel = selectors.DefaultSelector()
        self.sleepers = []  # heap of (wake time, seq, conn)
        self.seq = 0
        self.stop_flag = threading.Event()
        self.stats = dict(connects=0, connect_errors=0, completed=0, round_trips=0,
                          bytes_verified=0, mismatched_bytes=0, stalls=0, resets=0, aborts=0,
                          fins=0, lost=0)
        self.inflight = 0
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop_flag.is_set():
            self.top_up()
            self.wake_sleepers()
            for key, mask in self.sel.select(0.05):
                self.on_ready(key.data, mask)
            self.reap_stalls()
        self.shutdown()

    # connections come and go

    def top_up(self):
        while self.inflight < self.opts.connections:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            err = s.connect_ex((HOST, self.port))
            if err not in (0, 115):
                s.close()
                self.stats["connect_errors"] += 1
                return
            c = Conn(s, self.opts.rounds, self.pick_mode())
            self.sel.register(s, selectors.EVENT_WRITE, c)
            self.inflight += 1
            self.stats["connects"] += 1

    def pick_mode(self):
        r = random.random()
        if r < self.opts.abort_share:
            return "abort"
        return "rst" if r < self.opts.abort_share + self.opts.reset_share else "fin"

    def finish(self, c, counted=True):
        self.sel.unregister(c.sock)
        if c.mode == "fin":
            c.sock.close()
        else:
            c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            c.sock.close()
        self.inflight -= 1
        if counted:
            self.stats["completed"] += 1
            self.stats[{"fin": "fins", "rst": "resets", "abort": "aborts"}[c.mode]] += 1

    # the round trips

    def on_ready(self, c, mask):
        if not c.connected:
            if c.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                self.stats["connect_errors"] += 1
                return self.finish(c, counted=False)
            c.connected = True
            return self.start_round(c)
        if mask & selectors.EVENT_WRITE and c.out:
            self.send_some(c)
        if mask & selectors.EVENT_READ:
            self.read_some(c)

    def start_round(self, c):
        size = random.randint(1, self.opts.max_size)
        offset = random.randrange(len(self.pool) - size)
        c.msg = c.out = self.pool[offset:offset + size]
        c.acked, c.last = 0, time.monotonic()
        if not self.send_some(c):
            return
        if c.mode == "abort" and c.rounds == 1 and not c.out:
            return self.finish(c)  # the echo is still in flight: the server writes into a reset

    def send_some(self, c):
        try:
            n = c.sock.send(c.out)
        except BlockingIOError:
            n = 0
        except OSError:
            self.stats["lost"] += 1
            self.finish(c, counted=False)
            return False
        c.out = c.out[n:]
        events = selectors.EVENT_READ | (selectors.EVENT_WRITE if c.out else 0)
        self.sel.modify(c.sock, events, c)
        return True

    def read_some(self, c):
        try:
            data = c.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.stats["lost"] += 1
            return self.finish(c, counted=False)
        self.verify(c, data)
        if c.acked == len(c.msg) and not c.out:
            self.end_round(c)

    def verify(self, c, data):
        want = c.msg[c.acked:c.acked + len(data)]
        if data != want:
            extra = max(0, len(data) - len(want))
            self.stats["mismatched_bytes"] += extra + sum(
                1 for a, b in zip(data, want) if a != b)
        c.acked += len(data)
        c.last = time.monotonic()
        self.stats["bytes_verified"] += len(data)

    def end_round(self, c):
        self.stats["round_trips"] += 1
        c.rounds -= 1
        if c.rounds == 0:
            return self.finish(c)
        self.sel.modify(c.sock, selectors.EVENT_READ, c)  # any byte now would be unexpected
        think = random.expovariate(1000.0 / self.opts.think_ms) if self.opts.think_ms else 0
        self.seq += 1
        heapq.heappush(self.sleepers, (time.monotonic() + think, self.seq, c))

    def wake_sleepers(self):
        now = time.monotonic()
        while self.sleepers and self.sleepers[0][0] <= now:
            c = heapq.heappop(self.sleepers)[2]
            if c.sock.fileno() >= 0:
                self.start_round(c)

    def reap_stalls(self):
        now = time.monotonic()
        for key in list(self.sel.get_map().values()):
            c = key.data
            waiting = not c.connected or c.out or c.acked < len(c.msg)
            if waiting and now - c.last > self.STALL_S:
                self.stats["stalls"] += 1
                self.finish(c, counted=False)

    def shutdown(self):
        for key in list(self.sel.get_map().values()):
            self.finish(key.data, counted=False)
        self.sleepers.clear()
        self.sel.close()


# ---- the server and the samples ---------------------------------------------------------------

def proc_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def proc_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def proc_cpu_s(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(binary):
    cmd = [binary, "--headless", "--listen", "0,backlog=1024=echo", "--trace", "all"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    watcher = Watcher(proc.stdout)
    deadline = time.monotonic() + 5
    while not watcher.ports:
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            sys.exit("soak: the server did not start: " + " ".join(cmd))
        time.sleep(0.01)
    return proc, watcher


def settle_fds(pid, quiet=0.5, timeout=5):
    last, since, deadline = proc_fds(pid), time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = proc_fds(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return last


def start_echo_load(opts, port, seconds):
    if opts.steady <= 0 or not os.access(opts.echo_load, os.X_OK):
        return None
    cmd = [opts.echo_load, "--port", str(port), "--connections", str(opts.steady),
           "--size", "256", "--rate", str(opts.steady_rate), "--warmup", "1",
           "--duration", "%.1f" % max(1.0, seconds - 2)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def sample_loop(pid, churn, watcher, seconds):
    """One sample per second until `seconds` passed; returns the samples."""
    samples, start = [], time.monotonic()
    cpu0 = proc_cpu_s(pid)
    while True:
        t = time.monotonic() - start
        samples.append(dict(t=round(t, 1), rss_kib=proc_rss_kib(pid), fds=proc_fds(pid),
                            cpu_s=proc_cpu_s(pid) - cpu0, inflight=churn.inflight,
                            completed=churn.stats["completed"],
                            round_trips=churn.stats["round_trips"], calls=watcher.calls))
        if t >= seconds:
            return samples
        if len(samples) % 60 == 0:
            last = samples[-1]
            print("soak: t=%.0f s rss=%.2f MiB fds=%d churned=%d" % (
                t, last["rss_kib"] / 1024, last["fds"], last["completed"]),
                file=sys.stderr, flush=True)
        time.sleep(max(0.0, 1.0 - (time.monotonic() - start - t)))


def wait_fds(pid, target, timeout=10):
    deadline = time.monotonic() + timeout
    count = proc_fds(pid)
    while count != target and time.monotonic() < deadline:
        time.sleep(0.1)
        count = proc_fds(pid)
    return count


def stop_server(proc, watcher):
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = proc.wait(timeout=5)
    watcher.thread.join(timeout=10)
    return code


def finish_echo_load(loader):
    if loader is None:
        return None
    try:
        out, _ = loader.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        loader.kill()
        return {"exit": "timeout"}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    result["exit"] = loader.returncode
    return result


# ---- the verdict ------------------------------------------------------------------------------

def verdict(opts, r):
    """The list of (criterion, passed, detail) for the result dict r."""
    post = [s for s in r["samples"] if s["t"] >= opts.warmup] or r["samples"][-1:]
    rss = [s["rss_kib"] for s in post]
    fds = [s["fds"] for s in post]
    fd_cap = r["fd_baseline"] + opts.connections + opts.steady + opts.fd_slack
    rss_range = (max(rss) - min(rss)) / 1024
    r.update(rss_post_min_mib=min(rss) / 1024, rss_post_max_mib=max(rss) / 1024,
             rss_post_range_mib=rss_range, fds_post_max=max(fds), fd_cap=fd_cap)
    w, s, load = r["watcher"], r["summary"] or {}, r["echo_load"]
    odd = {k: v for k, v in w["close_reasons"].items() if k not in CLOSE_OK | {"server-closed"}}
    c = r["churn"]
    checks = [
        ("rss flat", rss_range <= opts.rss_slack_mib,
         "max-min %.2f MiB <= %.1f" % (rss_range, opts.rss_slack_mib)),
        ("fds bounded", max(fds) <= fd_cap, "max %d <= %d" % (max(fds), fd_cap)),
        ("fds back to baseline", r["fds_after"] == r["fd_baseline"],
         "%d == %d" % (r["fds_after"], r["fd_baseline"])),
        ("no server errors", s.get("errors", -1) == 0 and not w["kinds"].get("error")
         and not w["kinds"].get("refuse") and not odd,
         "summary errors %s, error events %d, refuse %d, odd closes %s"
         % (s.get("errors"), w["kinds"].get("error", 0), w["kinds"].get("refuse", 0), odd)),
        ("churn bytes exact", c["mismatched_bytes"] == 0 and c["stalls"] == 0
         and c["connect_errors"] == 0 and c["lost"] == 0,
         "mismatched %d, stalls %d, connect errors %d, lost %d"
         % (c["mismatched_bytes"], c["stalls"], c["connect_errors"], c["lost"])),
        ("echo_load bytes exact", load is None or (load.get("mismatched_bytes") == 0
                                                   and load.get("errors") == 0
                                                   and load.get("exit") == 0),
         "skipped" if load is None else json.dumps(load)),
        ("clean exit", r["exit_code"] == 0 and bool(s), "exit %s" % r["exit_code"]),
        ("load ran", c["completed"] > 0 and c["round_trips"] > 0,
         "%d connections, %d round trips" % (c["completed"], c["round_trips"])),
    ]
    return checks


def print_table(opts, samples):
    every = opts.table_every or max(10.0, round(samples[-1]["t"] / 20 / 10) * 10)
    print("%7s %9s %6s %9s %10s %9s %8s %7s" % ("t(s)", "RSS(MiB)", "fds", "inflight",
                                                 "conns/s", "rt/s", "calls/s", "cpu%"))
    prev, next_row = samples[0], 0.0
    for s in samples:
        if s["t"] + 1e-6 < next_row and s is not samples[-1]:
            continue
        dt = max(s["t"] - prev["t"], 1e-9)
        print("%7.0f %9.2f %6d %9d %10.1f %9.1f %8.0f %7.1f" % (
            s["t"], s["rss_kib"] / 1024, s["fds"], s["inflight"],
            (s["completed"] - prev["completed"]) / dt,
            (s["round_trips"] - prev["round_trips"]) / dt,
            (s["calls"] - prev["calls"]) / dt, 100 * (s["cpu_s"] - prev["cpu_s"]) / dt))
        prev, next_row = s, s["t"] + every


def main():
    opts = parse_args()
    seconds = opts.minutes * 60
    proc, watcher = start_server(os.path.abspath(opts.binary))
    port = watcher.ports[0]
    baseline = settle_fds(proc.pid)
    rss0 = proc_rss_kib(proc.pid)
    churn = Churn(port, opts)
    loader = start_echo_load(opts, port, seconds)
    churn.thread.start()
    samples = sample_loop(proc.pid, churn, watcher, seconds)
    churn.stop_flag.set()
    churn.thread.join(timeout=15)
    load = finish_echo_load(loader)
    fds_after = wait_fds(proc.pid, baseline)
    code = stop_server(proc, watcher)
    r = dict(seconds=seconds, connections=opts.connections, steady=opts.steady,
             fd_baseline=baseline, rss_start_mib=rss0 / 1024, fds_after=fds_after,
             exit_code=code, summary=watcher.summary, churn=churn.stats, echo_load=load,
             watcher=dict(calls=watcher.calls, kinds=watcher.kinds,
                          close_reasons=watcher.reasons, problems=watcher.problems[:5]),
             samples=samples)
    checks = verdict(opts, r)
    print_table(opts, samples)
    for name, ok, detail in checks:
        print("%-22s %s  %s" % (name, "ok  " if ok else "FAIL", detail))
    passed = all(ok for _, ok, _ in checks)
    print("PASS" if passed else "FAIL")
    r["checks"] = {name: ok for name, ok, _ in checks}
    r["pass"] = passed
    r.pop("samples")
    print(json.dumps({"soak": r}, separators=(",", ":")))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
