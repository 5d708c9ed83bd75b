# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the hostile-client suite: a headless SelectScope server under test, the JSON
lines it writes, its descriptors and memory, and well-behaved clients that prove it still serves.

Every wait here is bounded; every socket talks to 127.0.0.1 only. Python 3.11 stdlib only.
"""
import json
import os
import resource
import selectors
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time

HOST = "127.0.0.1"
DEFAULT_TIMEOUT = 5.0
# Kinds that can arrive by the hundred thousand under bulk traffic. The reader counts them but
# does not parse or keep them unless asked, so it keeps up with the engine and the trace ring
# (8 MiB) never has to drop the records the tests look for.
BULK_KINDS = frozenset({"recv", "send", "queue-change", "watch", "unwatch"})
_KIND_KEY = b'"kind":"'


def raise_own_nofile(want):
    """Raises this process's soft RLIMIT_NOFILE towards want; returns the soft limit reached."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = want if hard == resource.RLIM_INFINITY else min(want, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def _kind_of(line):
    """The value of "kind" in a raw JSON event line, without parsing the whole line."""
    i = line.find(_KIND_KEY)
    if i < 0:
        return None
    start = i + len(_KIND_KEY)
    return line[start:line.find(b'"', start)].decode("ascii", "replace")


class Server:
    """One `selectscope --headless` process, its JSON lines collected by a reader thread.

    nofile: if given, the soft and hard RLIMIT_NOFILE the server starts under (via prlimit, or
    setrlimit in the child when prlimit is missing). keep_kinds: bulk event kinds to keep anyway.
    """

    def __init__(self, binary, args, nofile=None, keep_kinds=(), keep_calls=False):
        self.binary = binary
        self.args = list(args)
        self.nofile = nofile
        self.keep = set(keep_kinds)
        self.keep_calls = keep_calls
        self.lines = []  # parsed objects: start, kept events, kept calls, summary
        self.kind_counts = {}
        self.call_count = 0
        self.stderr_lines = []
        self.summary = None
        self.returncode = None
        self._cond = threading.Condition()
        self._eof = False
        self.proc = None

    # ---- life cycle -------------------------------------------------------------------------

    def start(self, listeners=1):
        """Starts the process and waits until `listeners` listen events arrived."""
        cmd = [self.binary, "--headless", *self.args]
        preexec = None
        if self.nofile is not None:
            prlimit = shutil.which("prlimit")
            if prlimit:
                cmd = [prlimit, f"--nofile={self.nofile}:{self.nofile}", "--", *cmd]
            else:
                limit = self.nofile
                preexec = lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, preexec_fn=preexec)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        if len(self.poll_events("listen", listeners)) < listeners:
            self.kill()
            raise AssertionError(f"server did not start: {cmd} stderr={self.stderr_lines}")
        return self

    def stop(self, timeout=10.0):
        """SIGTERM, wait, and return the parsed summary; asserts exit code 0 and a summary."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.returncode = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError("server did not stop within %.0f s of SIGTERM" % timeout)
        self._wait_eof(timeout)
        if self.returncode != 0:
            raise AssertionError(f"server exited with {self.returncode}; "
                                 f"stderr={self.stderr_lines[-5:]}")
        if self.summary is None:
            raise AssertionError("server wrote no summary line")
        return self.summary

    def kill(self):
        """Last resort in tearDown: kill this process (by its own pid) if it still runs."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)

    def alive(self):
        return self.proc.poll() is None

    # ---- the reader -------------------------------------------------------------------------

    def _read_stdout(self):
        for raw in self.proc.stdout:
            obj = self._classify(raw)
            if obj is not None:
                with self._cond:
                    self.lines.append(obj)
                    if obj.get("type") == "summary":
                        self.summary = obj
                    self._cond.notify_all()
        self.proc.stdout.close()
        with self._cond:
            self._eof = True
            self._cond.notify_all()

    def _classify(self, raw):
        """Counts a line; returns it parsed if it is worth keeping, else None."""
        if raw.startswith(b'{"type":"call"'):
            self.call_count += 1
            return json.loads(raw) if self.keep_calls else None
        kind = _kind_of(raw) if raw.startswith(b'{"type":"event"') else None
        if kind is not None:
            self.kind_counts[kind] = self.kind_counts.get(kind, 0) + 1
            if kind in BULK_KINDS and kind not in self.keep:
                return None
        return json.loads(raw)

    def _read_stderr(self):
        for raw in self.proc.stderr:
            self.stderr_lines.append(raw.decode("utf-8", "replace").rstrip())
        self.proc.stderr.close()

    def _wait_eof(self, timeout):
        with self._cond:
            self._cond.wait_for(lambda: self._eof, timeout)

    # ---- events -----------------------------------------------------------------------------

    def mark(self):
        """An index into the kept lines: pass it as `since` to look only at what follows."""
        with self._cond:
            return len(self.lines)

    def events(self, kind=None, since=0, pred=None):
        with self._cond:
            found = self.lines[since:]
        return [e for e in found if e.get("type") == "event"
                and (kind is None or e.get("kind") == kind) and (pred is None or pred(e))]

    def wait_event(self, kind, pred=None, timeout=DEFAULT_TIMEOUT, since=0):
        """The first event of `kind` (after `since`) for which pred holds, waiting boundedly."""
        return self.wait_events(kind, 1, pred, timeout, since)[0]

    def wait_events(self, kind, count, pred=None, timeout=DEFAULT_TIMEOUT, since=0):
        """At least `count` matching events, waiting boundedly; raises AssertionError if not."""
        found = self.poll_events(kind, count, pred, timeout, since)
        if len(found) < count:
            tail = [json.dumps(e) for e in self.lines[-5:]]
            raise AssertionError(f"expected {count} '{kind}' events, got {len(found)}; "
                                 f"last lines: {tail}")
        return found

    def poll_events(self, kind, count, pred=None, timeout=DEFAULT_TIMEOUT, since=0):
        """The matching events once there are `count` of them, or those there are after
        `timeout` seconds (or at the end of the output): the caller decides what is missing."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.events(kind, since, pred)
            left = deadline - time.monotonic()
            if len(found) >= count or left <= 0 or self._eof:
                return found
            with self._cond:
                self._cond.wait(min(left, 0.05))

    def ports(self, proto="tcp"):
        """Bound ports of the listeners, in order, from the listen events' text."""
        result = []
        for e in self.events("listen"):
            address, rest = e["text"].split("/", 1)
            if rest.startswith(proto):
                result.append(int(address.rsplit(":", 1)[1]))
        return result

    def fd_of(self, client, timeout=DEFAULT_TIMEOUT):
        """The server's descriptor for a client socket, from the accept event naming its port."""
        peer = "%s:%d" % client.getsockname()[:2]
        return self.wait_event("accept", lambda e: e.get("text") == peer, timeout)["fd"]

    def wait_close(self, fd, since=0, timeout=DEFAULT_TIMEOUT):
        """The close event of a connection descriptor (after `since`)."""
        return self.wait_event("close", lambda e: e["fd"] == fd and e["role"] == "connection",
                               timeout, since)

    # ---- /proc ------------------------------------------------------------------------------

    def fd_count(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """utime + stime of the server process (all threads), in seconds."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_fds(self, target, timeout=DEFAULT_TIMEOUT):
        """Waits until the descriptor count equals target; returns the last count seen."""
        deadline = time.monotonic() + timeout
        count = self.fd_count()
        while count != target and time.monotonic() < deadline:
            time.sleep(0.05)
            count = self.fd_count()
        return count

    def settle_baseline(self, quiet=0.3, timeout=DEFAULT_TIMEOUT):
        """The descriptor count once it has stayed the same for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        last, since = self.fd_count(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.fd_count()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return last


# ---- clients ----------------------------------------------------------------------------------

def recv_exactly(sock, n, timeout=DEFAULT_TIMEOUT):
    """Reads exactly n bytes (or raises): the well-behaved client's read."""
    sock.settimeout(timeout)
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(min(n - got, 1 << 20))
        if not chunk:
            raise AssertionError(f"EOF after {got} of {n} bytes")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def recv_until_marker(sock, marker, timeout=DEFAULT_TIMEOUT, limit=1 << 20):
    """Reads until the bytes received end with marker (or raises); returns them all."""
    sock.settimeout(timeout)
    got = b""
    deadline = time.monotonic() + timeout
    while not got.endswith(marker):
        if time.monotonic() > deadline or len(got) > limit:
            raise AssertionError(f"no {marker!r} within {timeout:.0f} s; got {got[-40:]!r}")
        chunk = sock.recv(1 << 16)
        if not chunk:
            raise AssertionError(f"EOF before {marker!r}; got {got[-40:]!r}")
        got += chunk
    return got


def recv_until_eof(sock, timeout=DEFAULT_TIMEOUT, limit=64 << 20):
    """Everything until EOF (or a reset after data); returns (bytes, how it ended)."""
    sock.settimeout(timeout)
    chunks, got = [], 0
    deadline = time.monotonic() + timeout
    while got < limit and time.monotonic() < deadline:
        try:
            chunk = sock.recv(1 << 16)
        except ConnectionResetError:
            return b"".join(chunks), "reset"
        if not chunk:
            return b"".join(chunks), "eof"
        chunks.append(chunk)
        got += len(chunk)
    raise AssertionError(f"no EOF within {timeout} s ({got} bytes read)")


def echo_round_trip(port, payload=b"still serving\n", timeout=DEFAULT_TIMEOUT):
    """One well-behaved echo client: connect, send, read it all back. Returns seconds taken."""
    start = time.monotonic()
    with socket.create_connection((HOST, port), timeout=timeout) as s:
        s.sendall(payload)
        back = recv_exactly(s, len(payload), timeout)
    if back != payload:
        raise AssertionError(f"echo mismatch: sent {payload[:40]!r}, got {back[:40]!r}")
    return time.monotonic() - start


def linger_reset(sock):
    """Closes with RST instead of FIN (SO_LINGER on, timeout 0)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def open_many(port, count, timeout=10.0):
    """Opens `count` connections with non-blocking connects in one selector loop.

    Returns (connected sockets, number that failed). Bounded by `timeout` overall; sockets still
    connecting at the deadline are closed and counted as failed.
    """
    sel = selectors.DefaultSelector()
    pending = []
    failed = 0
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        err = s.connect_ex((HOST, port))
        if err not in (0, 115):  # EINPROGRESS
            s.close()
            failed += 1
            continue
        sel.register(s, selectors.EVENT_WRITE)
        pending.append(s)
    connected = []
    deadline = time.monotonic() + timeout
    while sel.get_map() and time.monotonic() < deadline:
        for key, _ in sel.select(0.1):
            s = key.fileobj
            sel.unregister(s)
            if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                connected.append(s)
            else:
                s.close()
                failed += 1
    for key in list(sel.get_map().values()):
        key.fileobj.close()
        failed += 1
    sel.close()
    return connected, failed


def close_all(socks):
    for s in socks:
        s.close()


def udp_exchange(port, payload, timeout=2.0, bufsize=1 << 17):
    """Sends one datagram and returns the one answer (bytes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 18)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 18)
        s.settimeout(timeout)
        s.sendto(payload, (HOST, port))
        data, _ = s.recvfrom(bufsize)
        return data
