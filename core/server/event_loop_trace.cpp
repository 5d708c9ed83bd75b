// What the loop tells its watchers: trace events into the ring, and the stats and descriptor
// snapshots published under a mutex for the GUI, the HTTP page and the headless summary.
#include <algorithm>

#include "../net/queue_probe.h"
#include "../poller/clock.h"
#include "event_loop.h"

namespace ss {
namespace {
constexpr size_t kHttpRows = 200;
}

void EventLoop::emit(EventKind kind, const Channel* ch, int64_t bytes, int64_t aux, int err,
                     std::string_view preview, std::string_view text) {
    if (!m_config.trace.events)
        return;
    SocketEvent e;
    e.number = ++m_eventNumber;
    e.timeNs = monotonicNs() - m_baseNs;
    e.kind = kind;
    e.role = ch ? ch->role : Role::Wakeup;
    e.fd = ch ? fdNumber(ch->fd) : -1;
    e.bytes = bytes;
    e.aux = aux;
    e.err = err;
    if (m_ring.pushEvent(e, preview, text))
        ++m_stats.traceRecords;
}

void EventLoop::note(std::string_view text) {
    emit(EventKind::Note, nullptr, 0, 0, 0, {}, text);
}

void EventLoop::publishStats() {
    m_stats.traceDropped = m_ring.dropped();
    std::lock_guard<std::mutex> lock(m_publishMutex);
    m_publishedStats = m_stats;
}

EngineStats EventLoop::stats() const {
    std::lock_guard<std::mutex> lock(m_publishMutex);
    EngineStats s = m_publishedStats;
    s.uptimeSeconds = m_baseNs ? double(monotonicNs() - m_baseNs) / 1e9 : 0;
    s.traceDropped = m_ring.dropped();
    return s;
}

DescriptorInfo EventLoop::describe(const Channel& ch, int64_t now) const {
    DescriptorInfo d;
    d.fd = fdNumber(ch.fd);
    d.role = ch.role;
    d.local = ch.local;
    d.peer = ch.peer;
    if (ch.spec)
        d.behaviour = formatBehaviour(ch.spec->behaviour);
    d.listenerFd = ch.listener ? fdNumber(ch.listener->fd) : -1;
    d.interest = ch.watched ? ch.interest : 0;
    d.lastReady = ch.lastReadyCall == m_callNumber ? ch.lastReady : 0;
    if (!ch.watched)
        d.state = ConnState::Unwatched;
    else if (ch.closeAfterFlush || ch.closeNow)
        d.state = ConnState::Closing;
    else if (ch.backpressured)
        d.state = ConnState::Backpressured;
    else if (ch.peerEof)
        d.state = ConnState::HalfClosed;
    if (ch.role == Role::Listener) {
        const AcceptQueue q = listenerAcceptQueue(ch.fd);
        d.acceptQueue = q.pending;
        d.acceptBacklog = q.backlog;
    } else if (ch.role != Role::Wakeup) {
        d.kernelRecvQueue = kernelRecvQueue(ch.fd);
        d.kernelSendQueue = ch.role == Role::Connection ? kernelSendQueue(ch.fd) : -1;
    }
    d.appQueueBytes = ch.role == Role::Udp ? ch.pendingDatagramBytes : ch.out.bytes();
    d.appQueueMessages = ch.role == Role::Udp ? ch.pendingDatagrams.size() : ch.out.messages();
    d.bytesIn = ch.bytesIn;
    d.bytesOut = ch.bytesOut;
    d.ageSeconds = double(now - ch.openedNs) / 1e9;
    return d;
}

void EventLoop::publishSnapshot() {
    const int64_t now = monotonicNs();
    std::vector<DescriptorInfo> rows;
    rows.reserve(m_channels.size());
    m_channels.forEach([&](const Channel& ch) { rows.push_back(describe(ch, now)); });
    m_lastSnapshotNs = now;
    std::lock_guard<std::mutex> lock(m_publishMutex);
    m_snapshot.swap(rows);
}

std::vector<DescriptorInfo> EventLoop::descriptors() const {
    std::lock_guard<std::mutex> lock(m_publishMutex);
    return m_snapshot;
}

HttpStats EventLoop::httpStats() const {
    HttpStats s;
    s.backend = std::string(backendName(m_stats.backend));
    s.uptimeSeconds = double(monotonicNs() - m_baseNs) / 1e9;
    s.waitCalls = m_stats.waitCalls;
    s.accepted = m_stats.accepted;
    s.openConnections = m_stats.openConnections;
    s.bytesIn = m_stats.bytesIn;
    s.bytesOut = m_stats.bytesOut;
    s.droppedTraceRecords = m_ring.dropped();
    const int64_t now = monotonicNs();
    m_channels.forEach([&](const Channel& ch) {
        if (ch.role == Role::Listener || ch.role == Role::Udp)
            s.listeners.push_back(ch.local + (ch.role == Role::Udp ? "/udp " : "/tcp ") +
                                  formatBehaviour(ch.spec->behaviour));
        if (s.rows.size() >= kHttpRows)
            return;
        const DescriptorInfo d = describe(ch, now);
        std::string interest;
        if (d.interest & kRead)
            interest += 'R';
        if (d.interest & kWrite)
            interest += 'W';
        if (d.interest & kExcept)
            interest += 'X';
        s.rows.push_back({d.fd, std::string(roleName(d.role)), d.local, d.peer, interest, d.bytesIn,
                          d.bytesOut});
    });
    return s;
}

}  // namespace ss
