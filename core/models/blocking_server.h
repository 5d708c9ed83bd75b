// SPDX-License-Identifier: GPL-3.0-or-later
// The IO-models chapter's blocking server (seed 004, 5.1 and 1.1): one thread, a blocking
// accept(), then recv(1024) and send(data.upper()) on that one connection until it ends, close()
// and the next accept(). Every other client waits meanwhile in the listener's accept queue,
// which the descriptor snapshot shows.
//
// At EOF the tutorial's loop, as written, does not end: Python's recv() returns b'' without an
// exception and send(b'') succeeds, so `while True: data = conn.recv(1024); conn.send(...)`
// spins on the closed connection and never accepts again. This server ends the inner loop at
// b'' (`if not data: break`), which is what the tutorial's `except Exception: break` is meant to
// do; a reset (ConnectionResetError) ends it the same way.
#pragma once

#include "core/models/model_server.h"

namespace ss {

class BlockingServer final : public ModelServer {
public:
    explicit BlockingServer(EngineConfig config) : ModelServer(std::move(config)) {}
    ~BlockingServer() override { stop(); }

private:
    void serve() override;
};

}  // namespace ss
