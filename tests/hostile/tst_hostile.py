#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile clients against `selectscope --headless`: each test is one attack, and each proves
(a) the server still serves a well-behaved client afterwards, (b) its descriptor count returns
to the baseline, and (c) the event it logged names the cause.

Usage: tst_hostile.py [PATH_TO_SELECTSCOPE] [unittest options]
(default: build/app/selectscope beside this checkout). Traffic goes to 127.0.0.1 only; every
loop is bounded in count and time.
"""
import json
import os
import selectors
import socket
import struct
import sys
import tempfile
import time
import unittest

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_lib as hl  # noqa: E402

BINARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "app",
                      "selectscope")
MIB = 1 << 20
PROMPT_S = 1.0  # a well-behaved client's round trip must stay under this during an attack


def setUpModule():
    """The flood tests need more descriptors than the usual soft limit of 1024."""
    hl.raise_own_nofile(4096)


class HostileCase(unittest.TestCase):
    """Shared steps: start a server, prove it serves, prove its descriptors came back."""

    def serve(self, *args, nofile=None, listeners=1, keep_kinds=()):
        srv = hl.Server(BINARY, args, nofile=nofile, keep_kinds=keep_kinds)
        srv.start(listeners)
        self.addCleanup(srv.kill)
        return srv

    def assert_serving(self, port, payload=b"still serving\n"):
        rtt = hl.echo_round_trip(port, payload)
        self.assertLess(rtt, PROMPT_S, "the well-behaved client waited %.3f s" % rtt)
        return rtt

    def assert_fds_back(self, srv, baseline, timeout=5.0):
        count = srv.wait_fds(baseline, timeout)
        self.assertEqual(count, baseline,
                         "server descriptors did not return to the baseline within %.0f s"
                         % timeout)

    def assert_clean_stop(self, srv):
        summary = srv.stop()
        self.assertEqual(srv.returncode, 0)
        return summary


# ---- descriptor floods ---------------------------------------------------------------------

class DescriptorFloods(HostileCase):
    def test_flood_past_rlimit_nofile(self):
        """A connection flood past RLIMIT_NOFILE (64) gets EMFILE events and refusals, the loop
        does not spin at a full descriptor table, and service resumes once the flood leaves."""
        srv = self.serve("--listen", "0,backlog=512=echo", nofile=64)
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        cpu0, t0 = srv.cpu_seconds(), time.monotonic()
        socks, _ = hl.open_many(port, 200, timeout=10)
        self.addCleanup(hl.close_all, socks)
        err = srv.wait_event("error", lambda e: e.get("errno_name") == "EMFILE")
        self.assertIn("out of descriptors", err.get("text", ""))
        srv.wait_event("refuse", lambda e: "EMFILE" in e.get("text", ""))
        knocks = self._knock_while_full(port, seconds=1.5)
        cpu_share = (srv.cpu_seconds() - cpu0) / (time.monotonic() - t0)
        self.assertLess(cpu_share, 0.5, "server burnt %.0f%% CPU at a full descriptor table"
                        % (100 * cpu_share))
        self.assertLessEqual(srv.fd_count(), 64)
        hl.close_all(socks)
        self.assert_fds_back(srv, baseline)
        self.assert_serving(port)
        summary = self.assert_clean_stop(srv)
        self.assertGreaterEqual(summary["accepted"] + summary["refused"], 200 + knocks - 5)
        calls_per_s = summary["wait_calls"] / max(summary["uptime_seconds"], 0.1)
        self.assertLess(summary["wait_calls"], 20 * (200 + knocks) + 100,
                        "wait calls %d: the loop spun" % summary["wait_calls"])
        print("\n  rlimit flood: accepted=%d refused=%d errors=%d wait_calls=%d (%.0f/s) "
              "cpu=%.0f%%" % (summary["accepted"], summary["refused"], summary["errors"],
                              summary["wait_calls"], calls_per_s, 100 * cpu_share),
              file=sys.stderr)

    @staticmethod
    def _knock_while_full(port, seconds):
        """Keeps connecting (and hanging up) while the table is full; returns how many."""
        knocks, deadline = 0, time.monotonic() + seconds
        while time.monotonic() < deadline:
            more, _ = hl.open_many(port, 5, timeout=1.0)
            knocks += len(more)
            hl.close_all(more)
            time.sleep(0.1)
        return knocks

    def test_flood_past_fd_setsize_on_select(self):
        """On the select backend, descriptors >= FD_SETSIZE are refused with an event naming
        FD_SETSIZE and never watched (glibc's fortified FD_SET would abort); the connections
        below the limit keep working and the server keeps serving."""
        if hl.raise_own_nofile(4096) < 1300:
            self.skipTest("this process's hard RLIMIT_NOFILE is below 1300: cannot open 1100 "
                          "client sockets and give the server 1300 descriptors")
        srv = self.serve("--backend", "select", "--listen", "0,backlog=2048=echo",
                         nofile=1300, keep_kinds=("watch",))
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        socks, failed = hl.open_many(port, 1100, timeout=15)
        self.addCleanup(hl.close_all, socks)
        self.assertEqual(failed, 0)
        expected = 1100 - (1024 - baseline) - 5
        refusals = srv.wait_events("refuse", expected,
                                   lambda e: "FD_SETSIZE" in e.get("text", ""), timeout=15)
        self.assertTrue(all(e.get("fd_limit") == 1024 for e in refusals), refusals[0])
        self.assertTrue(srv.alive(), "server died (FD_SET abort?)")
        watched = [e["fd"] for e in srv.events("watch")]
        self.assertLess(max(watched), 1024, "select was asked to watch fd >= FD_SETSIZE")
        self._echo_on_a_low_fd(srv, socks)
        hl.close_all(socks)
        self.assert_fds_back(srv, baseline, timeout=10)
        self.assert_serving(port)
        summary = self.assert_clean_stop(srv)
        self.assertGreaterEqual(summary["refused"], expected)

    def _echo_on_a_low_fd(self, srv, socks):
        """One of the flood's own connections below FD_SETSIZE still gets its echo."""
        by_peer = {e["text"]: e["fd"] for e in srv.events("accept")}
        for s in socks:
            fd = by_peer.get("%s:%d" % s.getsockname()[:2])
            if fd is not None and fd < 1000:
                s.setblocking(True)
                s.sendall(b"below the limit")
                self.assertEqual(hl.recv_exactly(s, 15), b"below the limit")
                return
        self.fail("no flood connection was accepted below fd 1000")


# ---- slow and greedy clients ---------------------------------------------------------------

class SlowAndGreedy(HostileCase):
    def test_slowloris(self):
        """500 connections each trickling one byte per second for 5 s: a well-behaved client is
        answered promptly throughout, every trickled byte is echoed, descriptors come back."""
        srv = self.serve("--listen", "0,backlog=1024=echo")
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        socks, failed = hl.open_many(port, 500, timeout=10)
        self.addCleanup(hl.close_all, socks)
        self.assertEqual(failed, 0)
        got, worst = self._trickle(socks, port, b"slows", period=1.0)
        short = [g for g in got.values() if g != b"slows"]
        self.assertFalse(short, "%d slow connections lost or garbled bytes, e.g. %r"
                         % (len(short), short[:3]))
        self.assertLess(worst, PROMPT_S)
        self.assertEqual(srv.kind_counts.get("error", 0), 0)
        hl.close_all(socks)
        self.assert_fds_back(srv, baseline)
        closes = srv.wait_events("close", 500, lambda e: e["role"] == "connection")
        self.assertTrue(all(e["reason"] == "peer-closed" for e in closes[:500]))
        self.assert_serving(port)
        self.assert_clean_stop(srv)
        print("\n  slowloris: worst well-behaved round trip %.1f ms" % (worst * 1000),
              file=sys.stderr)

    def _trickle(self, socks, port, text, period):
        """Sends text one byte per period on every socket from one selector loop, checking a
        well-behaved client every 0.2 s. Returns ({sock: bytes echoed}, worst round trip)."""
        sel = selectors.DefaultSelector()
        got = {}
        for s in socks:
            sel.register(s, selectors.EVENT_READ)
            got[s] = b""
        worst = 0.0
        for i in range(len(text)):
            for s in socks:
                s.send(text[i:i + 1])
            tick = time.monotonic() + period
            while time.monotonic() < tick:
                worst = max(worst, self.assert_serving(port))
                self._drain(sel, got, 0.2)
        deadline = time.monotonic() + 5
        while any(len(v) < len(text) for v in got.values()) and time.monotonic() < deadline:
            self._drain(sel, got, 0.1)
        sel.close()
        return got, worst

    @staticmethod
    def _drain(sel, got, timeout):
        for key, _ in sel.select(timeout):
            got[key.fileobj] += key.fileobj.recv(64)

    def test_never_reading_client_is_backpressured(self):
        """A client that sends 64 MiB and never reads (max queue 1 MiB): the server logs
        backpressure-on and stops reading it, its RSS stays under baseline + 32 MiB, others are
        served; the client's RST is then logged as close reason peer-reset."""
        srv = self.serve("--listen", "0=echo", "--max-queue", "1M")
        port = srv.ports()[0]
        baseline, rss0 = srv.settle_baseline(), srv.rss_kib()
        hog = socket.create_connection((hl.HOST, port), timeout=5)
        self.addCleanup(hog.close)
        fd = srv.fd_of(hog)
        sent, rss_peak = self._push_past_backpressure(hog, srv, fd, 0, 64 * MIB)
        on = srv.wait_event("backpressure-on", lambda e: e["fd"] == fd)
        self.assertEqual(on["queue_limit"], MIB)
        self.assertGreaterEqual(on["bytes"], MIB)
        self.assertLess(sent, 64 * MIB, "the server read all 64 MiB: no backpressure")
        self.assertLess(rss_peak, rss0 + 32 * 1024,
                        "RSS grew from %d to %d KiB" % (rss0, rss_peak))
        self.assert_serving(port)
        mark = srv.mark()
        hl.linger_reset(hog)
        self.assertEqual(srv.wait_close(fd, mark)["reason"], "peer-reset")
        self.assert_fds_back(srv, baseline)
        self.assert_serving(port)
        self.assert_clean_stop(srv)
        print("\n  never-reading client: sent %.1f MiB before the server stopped reading; "
              "RSS %d -> peak %d KiB" % (sent / MIB, rss0, rss_peak), file=sys.stderr)

    @staticmethod
    def _push_past_backpressure(sock, srv, fd, since, total, seconds=10.0, stall=0.15):
        """Writes up to `total` bytes without ever reading. First until the server reports
        backpressure-on for fd (after line `since`): from then on it holds >= the queue bound of
        output for this client and has stopped reading it. Then on until the kernel's buffers
        are full too (no progress for `stall` s) or `total` is reached. Raises AssertionError if
        the server never reports backpressure within `seconds`. Returns (bytes sent, peak
        server RSS in KiB)."""
        sock.setblocking(False)
        chunk = b"\xa5" * (256 * 1024)
        sent, peak = 0, srv.rss_kib()
        sel = selectors.DefaultSelector()
        sel.register(sock, selectors.EVENT_WRITE)
        deadline, last_progress = time.monotonic() + seconds, time.monotonic()
        backpressured = False
        try:
            while sent < total:
                now = time.monotonic()
                if not backpressured:
                    backpressured = bool(srv.events("backpressure-on", since,
                                                    lambda e: e["fd"] == fd))
                    if not backpressured and now > deadline:
                        raise AssertionError("no backpressure-on for fd %d after %d bytes in "
                                             "%.0f s" % (fd, sent, seconds))
                if backpressured and now - last_progress > stall:
                    break
                if sel.select(0.05):
                    try:
                        n = sock.send(chunk[:total - sent])
                    except BlockingIOError:
                        n = 0
                    if n:
                        sent += n
                        last_progress = time.monotonic()
                peak = max(peak, srv.rss_kib())
        finally:
            sel.close()
        return sent, peak

    def test_reset_mid_write(self):
        """Clients that reset (SO_LINGER 0) while the server holds output queued for them, on a
        direct and on a queued listener: every one is closed with reason peer-reset and the
        bytes still queued, none counts as a server error, and the server keeps serving."""
        for mode in ("direct", "queued"):
            with self.subTest(mode=mode):
                self._reset_mid_write(f"0,{mode}=echo")

    def _reset_mid_write(self, spec):
        srv = self.serve("--listen", spec, keep_kinds=("queue-change",))
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        for _ in range(10):
            since = srv.mark()
            c = socket.create_connection((hl.HOST, port), timeout=5)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            fd = srv.fd_of(c)
            # Past the kernel's buffers and the 1 MiB queue bound: the server says it holds
            # output and has stopped reading before the reset is sent, whatever the timing.
            self._push_past_backpressure(c, srv, fd, since, 16 * MIB)
            mark = srv.mark()
            hl.linger_reset(c)
            close = srv.wait_close(fd, mark)
            self.assertEqual(close["reason"], "peer-reset", close)
            self.assertGreater(close["bytes"], 0, close)
        self.assertEqual(srv.kind_counts.get("error", 0), 0)
        self.assert_fds_back(srv, baseline)
        self.assert_serving(port)
        self.assertEqual(self.assert_clean_stop(srv)["errors"], 0)

    def test_half_close_is_flushed_then_closed(self):
        """A client that sends without reading until the server holds >= 1 MiB of its echo,
        shuts down its write side and only then reads: the server logs half-close with bytes
        still queued, flushes every byte unchanged, then closes with reason peer-closed."""
        srv = self.serve("--listen", "0=echo", "--max-queue", "128M",
                         keep_kinds=("queue-change",))
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        c = socket.socket()
        self.addCleanup(c.close)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32768)  # keep the echo in the server
        c.settimeout(10)
        c.connect((hl.HOST, port))
        fd = srv.fd_of(c)
        payload = self._fill_server_queue(srv, c, fd)
        c.shutdown(socket.SHUT_WR)
        # Not reading yet: the server (no backpressure at 128M) takes every byte into its queue
        # and then reads the EOF with that queue still full, which is the half-close to see.
        half = srv.wait_event("half-close", lambda e: e["fd"] == fd)
        self.assertGreater(half["bytes"], 0)
        back, how = hl.recv_until_eof(c, timeout=20, limit=len(payload) + 1)
        self.assertEqual(how, "eof")
        self.assertEqual(len(back), len(payload))
        self.assertTrue(back == payload, "echoed bytes differ from the bytes sent")
        self.assertEqual(srv.wait_close(fd)["reason"], "peer-closed")
        self.assert_fds_back(srv, baseline)
        self.assert_serving(port)
        self.assert_clean_stop(srv)

    def _fill_server_queue(self, srv, sock, fd, chunk=4 * MIB, most=16):
        """Sends 4 MiB chunks, never reading, until the server's queue for fd holds >= 1 MiB
        (the kernel's buffers absorb the first few MiB). Returns every byte sent."""
        sent = bytearray()
        full = lambda e: e["fd"] == fd and e["bytes"] >= MIB  # noqa: E731
        for _ in range(most):
            data = os.urandom(chunk)
            sock.sendall(data)
            sent += data
            if srv.poll_events("queue-change", 1, full, timeout=1.0):
                return bytes(sent)
        self.fail("the server's queue never held 1 MiB after %d MiB" % (len(sent) // MIB))


# ---- urgent data ---------------------------------------------------------------------------

class UrgentData(HostileCase):
    def test_urgent_storm_on_except_listener(self):
        """1000 MSG_OOB bytes against a listener watching the exceptional set: urgent events are
        logged and counted, the loop does not spin on a pending urgent mark, service goes on."""
        srv = self.serve("--listen", "0,except=echo")
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        c = socket.create_connection((hl.HOST, port), timeout=5)
        self.addCleanup(c.close)
        fd = srv.fd_of(c)
        for i in range(1000):
            c.send(b"%c" % (33 + i % 90), socket.MSG_OOB)
        urgent = srv.wait_events("urgent", 1, lambda e: e["fd"] == fd)
        # The echo of an ordinary marker sent after the storm proves the server has handled
        # every byte before it; only then does an idle server's CPU time stand still.
        c.sendall(b"after the storm")
        hl.recv_until_marker(c, b"after the storm")
        cpu0, t0 = srv.cpu_seconds(), time.monotonic()
        time.sleep(1.0)
        idle_share = (srv.cpu_seconds() - cpu0) / (time.monotonic() - t0)
        self.assertLess(idle_share, 0.2, "server spins after the storm: %.0f%% CPU"
                        % (100 * idle_share))
        self.assert_serving(port)
        c.close()
        self.assert_fds_back(srv, baseline)
        self.assert_serving(port)
        summary = self.assert_clean_stop(srv)
        urgent = srv.events("urgent", pred=lambda e: e["fd"] == fd)
        self.assertGreaterEqual(summary["urgent_bytes"], len(urgent))
        self.assertGreater(summary["urgent_bytes"], 0)
        print("\n  urgent storm: 1000 sent, %d urgent events, urgent_bytes=%d"
              % (len(urgent), summary["urgent_bytes"]), file=sys.stderr)

    def test_urgent_on_rw_split_closes_exceptional_set(self):
        """rw-split (the tutorial's select(lib, lib2, lib)) closes a connection that shows up in
        the exceptional set: close reason exceptional-set, and others are still answered."""
        srv = self.serve("--preset", "rw-split", "--port", "0")
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        suffix = "好".encode()
        c = socket.create_connection((hl.HOST, port), timeout=5)
        self.addCleanup(c.close)
        fd = srv.fd_of(c)
        c.sendall(b"hi")
        self.assertEqual(hl.recv_exactly(c, 2 + len(suffix)), b"hi" + suffix)
        c.send(b"!", socket.MSG_OOB)
        self.assertEqual(srv.wait_close(fd)["reason"], "exceptional-set")
        rest, _ = hl.recv_until_eof(c, timeout=5)
        self.assertEqual(rest, b"")
        self.assert_fds_back(srv, baseline)
        self._assert_rw_split_serves(port, suffix)
        self.assert_clean_stop(srv)

    def _assert_rw_split_serves(self, port, suffix):
        start = time.monotonic()
        with socket.create_connection((hl.HOST, port), timeout=5) as s:
            s.sendall(b"ping")
            self.assertEqual(hl.recv_exactly(s, 4 + len(suffix)), b"ping" + suffix)
        self.assertLess(time.monotonic() - start, PROMPT_S)


# ---- UDP -----------------------------------------------------------------------------------

class Datagrams(HostileCase):
    BIGGEST = 65507  # the largest UDP payload over IPv4

    def test_zero_length_datagram_is_answered(self):
        """A zero-length datagram is a datagram: it is logged and answered with one."""
        srv = self.serve("--listen", "0/udp=echo")
        port = srv.ports("udp")[0]
        baseline = srv.settle_baseline()
        self.assertEqual(hl.udp_exchange(port, b""), b"")
        ev = srv.wait_event("datagram", lambda e: e.get("datagram_bytes", -1) == 0)
        self.assertEqual(ev["bytes"], 0)
        self.assertEqual(hl.udp_exchange(port, b"ping"), b"ping")
        self.assertEqual(srv.fd_count(), baseline)
        self.assert_clean_stop(srv)

    def test_64k_datagram_truncated_at_recv_size(self):
        """A 64 KiB datagram to recv=1024 is truncated as recvfrom(1024) does: the answer is
        the first 1024 bytes and the event's text says it was truncated from the real size."""
        srv = self.serve("--listen", "0/udp,recv=1024=echo")
        port = srv.ports("udp")[0]
        baseline = srv.settle_baseline()
        payload = os.urandom(self.BIGGEST)
        self.assertEqual(hl.udp_exchange(port, payload), payload[:1024])
        ev = srv.wait_event("datagram", lambda e: e.get("datagram_bytes") == self.BIGGEST)
        self.assertEqual(ev["bytes"], 1024)
        self.assertIn("truncated from %d bytes" % self.BIGGEST, ev.get("text", ""))
        self.assertEqual(hl.udp_exchange(port, b"ping"), b"ping")
        self.assertEqual(srv.fd_count(), baseline)
        self.assert_clean_stop(srv)

    def test_64k_datagram_echoed_whole_with_recv_65536(self):
        """With recv=65536 the same datagram is echoed whole and not reported as truncated."""
        srv = self.serve("--listen", "0/udp,recv=65536=echo")
        port = srv.ports("udp")[0]
        baseline = srv.settle_baseline()
        payload = os.urandom(self.BIGGEST)
        self.assertTrue(hl.udp_exchange(port, payload) == payload, "64 KiB echo differs")
        ev = srv.wait_event("datagram", lambda e: e.get("datagram_bytes") == self.BIGGEST)
        self.assertEqual(ev["bytes"], self.BIGGEST)
        self.assertNotIn("truncated", ev.get("text", ""))
        self.assertEqual(srv.fd_count(), baseline)
        self.assert_clean_stop(srv)


# ---- HTTP preset ---------------------------------------------------------------------------

GOOD_GET = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def http_exchange(port, request, timeout=10.0):
    """Sends `request` while reading whatever comes back, until EOF or reset (a server that
    answers early stops reading, so writing alone could block). Returns (response, sock name)."""
    s = socket.create_connection((hl.HOST, port), timeout=5)
    name = s.getsockname()
    s.setblocking(False)
    sel = selectors.DefaultSelector()
    sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)
    view, chunks = memoryview(request), []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            for key, mask in sel.select(0.1):
                if mask & selectors.EVENT_READ:
                    try:
                        data = s.recv(65536)
                    except ConnectionResetError:
                        return b"".join(chunks), name
                    if not data:
                        return b"".join(chunks), name
                    chunks.append(data)
                if mask & selectors.EVENT_WRITE and view:
                    try:
                        view = view[s.send(view[:65536]):]
                    except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                        pass
                if not view:
                    sel.modify(s, selectors.EVENT_READ)
        raise AssertionError("HTTP exchange did not end within %.0f s" % timeout)
    finally:
        sel.close()
        s.close()


class HttpPreset(HostileCase):
    def attack(self, request, status):
        """Sends a bad request; asserts the status line, a clean server-side close (reason
        server-closed), descriptors at baseline, and a normal GET answered 200 afterwards."""
        srv = self.serve("--preset", "http", "--port", "0")
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        response, name = http_exchange(port, request)
        status_line = response.split(b"\r\n", 1)[0]
        self.assertTrue(status_line.startswith(b"HTTP/1.1 %d " % status), status_line[:80])
        accept = srv.wait_event("accept", lambda e: e.get("text") == "%s:%d" % name[:2])
        self.assertEqual(srv.wait_close(accept["fd"])["reason"], "server-closed")
        self.assert_fds_back(srv, baseline)
        good, _ = http_exchange(port, GOOD_GET)
        self.assertTrue(good.startswith(b"HTTP/1.1 200 "), good[:80])
        self.assert_fds_back(srv, baseline)
        self.assertEqual(self.assert_clean_stop(srv)["errors"], 0)
        return status_line

    def test_garbage(self):
        """Text that is not HTTP gets 400 and a clean close."""
        self.attack(b"hello there, is this a web server?\r\n\r\n", 400)

    def test_binary(self):
        """Binary data (a TLS ClientHello's start) gets 400 at once, not a wait for a line end."""
        self.attack(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(500), 400)

    def test_one_mib_request_line(self):
        """A 1 MiB request line gets 414 URI Too Long, after at most 8 KiB was buffered."""
        line = b"GET /" + b"a" * MIB + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        self.attack(line, 414)

    def test_header_flood(self):
        """5000 header fields get 431 Request Header Fields Too Large."""
        fields = b"".join(b"X-Flood-%d: y\r\n" % i for i in range(5000))
        self.attack(b"GET / HTTP/1.1\r\nHost: x\r\n" + fields + b"\r\n", 431)

    def test_unsupported_version(self):
        """A well-formed request in a version this server does not speak gets 505."""
        self.attack(b"GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505)

    def test_normal_get(self):
        """The control: a normal GET returns 200 and the server closes after answering."""
        self.attack(GOOD_GET, 200)


# ---- framed-file preset --------------------------------------------------------------------

def framed_request(sock, path):
    """Sends one framed-file request; returns (header dict, body bytes)."""
    sock.sendall(path + b"\n")
    (length,) = struct.unpack("<i", hl.recv_exactly(sock, 4))
    header = json.loads(hl.recv_exactly(sock, length))
    body = hl.recv_exactly(sock, header["size"]) if header["size"] else b""
    return header, body


class FramedFile(HostileCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix="hostile_")
        self.addCleanup(tmp.cleanup)
        self.root = os.path.join(tmp.name, "served")
        outside = os.path.join(tmp.name, "outside")
        os.mkdir(self.root)
        os.mkdir(outside)
        self.secret = os.path.join(outside, "secret.txt")
        with open(self.secret, "wb") as f:
            f.write(b"do not serve me")
        os.symlink(self.secret, os.path.join(self.root, "escape.txt"))
        self.content = os.urandom(300 * 1024)
        with open(os.path.join(self.root, "data.bin"), "wb") as f:
            f.write(self.content)

    def attack(self, path, cause):
        """A bad path gets a header with size 0 and an error naming `cause`; the same connection
        then serves data.bin byte for byte."""
        srv = self.serve("--preset", "framed-file", "--port", "0", "--serve-dir", self.root,
                         keep_kinds=("send",))
        port = srv.ports()[0]
        baseline = srv.settle_baseline()
        with socket.create_connection((hl.HOST, port), timeout=5) as c:
            fd = srv.fd_of(c)
            header, body = framed_request(c, path)
            self.assertEqual(header["size"], 0)
            self.assertIn(cause, header.get("error", ""))
            self.assertEqual(body, b"")
            sent = srv.wait_event("send", lambda e: e["fd"] == fd)
            self.assertIn('"size": 0, "error"', sent.get("preview", ""))
            header, body = framed_request(c, b"data.bin")
            self.assertEqual(header, {"filename": "data.bin", "size": len(self.content)})
            self.assertTrue(body == self.content, "served bytes differ from the file")
        self.assertEqual(srv.wait_close(fd)["reason"], "peer-closed")
        self.assert_fds_back(srv, baseline)
        self.assertEqual(self.assert_clean_stop(srv)["errors"], 0)

    def test_dot_dot_escape(self):
        """"../" out of the served folder is refused as an escape."""
        self.attack(b"../outside/secret.txt", "escapes the served folder")

    def test_absolute_path_outside(self):
        """An absolute path outside the served folder is refused as an escape."""
        self.attack(self.secret.encode(), "escapes the served folder")

    def test_symlink_escape(self):
        """A symlink inside the folder that points outside it is refused as an escape."""
        self.attack(b"escape.txt", "escapes the served folder")

    def test_nul_in_path(self):
        """A path with a NUL byte is refused before it reaches the file system."""
        self.attack(b"data.bin\x00../outside/secret.txt", "NUL")


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        BINARY = sys.argv.pop(1)
    BINARY = os.path.abspath(BINARY)
    unittest.main(verbosity=2)
