#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless CLI as an engineer uses it: JSON lines on stdout, one object per call and per
event, a summary at exit, clean shutdown on SIGTERM, and one-line errors with exit code 2.

Usage: tst_headless.py PATH_TO_SELECTSCOPE. Every step is bounded in time."""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = None
TIMEOUT = 10


def start(*args):
    return subprocess.Popen([BINARY, "--headless", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def read_until(proc, pred, timeout=TIMEOUT):
    """Reads JSON lines until pred(obj) holds; returns (match, every object read)."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        obj = json.loads(line)
        seen.append(obj)
        if pred(obj):
            return obj, seen
    raise AssertionError("no matching line; read %d lines" % len(seen))


def listen_ports(proc, count):
    ports = []
    while len(ports) < count:
        ev, _ = read_until(proc, lambda o: o.get("kind") == "listen")
        ports.append(int(ev["text"].split("/")[0].rsplit(":", 1)[1]))
    return ports


def finish(proc):
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=TIMEOUT)
    return proc.returncode, [json.loads(l) for l in out.splitlines()], err


def record_session(test, args, traffic):
    """Runs a headless session, calls traffic(port) once it listens, and returns its raw output:
    a recording."""
    proc = start(*args)
    raw = []
    try:
        port = None
        deadline = time.monotonic() + TIMEOUT
        while port is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            raw.append(line)
            obj = json.loads(line)
            if obj.get("kind") == "listen":
                port = int(obj["text"].split("/")[0].rsplit(":", 1)[1])
        test.assertIsNotNone(port, "".join(raw))
        traffic(port)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
    test.assertEqual(proc.returncode, 0, err)
    return "".join(raw) + out


