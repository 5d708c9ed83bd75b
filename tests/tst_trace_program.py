#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A student's own server traced from outside (--run, --attach): the wait calls with their
sets, the socket calls and their bytes, labelled with process and thread, as strace shows them.

The servers in tests/tracer/ are written in the tutorials' style and driven by real clients on
loopback. Before each step that the server's next wait call depends on, the test waits until
the server sleeps inside its wait call (/proc/PID/stat and /proc/PID/syscall say so), so that
the sequence of calls is the same in every run, under SelectScope and under strace alike.

Usage: tst_trace_program.py PATH_TO_SELECTSCOPE. Every wait is bounded in time."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = None
HERE = os.path.dirname(os.path.abspath(__file__))
SERVERS = os.path.join(HERE, "tracer")
TIMEOUT = 15
PSELECT6 = 270  # x86-64
EPOLL_WAIT = 232


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls an observable condition until it holds; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.005)
    raise AssertionError("timed out waiting for " + what)


def sleeping_in(pid, syscall_number):
    """True while the process's main thread sleeps inside the given system call (state S:
    the kernel is waiting; a ptrace stop would be state t)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        with open("/proc/%d/syscall" % pid) as f:
            number = f.read().split()[0]
    except (OSError, IndexError):
        return False
    return state == "S" and number == str(syscall_number)


class Traced:
    """A server under `selectscope --headless --run` (or under strace), its output in a file."""

    def __init__(self, test, server, under_strace=False, extra=(), pass_fds=()):
        self.dir = tempfile.mkdtemp(prefix="ss-trace-")
        test.addCleanup(shutil.rmtree, self.dir, True)
        self.port_file = os.path.join(self.dir, "port")
        self.out_path = os.path.join(self.dir, "out")
        program = [sys.executable, os.path.join(SERVERS, server), self.port_file]
        if under_strace:
            command = ["strace", "-f", "-qq", "-e", "trace=pselect6", "-o", self.out_path,
                       *program]
            out = subprocess.DEVNULL
        else:
            command = [BINARY, "--headless", *extra, "--run", "--", *program]
            out = open(self.out_path, "w")
            test.addCleanup(out.close)
        self.proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL,
                                     pass_fds=pass_fds)
        test.addCleanup(self.kill)
        text = wait_for("the server's port file", self.read_port_file)
        self.port, self.pid = (int(v) for v in text.split())

    def read_port_file(self):
        try:
            with open(self.port_file) as f:
                return f.read()
        except OSError:
            return None

    def connect(self):
        c = socket.create_connection(("127.0.0.1", self.port), timeout=TIMEOUT)
        return c

    def stop(self):
        """Ends the trace (SIGINT to SelectScope) or the server (SIGTERM under strace), and
        returns SelectScope's exit code."""
        if self.proc.args[0] == "strace":
            os.kill(self.pid, signal.SIGTERM)
        else:
            self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=TIMEOUT)
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except (OSError, AttributeError):
            pass

    def lines(self):
        with open(self.out_path) as f:
            return [json.loads(line) for line in f]


def ready_calls(lines, name):
    """(in read, in write, in except, ready read, ready write, ready except) of each call of
    `name` that returned > 0, in order. None stands for a NULL set."""
    out = []
    for c in lines:
        if c["type"] == "call" and c.get("call") == name and c["ret"] > 0:
            i, r = c["in"], c["ready"]
            out.append((i["read"], i["write"], i["except"], r["read"], r["write"],
                        r["except"]))
    return out


def strace_sets(path):
    """The same tuples from `strace -o`: pselect6(5, [3 4], [4], [3 4], {...}, NULL) = 1
    (out [4], ...). strace prints a NULL set as NULL and leaves sets with nothing ready out
    of its "out" list."""
    calls = []
    pattern = re.compile(r"pselect6\(\d+, (NULL|\[[\d ]*\]), (NULL|\[[\d ]*\]), "
                         r"(NULL|\[[\d ]*\]), .*\) = (\d+)(?: \((.*)\))?$")
    with open(path) as f:
        text = f.read()
    for line in text.splitlines():
        m = pattern.search(line.strip())
        if not m or int(m.group(4)) == 0:
            continue
        sets = [None if s == "NULL" else [int(v) for v in s[1:-1].split()]
                for s in m.group(1, 2, 3)]
        out = {}
        for key, fds in re.findall(r"(in|out|except) \[([\d ]*)\]", m.group(5) or ""):
            out[key] = [int(v) for v in fds.split()]
        ready = [None if sets[k] is None else out.get(name, [])
                 for k, name in enumerate(("in", "out", "except"))]
        calls.append((*sets, *ready))
    return calls


