# SPDX-License-Identifier: GPL-3.0-or-later
# A test server in the style of the selectors chapter: DefaultSelector (epoll on Linux), accept
# and read callbacks kept in the key's data, an echo in upper case. argv[1]: the file for "PORT PID".
import os
import selectors
import socket
import sys

sel = selectors.DefaultSelector()


def accept(sock, mask):
    conn, addr = sock.accept()
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)


def read(conn, mask):
    data = conn.recv(1000)
    if data:
        conn.send(data.upper())
    else:
        sel.unregister(conn)
        conn.close()


sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("127.0.0.1", 0))
sock.listen(100)
sock.setblocking(False)
sel.register(sock, selectors.EVENT_READ, accept)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d" % (sock.getsockname()[1], os.getpid()))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])

while True:
    events = sel.select()
    for key, mask in events:
        callback = key.data
        callback(key.fileobj, mask)
