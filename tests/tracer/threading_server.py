# SPDX-License-Identifier: GPL-3.0-or-later
# A test server in the style of the socketserver chapter: ThreadingTCPServer, one thread per
# client, the handler answering each line in upper case until the client closes.
# argv[1]: the file for "PORT PID".
import os
import socketserver
import sys


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            self.request.sendall(data.upper())


socketserver.ThreadingTCPServer.allow_reuse_address = True
with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler) as server:
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d %d" % (server.server_address[1], os.getpid()))
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()