def closed(pid, fd):
    """True once the process no longer has `fd` open: it has handled the client's close."""
    return not os.path.exists("/proc/%d/fd/%d" % (pid, fd))


def echo_session(server):
    """The read/write-separation scenario: connect, "hello" and its echo, close. Before each
    client step the server sleeps in pselect6, so the calls in between are always the same."""
    idle = lambda: sleeping_in(server.pid, PSELECT6)
    wait_for("the server to wait in select()", idle)
    c = server.connect()
    wait_for("select() with the new connection", idle)
    c.sendall(b"hello")
    got = b""
    while len(got) < 5:
        got += c.recv(16)
    wait_for("select() after the reply", idle)
    c.close()
    wait_for("the server to close fd 4", lambda: closed(server.pid, 4))
    wait_for("select() after the close", idle)
    return got


class TraceProgramTest(unittest.TestCase):
    def test_select_sets_match_strace_call_for_call(self):
        if not shutil.which("strace"):
            self.skipTest("strace is not installed")
        ours = Traced(self, "rw_select_server.py")
        self.assertEqual(echo_session(ours), b"hello")
        self.assertEqual(ours.stop(), 0)
        lines = ours.lines()
        mine = ready_calls(lines, "pselect6")
        # The tutorial's own calls: the listener, the new connection, its reply queued, the
        # queue found empty, the close.
        expected = [
            ([3], None, [3], [3], None, []),
            ([3, 4], None, [3, 4], [4], None, []),
            ([3, 4], [4], [3, 4], [], [4], []),
            ([3, 4], [4], [3, 4], [], [4], []),
            ([3, 4], None, [3, 4], [4], None, []),
        ]
        self.assertEqual(mine, expected)

        theirs = Traced(self, "rw_select_server.py", under_strace=True)
        self.assertEqual(echo_session(theirs), b"hello")
        theirs.stop()
        self.assertEqual(strace_sets(theirs.out_path), mine)

    def test_run_records_socket_life_and_bytes(self):
        # SelectScope's own descriptors (here one it inherited) do not reach the program: its
        # listener is fd 3, as when it starts from a terminal.
        spare = os.open(os.devnull, os.O_RDONLY)
        self.addCleanup(os.close, spare)
        server = Traced(self, "rw_select_server.py", pass_fds=(spare,))
        echo_session(server)
        server.stop()
        lines = server.lines()
        start, summary = lines[0], lines[-1]
        self.assertEqual((start["type"], start["source"], start["seccomp"]), ("start", "trace", True))
        self.assertEqual(start["pid"], server.pid)
        self.assertEqual(summary["type"], "summary")
        calls = [l for l in lines if l["type"] == "call"]
        events = [l for l in lines if l["type"] == "event"]
        self.assertEqual(summary["calls"], len(calls))
        names = [c["call"] for c in calls if c["call"] != "pselect6"]
        for name in ("socket", "bind", "listen", "accept4", "recvfrom", "sendto", "close"):
            self.assertIn(name, names)
        for c in calls:
            self.assertEqual((c["pid"], c["tid"]), (server.pid, server.pid))
        bind = next(c for c in calls if c["call"] == "bind")
        self.assertEqual((bind["fd"], bind["args"]), (3, "127.0.0.1:0"))
        recv = next(e for e in events if e["kind"] == "recv")
        send = next(e for e in events if e["kind"] == "send")
        self.assertEqual((recv["fd"], recv["bytes"], recv["preview"]), (4, 5, "hello"))
        self.assertEqual((send["fd"], send["bytes"], send["preview"]), (4, 5, "hello"))
        accept = next(e for e in events if e["kind"] == "accept")
        self.assertEqual((accept["fd"], accept["listener_fd"]), (4, 3))
        self.assertRegex(accept["text"], r"^127\.0\.0\.1:\d+$")
        closes = [e["fd"] for e in events if e["kind"] == "close"]
        self.assertEqual(closes[:1], [4])
        end = events[-1]
        self.assertEqual((end["kind"], end["status"], end["text"]),
                         ("exit", 128 + signal.SIGTERM, "killed by SIGTERM"))

    def test_selectors_epoll_interest_and_ready_lists(self):
        server = Traced(self, "selectors_server.py")
        idle = lambda: sleeping_in(server.pid, EPOLL_WAIT)
        wait_for("epoll_wait", idle)
        a = server.connect()
        wait_for("epoll_wait with a", idle)
        a.sendall(b"abc")
        self.assertEqual(a.recv(16), b"ABC")
        wait_for("epoll_wait after the reply", idle)
        a.close()
        wait_for("the server to close fd 5", lambda: closed(server.pid, 5))
        wait_for("epoll_wait after the close", idle)
        server.stop()
        waits = [c for c in server.lines() if c["type"] == "call" and c["call"] == "epoll_wait"
                 and c["ret"] > 0]
        got = [(w["in"]["read"], w["ready"]["read"], [(ch["op"], ch["fd"]) for ch in
                                                       w.get("changes", [])]) for w in waits]
        self.assertEqual(got, [([4], [4], [("add", 4)]),
                               ([4, 5], [5], [("add", 5)]),
                               ([4, 5], [5], [])])
        self.assertTrue(all(w["args"].startswith("epfd 3") for w in waits))

    def test_threads_are_labelled(self):
        server = Traced(self, "threading_server.py")
        clients = [server.connect() for _ in range(2)]
        for i, c in enumerate(clients):
            c.sendall(b"client%d" % i)
            self.assertEqual(c.recv(16), b"CLIENT%d" % i)
        for c in clients:
            c.close()
        server.stop()
        lines = server.lines()
        recvs = [l for l in lines if l["type"] == "event" and l["kind"] == "recv"]
        self.assertEqual(sorted(r["preview"] for r in recvs), ["client0", "client1"])
        tids = {r["tid"] for r in recvs}
        self.assertEqual(len(tids), 2)
        self.assertNotIn(server.pid, tids)
        self.assertTrue(all(r["pid"] == server.pid for r in recvs))
        threads = {c["thread"] for c in lines if c["type"] == "call" and c["call"] == "recvfrom"}
        self.assertEqual(threads, {1, 2})
        accepts = [l for l in lines if l["type"] == "call" and l["call"] == "accept4"]
        self.assertEqual({a["tid"] for a in accepts}, {server.pid})
        spawned = [l for l in lines if l["type"] == "event" and l["kind"] == "spawn"
                   and l["text"] == "thread"]
        self.assertGreaterEqual(len(spawned), 2)

    def test_exit_code_and_signal_end_the_trace(self):
        for code, status, text in (("raise SystemExit(3)", 3, "exited with code 3"),
                                   ("import os; os.kill(os.getpid(), 11)", 139,
                                    "killed by SIGSEGV")):
            done = subprocess.run([BINARY, "--headless", "--run", "--", sys.executable, "-c",
                                   code], capture_output=True, text=True, timeout=TIMEOUT)
            self.assertEqual(done.returncode, 0, done.stderr)
            lines = [json.loads(l) for l in done.stdout.splitlines()]
            end = [l for l in lines if l["type"] == "event" and l["kind"] == "exit"]
            self.assertEqual([(e["status"], e["text"]) for e in end], [(status, text)])
            self.assertEqual(lines[-1]["type"], "summary")

    def run_traced(self, code):
        done = subprocess.run([BINARY, "--headless", "--run", "--", sys.executable, "-c", code],
                              capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(done.returncode, 0, done.stderr)
        return [json.loads(line) for line in done.stdout.splitlines()]

    def only_call(self, lines, name):
        """The one call line of system call `name`; fails unless there is exactly one."""
        calls = [l for l in lines if l["type"] == "call" and l["call"] == name]
        self.assertEqual(len(calls), 1)
        return calls[0]

    def test_select_with_nfds_1024(self):
        # The highest descriptor select() can take, 1023: nfds 1024, a 128-byte set.
        lines = self.run_traced("import select, socket\n"
                                "a, b = socket.socketpair()\n"
                                "import os; os.dup2(a.fileno(), 1023)\n"
                                "b.send(b'x')\n"
                                "print(select.select([1023], [], [1023], 0))\n")
        c = self.only_call(lines, "pselect6")
        self.assertEqual((c["in"]["read"], c["in"]["write"], c["in"]["except"]),
                         ([1023], None, [1023]))
        self.assertEqual((c["ready"]["read"], c["ready"]["except"], c["ret"]), ([1023], [], 1))
        self.assertEqual((c["args"], c["timeout_ms"]), ("nfds 1024", 0))

    def test_ppoll_and_epoll_pwait2_with_their_timespecs(self):
        # The calls Python's own modules do not make, through libc: a timespec timeout, rounded
        # up to whole milliseconds and also given exactly in args.
        lines = self.run_traced(
            "import ctypes, select, socket\n"
            "libc = ctypes.CDLL(None, use_errno=True)\n"
            "a, b = socket.socketpair()\n"
            "b.send(b'x')\n"
            "class PollFd(ctypes.Structure):\n"
            "    _fields_ = [('fd', ctypes.c_int), ('events', ctypes.c_short),\n"
            "                ('revents', ctypes.c_short)]\n"
            "class Timespec(ctypes.Structure):\n"
            "    _fields_ = [('sec', ctypes.c_long), ('nsec', ctypes.c_long)]\n"
            "fds = (PollFd * 2)(PollFd(a.fileno(), select.POLLIN, 0),\n"
            "                   PollFd(b.fileno(), select.POLLIN | select.POLLOUT, 0))\n"
            "libc.ppoll(fds, 2, ctypes.byref(Timespec(0, 2500000)), None)\n"
            "ep = select.epoll()\n"
            "ep.register(a.fileno(), select.EPOLLIN)\n"
            "events = ctypes.create_string_buffer(64)\n"
            "libc.epoll_pwait2(ep.fileno(), events, 4, ctypes.byref(Timespec(1, 0)), None)\n")
        calls = {l["call"]: l for l in lines if l["type"] == "call"
                 and l["call"] in ("ppoll", "epoll_pwait2")}
        ppoll = calls["ppoll"]
        a, b = 3, 4  # the socketpair: the program has only 0, 1 and 2 before it
        self.assertEqual((ppoll["in"]["read"], ppoll["in"]["write"]), ([a, b], [b]))
        self.assertEqual((ppoll["ready"]["read"], ppoll["ready"]["write"], ppoll["ret"]),
                         ([a], [b], 2))
        self.assertEqual(ppoll["timeout_ms"], 3)
        self.assertEqual(ppoll["args"], "nfds 2, timeout 0 s 2500000 ns")
        # select(2) itself (glibc's select() makes pselect6), with a timeval.
        lines = self.run_traced(
            "import ctypes, socket\n"
            "libc = ctypes.CDLL(None, use_errno=True)\n"
            "a, b = socket.socketpair()\n"
            "b.send(b'x')\n"
            "readfds = ctypes.c_ulong(1 << a.fileno())\n"
            "timeval = (ctypes.c_long * 2)(0, 1500)\n"
            "libc.syscall(23, a.fileno() + 1, ctypes.byref(readfds), None, None, timeval)\n")
        select2 = self.only_call(lines, "select")
        self.assertEqual((select2["in"]["read"], select2["in"]["write"],
                          select2["ready"]["read"], select2["timeout_ms"]),
                         ([3], None, [3], 2))
        self.assertEqual(select2["args"], "nfds 4, timeout 0 s 1500 us")
        wait = calls["epoll_pwait2"]
        self.assertEqual((wait["in"]["read"], wait["ready"]["read"], wait["ret"]), ([a], [a], 1))
        self.assertEqual((wait["timeout_ms"], wait["backend"]), (1000, "epoll"))
        self.assertEqual(wait["changes"], [{"op": "add", "fd": a, "interest": 1}])

    def test_unreadable_memory_is_named_not_guessed(self):
        # A set at an address the program cannot read: the kernel says EFAULT, and the record
        # says which set could not be read instead of showing one.
        lines = self.run_traced("import ctypes\n"
                                "libc = ctypes.CDLL(None, use_errno=True)\n"
                                "libc.select(4, ctypes.c_void_p(8), None, None, None)\n")
        c = self.only_call(lines, "pselect6")
        self.assertEqual((c["ret"], c["errno_name"]), (-1, "EFAULT"))
        self.assertEqual(c["in"]["read"], [])
        self.assertRegex(c["fault"], r"^readfds in: Bad address reading 8 bytes at 0x8$")

    def test_children_are_followed(self):
        code = ("import os, socket\n"
                "pid = os.fork()\n"
                "if pid == 0:\n"
                "    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()\n"
                "    os._exit(0)\n"
                "os.waitpid(pid, 0)\n")
        done = subprocess.run([BINARY, "--headless", "--run", "--", sys.executable, "-c", code],
                              capture_output=True, text=True, timeout=TIMEOUT)
        lines = [json.loads(l) for l in done.stdout.splitlines()]
        parent = lines[0]["pid"]
        sockets = [l for l in lines if l["type"] == "call" and l["call"] == "socket"]
        self.assertEqual(len(sockets), 1)
        self.assertNotEqual(sockets[0]["pid"], parent)
        self.assertEqual(sockets[0]["args"], "AF_INET, SOCK_DGRAM|SOCK_CLOEXEC")
        exits = [l["pid"] for l in lines if l["type"] == "event" and l["kind"] == "exit"]
        self.assertEqual(exits, [sockets[0]["pid"], parent])

    def test_attach_and_detach_leave_the_server_running(self):
        d = tempfile.mkdtemp(prefix="ss-attach-")
        self.addCleanup(shutil.rmtree, d, True)
        port_file = os.path.join(d, "port")
        server = subprocess.Popen([sys.executable, os.path.join(SERVERS, "rw_select_server.py"),
                                   port_file])
        self.addCleanup(lambda: (server.kill(), server.wait(timeout=TIMEOUT)))
        port = int(wait_for("the port file", lambda: os.path.exists(port_file) and
                            open(port_file).read()).split()[0])
        wait_for("select()", lambda: sleeping_in(server.pid, PSELECT6))
        out = open(os.path.join(d, "out"), "w+")
        self.addCleanup(out.close)
        tracer = subprocess.Popen([BINARY, "--headless", "--attach", str(server.pid)],
                                  stdout=out)
        wait_for("the start line", lambda: os.path.getsize(out.name) > 0)
        c = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        c.sendall(b"traced")
        self.assertEqual(c.recv(16), b"traced")
        tracer.send_signal(signal.SIGINT)
        self.assertEqual(tracer.wait(timeout=TIMEOUT), 0)
        out.seek(0)
        lines = [json.loads(l) for l in out]
        self.assertEqual((lines[0]["seccomp"], lines[0]["pid"]), (False, server.pid))
        previews = [l.get("preview") for l in lines if l["type"] == "event"
                    and l["kind"] == "recv"]
        self.assertEqual(previews, ["traced"])
        # Detached: the server runs on and still answers.
        c.sendall(b"after")
        self.assertEqual(c.recv(16), b"after")
        self.assertIsNone(server.poll())
        c.close()

    def test_attach_errors_say_why(self):
        done = subprocess.run([BINARY, "--headless", "--attach", "abc"],
                              capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(done.returncode, 2)
        self.assertIn("attach", done.stderr)
        gone = subprocess.run([BINARY, "--headless", "--attach", "4194000"],
                              capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(gone.returncode, 1)
        self.assertEqual(gone.stderr, "selectscope: error: there is no process 4194000 "
                                      "(it may have ended)\n")
        # A process that already has a tracer: the first trace is our own --run.
        server = Traced(self, "rw_select_server.py")
        second = subprocess.run([BINARY, "--headless", "--attach", str(server.pid)],
                                capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(second.returncode, 1)
        self.assertRegex(second.stderr, r"^selectscope: error: process %d is already being "
                                        r"traced by process %d \(" % (server.pid,
                                                                      server.proc.pid))
        server.stop()

    def test_a_program_that_cannot_start(self):
        done = subprocess.run([BINARY, "--headless", "--run", "--", "/nonexistent/server"],
                              capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stderr, "selectscope: error: cannot start /nonexistent/server: "
                                      "exec: No such file or directory\n")


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
