// SPDX-License-Identifier: GPL-3.0-or-later
// One watched descriptor as the loop knows it: a listener, a connection, a UDP socket or the
// wake-up descriptor. Owned by the loop thread only.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/net/platform.h"
#include "core/server/engine_config.h"
#include "core/server/output_queue.h"

namespace ss {

class Behaviour;

struct Datagram {
    sockaddr_storage to;
    socklen_t toLen;
    std::string bytes;
};

struct Channel {
    NativeSocket fd = kInvalidSocket;
    Role role = Role::Connection;
    std::shared_ptr<const ListenerSpec> spec;  // listeners, UDP sockets and their connections
    Channel* listener = nullptr;  // connections: who accepted them (null once it is removed)
    size_t memberIndex = 0;       // connections: position in listener->members
    std::string local, peer;
    int64_t openedNs = 0;

    bool watched = false;   // registered with the poller
    uint8_t interest = 0;   // what the poller currently has
    uint8_t lastReady = 0;  // what wait call number lastReadyCall reported for this fd
    uint64_t lastReadyCall = 0;
    uint64_t bytesIn = 0, bytesOut = 0;

    // Connections.
    OutputQueue out;
    std::unique_ptr<Behaviour> behaviour;
    bool peerEof = false;          // recv returned 0: the peer will send nothing more
    bool backpressured = false;    // queue over the limit: not in the read set
    bool closeAfterFlush = false;  // the behaviour is done; close once the queue drains
    // --as-written: the tutorial's code removed it from its lists but never closed it. It stays
    // open, and in the write set only while a reply is queued for it.
    bool dropped = false;
    bool closeNow = false;  // close after the current handler returns, because:
    CloseReason closeReason = CloseReason::ServerClosed;
    int closeErr = 0;

    // Listeners: the connections they accepted (for chat broadcast), and accept back-off.
    std::vector<Channel*> members;
    int64_t acceptResumeNs = 0;

    // The welcome behaviour never watches its connections, as the first tutorial does.
    bool unwatchedByDesign() const {
        return spec && role == Role::Connection && spec->behaviour.kind == BehaviourKind::Welcome;
    }

    // UDP sockets: replies that did not fit into the kernel's send buffer.
    std::deque<Datagram> pendingDatagrams;
    uint64_t pendingDatagramBytes = 0;
};

// Channels by descriptor. POSIX descriptors are small dense integers, so a vector indexed by fd
// is the cheapest lookup on the hot path; Windows SOCKET values are not dense.
class ChannelTable {
public:
    Channel* find(NativeSocket fd) const {
        const size_t i = index(fd);
        return i < m_slots.size() ? m_slots[i].get() : nullptr;
    }
    Channel& insert(std::unique_ptr<Channel> ch) {
        const size_t i = index(ch->fd);
        if (i >= m_slots.size())
            m_slots.resize(i + 1);
        m_slots[i] = std::move(ch);
        ++m_count;
        return *m_slots[i];
    }
    void erase(NativeSocket fd) {
        const size_t i = index(fd);
        if (i < m_slots.size() && m_slots[i]) {
            m_slots[i].reset();
            --m_count;
        }
    }
    size_t size() const { return m_count; }
    template <typename Fn>
    void forEach(Fn fn) const {
        for (const auto& slot : m_slots)
            if (slot)
                fn(*slot);
    }

private:
#ifdef _WIN32
    // Windows socket handles are multiples of 4 in practice; dividing keeps the table compact.
    static size_t index(NativeSocket fd) {
        return static_cast<size_t>(fd) / 4;
    }
#else
    static size_t index(NativeSocket fd) {
        return static_cast<size_t>(fd);
    }
#endif
    std::vector<std::unique_ptr<Channel>> m_slots;
    size_t m_count = 0;
};

}  // namespace ss
