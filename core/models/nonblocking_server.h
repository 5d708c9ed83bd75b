// SPDX-License-Identifier: GPL-3.0-or-later
// The IO-models chapter's non-blocking server (seed 004, 5.2): the listener is set non-blocking
// and one thread loops: accept(); on BlockingIOError (EAGAIN) recv(1024) on every connection,
// catching EAGAIN, and send(data.upper()) for what came. Nothing ever blocks, so the thread
// burns a whole core on EAGAIN even with no client at all; every one of those calls is recorded
// (ret -1, errno EAGAIN), which floods the trace ring: what the watcher cannot keep up with is
// dropped and counted, and the counters stay exact.
//
// The tutorial never makes the accepted sockets non-blocking. On Linux they do not inherit
// O_NONBLOCK from the listener, so its recv() would block on the first connection until it
// sends; this server makes them non-blocking (conn.setblocking(False)), as the chapter means. At
// b'' (EOF) or an error it closes the connection and drops it from the list; the tutorial only
// catches ConnectionRefusedError and would keep calling recv() on a closed connection. A send()
// that fails with EAGAIN loses its reply, as the tutorial's `except BlockingIOError` does.
#pragma once

#include "core/models/model_server.h"

namespace ss {

class NonBlockingServer final : public ModelServer {
public:
    explicit NonBlockingServer(EngineConfig config) : ModelServer(std::move(config)) {}
    ~NonBlockingServer() override { stop(); }

private:
    void serve() override;
    bool listenerBlocks() const override { return false; }
    bool connectionsBlock() const override { return false; }
    // One pass of recv() over every connection; closes and drops those that ended.
    void readAll(std::vector<Channel*>& conns, std::string& buf);
};

}  // namespace ss
