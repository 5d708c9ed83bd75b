#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The traced program of bench/run_trace_bench.sh: an echo server on Python's selectors module,
# written the way a beginner's tutorial writes one (one selector, the handler kept in the key's
# data, non-blocking sockets, send() what recv() returned, unregister and close on EOF).
#
#   python3 selectors_echo_server.py PORTFILE [PORT]
#
# It listens on 127.0.0.1 (PORT, or one the kernel picks), then writes "PORT PID" into PORTFILE
# (through a rename, so a reader never sees half a line) and serves until it is killed.
import os
import selectors
import socket
import sys

sel = selectors.DefaultSelector()


def accept(listener, mask):
    conn, _addr = listener.accept()
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, data=echo)


def echo(conn, mask):
    try:
        data = conn.recv(1024)
    except ConnectionResetError:
        data = b""
    if data:
        conn.send(data)
    else:
        sel.unregister(conn)
        conn.close()


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: selectors_echo_server.py PORTFILE [PORT]")
    port_file = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(128)
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, data=accept)

    with open(port_file + ".tmp", "w") as f:
        f.write(f"{listener.getsockname()[1]} {os.getpid()}\n")
    os.rename(port_file + ".tmp", port_file)

    while True:
        for key, mask in sel.select():
            handler = key.data
            handler(key.fileobj, mask)


if __name__ == "__main__":
    main()
