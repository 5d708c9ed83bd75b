// SPDX-License-Identifier: GPL-3.0-or-later
// A thread per connection, as socketserver.ThreadingTCPServer (seed 004, 3.1; seed 001): the main
// thread (thread 0) blocks in accept(); each connection gets a thread of its own (1, 2, 3 ... in
// the order they were accepted, never reused) that blocks in recv(1024) and send(data.upper())
// on it until it ends. Each record names its thread, and EngineStats::serverThreads counts the
// threads alive: 1 + one per open connection.
#pragma once

#include <mutex>
#include <thread>
#include <vector>

#include "core/models/model_server.h"

namespace ss {

class ThreadedServer final : public ModelServer {
public:
    explicit ThreadedServer(EngineConfig config) : ModelServer(std::move(config)) {}
    ~ThreadedServer() override { stop(); }

private:
    struct Worker {
        uint32_t number;
        std::thread thread;
    };
    void serve() override;
    // Main thread: joins the workers whose connections have ended.
    void reapFinished();

    std::vector<Worker> m_workers;  // main server thread only
    std::mutex m_finishedMutex;
    std::vector<uint32_t> m_finished;  // under m_finishedMutex
};

}  // namespace ss