def open_recording(text, *args):
    """Writes text to a file and runs --headless --open on it; returns the CompletedProcess."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "lesson.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return subprocess.run([BINARY, "--headless", "--open", path, *args], capture_output=True,
                              text=True, encoding="utf-8", timeout=TIMEOUT), path


class Headless(unittest.TestCase):
    def test_echo_session_is_traced_and_summarised(self):
        proc = start("--preset", "echo", "--port", "0", "--timeout-ms", "200")
        try:
            port = listen_ports(proc, 1)[0]
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
                c.sendall("你好 select".encode())
                self.assertEqual(c.recv(1024).decode(), "你好 select")
            code, lines, err = finish(proc)
        finally:
            proc.kill()
        self.assertEqual(code, 0, err)
        calls = [l for l in lines if l["type"] == "call"]
        events = [l for l in lines if l["type"] == "event"]
        recv = next(e for e in events if e["kind"] == "recv")
        self.assertEqual(recv["preview"], "你好 select")
        self.assertEqual(bytes.fromhex(recv["preview_hex"]), "你好 select".encode())
        conn = recv["fd"]
        ready = [c for c in calls if conn in c["ready"]["read"]]
        self.assertTrue(ready, "no call returned the connection readable")
        self.assertIn(conn, ready[0]["in"]["read"])
        for c in calls:
            for key in ("read", "write", "except"):
                # select() gets an empty set as NULL, which the line shows as null.
                if c["in"][key] is None:
                    self.assertEqual(c["backend"], "select")
                    self.assertIsNone(c["ready"][key])
                else:
                    self.assertIsInstance(c["in"][key], list)
            self.assertIn(c["backend"], ("epoll", "poll", "select"))
        summary = lines[-1]
        self.assertEqual(summary["type"], "summary")
        self.assertEqual(summary["bytes_in"], len("你好 select".encode()))
        self.assertEqual(summary["bytes_out"], summary["bytes_in"])
        self.assertEqual(summary["accepted"], 1)

    def test_tutorial_preset_numbers_descriptors_like_the_tutorial(self):
        """Seed 000's read/write-separation server, run under strace with two clients, calls
        select(4, [3], NULL, [3], {1, 0}), then select(5, [3 4], NULL, [3 4], ...), puts 4 in
        the write set while a reply waits, and so on. The preset must pass the same sets: the
        listener is 3, the connections 4 and 5, nothing else is watched, empty sets are NULL."""
        proc = start("--preset", "rw-split", "--port", "0")  # a select.select tutorial: select
        try:
            port = listen_ports(proc, 1)[0]
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as a:
                a.sendall("hi".encode())
                self.assertEqual(a.recv(1024).decode(), "hi好")
                with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as b:
                    b.sendall("ok".encode())
                    self.assertEqual(b.recv(1024).decode(), "ok好")
            code, lines, err = finish(proc)
        finally:
            proc.kill()
        self.assertEqual(code, 0, err)
        self.assertEqual(lines[0]["backend"], "select")
        calls = [l for l in lines if l["type"] == "call"]
        events = [l for l in lines if l["type"] == "event"]
        self.assertEqual([e["fd"] for e in events if e["kind"] == "accept"], [4, 5])
        self.assertEqual(calls[0]["in"], {"read": [3], "write": None, "except": [3]})
        self.assertEqual(calls[0]["ready"]["write"], None)
        sets = [(c["in"]["read"], c["in"]["write"], c["in"]["except"]) for c in calls]
        self.assertIn(([3, 4], None, [3, 4]), sets)
        self.assertIn(([3, 4], [4], [3, 4]), sets)
        self.assertIn(([3, 4, 5], None, [3, 4, 5]), sets)
        self.assertIn(([3, 4, 5], [5], [3, 4, 5]), sets)
        for read, write, exc in sets:
            self.assertTrue(set(read) <= {3, 4, 5}, read)
            self.assertTrue(set(exc) <= {3, 4, 5}, exc)
            self.assertTrue(write is None or set(write) <= {4, 5}, write)

    def test_welcome_preset_on_three_ports_with_select(self):
        proc = start("--preset", "welcome", "--ports", "0,0,0", "--backend", "select",
                     "--trace", "events")
        try:
            ports = listen_ports(proc, 3)
            for port in ports:
                with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
                    self.assertEqual(c.recv(1024).decode("utf-8"), "欢迎访问")
            code, lines, _ = finish(proc)
        finally:
            proc.kill()
        self.assertEqual(code, 0)
        self.assertFalse([l for l in lines if l["type"] == "call"])  # --trace events
        self.assertEqual(lines[-1]["accepted"], 3)

    def test_duration_ends_the_run(self):
        t0 = time.monotonic()
        out = subprocess.run([BINARY, "--headless", "--listen", "0=echo", "--duration", "0.5",
                              "--trace", "none"], capture_output=True, text=True,
                             timeout=TIMEOUT)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertLess(time.monotonic() - t0, 5)
        lines = [json.loads(l) for l in out.stdout.splitlines()]
        self.assertEqual([l["type"] for l in lines], ["start", "summary"])

    @unittest.skipUnless(sys.platform.startswith("linux"), "epoll is Linux only")
    def test_edge_triggered_epoll_reads_once_per_edge(self):
        """--epoll-mode et with recv=4: a 10-byte message gets 4 bytes back, the ADD says
        "et":true (strace: EPOLLIN|EPOLLET), and the start line names the mode."""
        proc = start("--backend", "epoll", "--epoll-mode", "et", "--listen", "0,recv=4=echo",
                     "--timeout-ms", "50")
        try:
            head, _ = read_until(proc, lambda o: o["type"] == "start")
            self.assertEqual(head["epoll_mode"], "et")
            port = listen_ports(proc, 1)[0]
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as c:
                c.sendall(b"0123456789")
                recv, seen = read_until(proc, lambda o: o.get("kind") == "recv")
                self.assertEqual(recv["preview"], "0123")
                # Later calls time out without the connection: the 6 bytes are not reported.
                later, more = read_until(proc, lambda o: o["type"] == "call" and o["n"] >= 12)
                self.assertEqual(c.recv(1024), b"0123")
            code, lines, err = finish(proc)
        finally:
            proc.kill()
        self.assertEqual(code, 0, err)
        everything = seen + more + lines
        adds = [ch for l in everything if l["type"] == "call" for ch in l.get("changes", [])
                if ch["op"] == "add" and ch["fd"] == recv["fd"]]
        self.assertEqual(adds, [{"op": "add", "fd": recv["fd"], "interest": 1, "et": True}])
        # Until the client closed (its FIN is a new edge, and the server reads again then).
        self.assertEqual([l for l in seen + more if l.get("kind") == "recv"], [recv])

    def test_blocking_model_records_accept_recv_and_send(self):
        """io-blocking makes no wait call: its accept(), recv() and send() are the call lines,
        with the socket and no sets; a second client waits until the first has left."""
        proc = start("--preset", "io-blocking", "--port", "0")
        try:
            first_line, _ = read_until(proc, lambda o: o["type"] == "start")
            self.assertEqual(first_line["model"], "blocking")
            port = listen_ports(proc, 1)[0]
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as a:
                a.sendall(b"hello")
                self.assertEqual(a.recv(1024), b"HELLO")
                with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as b:
                    b.sendall(b"world")
                    a.close()
                    self.assertEqual(b.recv(1024), b"WORLD")
            code, lines, err = finish(proc)
        finally:
            proc.kill()
        self.assertEqual(code, 0, err)
        calls = [l for l in lines if l["type"] == "call"]
        self.assertTrue(calls)
        for c in calls:
            self.assertIn(c["call"], ("accept", "recv", "send"))
            self.assertNotIn("in", c)
            self.assertNotIn("ready", c)
            self.assertNotIn("thread", c)  # one thread: the main one
        accepts = [c for c in calls if c["call"] == "accept" and c["ret"] >= 0]
        self.assertEqual(len(accepts), 2)
        # The second client gets the first one's number again once it is closed: A's calls are
        # those between the two accepts.
        self.assertEqual(accepts[1]["ret"], accepts[0]["ret"])
        first = [c for c in calls if accepts[0]["n"] < c["n"] < accepts[1]["n"]]
        self.assertEqual([(c["call"], c["fd"], c["ret"]) for c in first],
                         [("recv", accepts[0]["ret"], 5), ("send", accepts[0]["ret"], 5),
                          ("recv", accepts[0]["ret"], 0)])  # hello, then EOF: closed
        self.assertEqual(lines[-1]["socket_calls"], len(calls))
        self.assertEqual(lines[-1]["wait_calls"], 0)
        self.assertEqual(lines[-1]["peak_server_threads"], 1)
        self.assertGreaterEqual(lines[-1]["cpu_seconds"], 0)

    @unittest.skipUnless(sys.platform.startswith("linux"), "the IO-model presets are Linux's")
    def test_compare_models_prints_a_line_per_model(self):
        out = subprocess.run([BINARY, "--compare-models"], capture_output=True, text=True,
                             encoding="utf-8", timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        runs = {r["preset"]: r for r in map(json.loads, out.stdout.splitlines())}
        self.assertEqual(list(runs), ["io-blocking", "io-threaded", "io-nonblocking", "io-select"])
        for run in runs.values():
            self.assertEqual(run["type"], "model")
            self.assertEqual(run["clients_served"], 3, run)
            self.assertEqual(len(run["wait_ms"]), 3)
            self.assertEqual(run["second_client_wait_ms"], run["wait_ms"][1])
            self.assertNotIn("errors", run)
        # One at a time: the second client is answered once the slow one has gone.
        self.assertEqual(runs["io-blocking"]["served_while_slow_held"], 1)
        self.assertGreater(runs["io-blocking"]["second_client_wait_ms"],
                           runs["io-select"]["second_client_wait_ms"])
        self.assertEqual(runs["io-select"]["served_while_slow_held"], 3)
        self.assertEqual(runs["io-select"]["threads"], 1)
        self.assertGreaterEqual(runs["io-threaded"]["threads"], 3)

    def test_open_prints_a_recording_again_byte_for_byte(self):
        def traffic(port):
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as a, \
                    socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as b:
                a.sendall("你好".encode())
                self.assertTrue(a.recv(1024))
                b.sendall(b"\xff\x00hi")
                self.assertTrue(b.recv(1024))
                a.send(b"!", socket.MSG_OOB)
                try:  # the except set: the server closes it, with or without a reset
                    left = a.recv(1024)
                except ConnectionResetError:
                    left = b""
                self.assertEqual(left, b"")
        recording = record_session(self, ["--preset", "rw-split", "--port", "0",
                                          "--timeout-ms", "100"], traffic)
        kinds = {json.loads(l).get("kind") for l in recording.splitlines()}
        self.assertTrue({"listen", "accept", "watch", "recv", "send", "close"} <= kinds, kinds)
        out, _ = open_recording(recording)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, recording)
        # --trace calls: the start line, the call lines as they were, the summary.
        out, _ = open_recording(recording, "--trace", "calls")
        self.assertEqual(out.returncode, 0, out.stderr)
        kept = [l for l in recording.splitlines(True)
                if json.loads(l)["type"] in ("start", "call", "summary")]
        self.assertEqual(out.stdout, "".join(kept))

    @unittest.skipUnless(sys.platform.startswith("linux"), "the IO-model presets are Linux's")
    def test_open_prints_the_socket_calls_of_a_threaded_server_again(self):
        def traffic(port):
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as a:
                a.sendall(b"hi")
                self.assertEqual(a.recv(1024), b"HI")
        recording = record_session(self, ["--preset", "io-threaded", "--port", "0"], traffic)
        self.assertIn('"thread":1', recording)
        out, _ = open_recording(recording)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, recording)

    def test_open_stops_at_a_damaged_line_and_names_it(self):
        def traffic(port):
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as a:
                a.sendall(b"hi")
                self.assertEqual(a.recv(1024), b"hi")
        lines = record_session(self, ["--preset", "echo", "--port", "0", "--timeout-ms", "100"],
                               traffic).splitlines(True)
        self.assertGreater(len(lines), 4)
        damaged = "".join(lines[:3]) + lines[3][:len(lines[3]) // 2]  # cut mid-line
        out, path = open_recording(damaged)
        self.assertEqual(out.returncode, 1)
        self.assertEqual(out.stdout, "".join(lines[:3]))
        self.assertTrue(out.stderr.startswith("selectscope: error: %s:4: not JSON: " % path),
                        out.stderr)
        self.assertEqual(len(out.stderr.splitlines()), 1)
        for n in range(1, len(lines) - 1):  # a call or an event line: each names the key
            wrong = "".join(lines[:n]) + lines[n].replace('"n":', '"x":1,"n":', 1)
            out, path = open_recording(wrong)
            self.assertEqual(out.returncode, 1)
            self.assertEqual(out.stdout, "".join(lines[:n]))
            self.assertEqual(out.stderr, 'selectscope: error: %s:%d: unknown key "x"\n'
                             % (path, n + 1))

    def test_bad_arguments_exit_2_with_one_line(self):
        for args in (["--backend", "nope"], ["--preset", "nope"], ["--listen", "70000"],
                     ["--trace", "some"], ["--timeout-ms", "soon"], ["--epoll-mode", "edge"],
                     ["--epoll-mode", "et", "--backend", "select"]):
            out = subprocess.run([BINARY, "--headless", *args], capture_output=True, text=True,
                                 timeout=TIMEOUT)
            self.assertEqual(out.returncode, 2, args)
            self.assertEqual(len(out.stderr.strip().splitlines()), 1, out.stderr)
            self.assertIn("error", out.stderr)

    def test_port_in_use_is_reported(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen()
            port = s.getsockname()[1]
            out = subprocess.run([BINARY, "--headless", "--listen", str(port), "--duration", "1"],
                                 capture_output=True, text=True, timeout=TIMEOUT)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("port %d is already in use" % port, out.stderr)

    def test_listings(self):
        out = subprocess.run([BINARY, "--list-presets"], capture_output=True, text=True,
                             timeout=TIMEOUT)
        self.assertEqual(out.returncode, 0)
        for name in ("welcome", "greet-suffix", "rw-split", "echo", "queue-echo", "upper",
                     "udp-upper", "framed-file", "http", "chat"):
            self.assertIn(name, out.stdout)
        out = subprocess.run([BINARY, "--list-backends"], capture_output=True, text=True,
                             timeout=TIMEOUT)
        self.assertEqual(out.returncode, 0)
        for name in ("select", "poll", "epoll"):
            self.assertIn(name, out.stdout)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
