// SPDX-License-Identifier: GPL-3.0-or-later
// UDP sockets: one datagram per readiness, answered to its sender. A reply that does not fit
// into the kernel's send buffer waits in a bounded queue; past the bound it is dropped with an
// error event, because UDP has no backpressure to apply to the sender. Loop thread only.
#pragma once

#include <cstdint>
#include <string>

#include "core/server/connections.h"
#include "core/server/loop_observer.h"

namespace ss {

class Datagrams {
public:
    // maxQueueBytes bounds each socket's queue of replies waiting to be sent.
    Datagrams(Connections& connections, LoopObserver& observer, uint64_t maxQueueBytes);

    // The socket is readable: receive one datagram and answer it. False when there was none
    // (EAGAIN), so that a draining loop (et-drain) knows when to stop.
    bool receive(Channel& ch);
    // The socket is writable: send the queued replies that fit.
    void flush(Channel& ch);

private:
    // Sends or queues the reply to the datagram just read into the read buffer.
    void answer(Channel& ch, size_t got, const sockaddr_storage& from, socklen_t fromLen,
                const std::string& sender);

    Connections& m_connections;
    LoopObserver& m_observer;
    EngineStats& m_stats;
    const uint64_t m_maxQueueBytes;
};

}  // namespace ss
