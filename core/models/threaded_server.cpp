// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/threaded_server.h"

#include <algorithm>

namespace ss {

void ThreadedServer::serve() {
    uint32_t next = 1;
    while (!stopping()) {
        int err = 0;
        Channel* conn = acceptConnection(0, &err);
        reapFinished();
        if (!conn)
            continue;
        const uint32_t number = next++;
        threadStarted();
        m_workers.push_back({number, std::thread([this, conn, number] {
                                 echoUntilClosed(*conn, number);
                                 threadEnded();
                                 std::lock_guard<std::mutex> lock(m_finishedMutex);
                                 m_finished.push_back(number);
                             })});
    }
    // stop() has shut every connection down: each worker's recv() returns 0 and it ends.
    for (Worker& w : m_workers)
        w.thread.join();
    m_workers.clear();
}

void ThreadedServer::reapFinished() {
    std::vector<uint32_t> finished;
    {
        std::lock_guard<std::mutex> lock(m_finishedMutex);
        finished.swap(m_finished);
    }
    for (uint32_t number : finished) {
        auto it = std::find_if(m_workers.begin(), m_workers.end(),
                               [number](const Worker& w) { return w.number == number; });
        if (it == m_workers.end())
            continue;
        it->thread.join();
        m_workers.erase(it);
    }
}

}  // namespace ss
