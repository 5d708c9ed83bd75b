// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/nonblocking_server.h"

namespace ss {

void NonBlockingServer::serve() {
    std::vector<Channel*> conns;
    std::string buf;
    while (!stopping()) {
        int err = 0;
        if (Channel* conn = acceptConnection(0, &err)) {
            conns.push_back(conn);
            continue;
        }
        readAll(conns, buf);
    }
}

void NonBlockingServer::readAll(std::vector<Channel*>& conns, std::string& buf) {
    for (size_t i = 0; i < conns.size() && !stopping();) {
        Channel& conn = *conns[i];
        int err = 0;
        const ssize_type n = receive(conn, 0, buf, &err);
        if (n < 0 && (isWouldBlock(err) || isInterrupted(err))) {
            ++i;
            continue;
        }
        // As written, b'' is answered like a message (send(b'') succeeds) and the connection
        // stays in r_list: recv() returns 0 on every pass.
        if (n > 0 || (n == 0 && asWritten().eofIsMessage)) {
            const ssize_type sent = sendReply(conn, 0, reply(buf), &err);
            if (sent >= 0 || isWouldBlock(err)) {
                ++i;
                continue;
            }
        }
        if (n == 0)
            closeConnection(conn, CloseReason::PeerClosed);
        else
            closeConnection(
                conn, isConnectionReset(err) ? CloseReason::PeerReset : CloseReason::Error, err);
        conns.erase(conns.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

}  // namespace ss
