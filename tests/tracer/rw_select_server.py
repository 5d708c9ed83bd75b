# SPDX-License-Identifier: GPL-3.0-or-later
# A test server in the style of the read/write-separation chapter: select.select() with a
# read list, a write list (only sockets with queued replies) and an exceptional list, one
# queue per client. It echoes what it receives. argv[1]: a file to write "PORT PID" into once
# it listens (port 0 asks the kernel for a free one).
import os
import queue
import select
import socket
import sys

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(5)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d" % (server.getsockname()[1], os.getpid()))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])

inputs = [server]
outputs = []
message_queues = {}

while inputs:
    readable, writable, exceptional = select.select(inputs, outputs, inputs, 1)
    for s in readable:
        if s is server:
            connection, client_address = s.accept()
            inputs.append(connection)
            message_queues[connection] = queue.Queue()
        else:
            data = s.recv(1024)
            if data:
                message_queues[s].put(data)
                if s not in outputs:
                    outputs.append(s)
            else:
                if s in outputs:
                    outputs.remove(s)
                inputs.remove(s)
                s.close()
                del message_queues[s]
    for s in writable:
        try:
            next_msg = message_queues[s].get_nowait()
        except (queue.Empty, KeyError):
            if s in outputs:
                outputs.remove(s)
        else:
            s.send(next_msg)
    for s in exceptional:
        inputs.remove(s)
        if s in outputs:
            outputs.remove(s)
        s.close()
        del message_queues[s]
