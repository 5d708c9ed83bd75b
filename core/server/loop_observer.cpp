// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/loop_observer.h"

#include <algorithm>
#include <utility>

#include "core/net/queue_probe.h"
#include "core/poller/clock.h"
#include "core/poller/poller.h"
// Complete, because ChannelTable's inline code destroys the Channels that own Behaviours.
#include "core/server/behaviour.h"

namespace ss {
namespace {
constexpr size_t kHttpRows = 200;

std::string interestLetters(uint8_t interest) {
    std::string letters;
    if (interest & kRead)
        letters += 'R';
    if (interest & kWrite)
        letters += 'W';
    if (interest & kExcept)
        letters += 'X';
    return letters;
}

// Each probe is a system call of the server (ioctl, getsockopt), which strace shows between the
// wait calls; none of them reads, peeks or takes the pending error, so the server's next recv()
// sees exactly what it would have seen unsampled. A connection is asked only what explains the
// readiness that came back, which keeps an echo round trip at one probe: readable -> the bytes
// waiting; readable with none waiting (or hang-up, error) -> the peer's FIN or reset; readable
// with none waiting, or except -> the urgent mark; writable -> the free send space.
void probeConnection(NativeSocket fd, uint8_t reported, ReadyFacts& f) {
    const bool readable = reported & (kRead | kHangup | kError);
    if (readable)
        f.recvQueue = static_cast<int32_t>(kernelRecvQueue(fd));
    if (reported & kWrite)
        f.sendFree = static_cast<int32_t>(std::min<int64_t>(kernelSendFree(fd), INT32_MAX));
    const bool nothingToRead = readable && f.recvQueue <= 0;
    if ((nothingToRead || (reported & kExcept)) && urgentMark(fd) == 1)
        f.flags |= ReadyFacts::Urgent;
    if (nothingToRead || (reported & (kHangup | kError))) {
        const PeerState peer = tcpPeerState(fd);
        if (peer == PeerState::Closed)
            f.flags |= ReadyFacts::PeerClosed;
        else if (peer == PeerState::Reset)
            f.flags |= ReadyFacts::Reset;
    }
}

ReadyFacts sampleFacts(int32_t fd, uint8_t reported, const Channel* ch) {
    ReadyFacts f;
    f.fd = fd;
    if (!ch)
        return f;
    switch (ch->role) {
        case Role::Listener:
            f.acceptQueue = static_cast<int32_t>(listenerAcceptQueue(ch->fd).pending);
            break;
        case Role::Udp:
            f.recvQueue = static_cast<int32_t>(kernelRecvQueue(ch->fd));
            break;
        case Role::Connection:
            probeConnection(ch->fd, reported, f);
            break;
        case Role::Wakeup:
            break;  // the loop's own descriptor: nothing to explain
    }
    return f;
}

}  // namespace

LoopObserver::LoopObserver(const EngineConfig& config, const ChannelTable& channels)
    : m_channels(channels),
      m_traceMode(config.trace),
      m_snapshotIntervalMs(config.snapshotIntervalMs),
      m_ring(config.traceRingBytes) {}

void LoopObserver::startClock() {
    m_baseNs = monotonicNs();
}

uint64_t LoopObserver::callMade(BackendKind backend, CallDraft* draft) {
    ++m_callNumber;
    ++m_counters.waitCalls;
    if (!draft)
        return m_callNumber;
    if (draft->ret > 0)
        sampleReady(*draft);
    if (m_ring.pushCall(m_callNumber, backend, *draft, m_baseNs))
        ++m_counters.traceRecords;
    return m_callNumber;
}

uint64_t LoopObserver::socketCallMade(BackendKind backend, const CallDraft& draft) {
    ++m_callNumber;
    ++m_counters.socketCalls;
    if (m_traceMode.calls && m_ring.pushCall(m_callNumber, backend, draft, m_baseNs))
        ++m_counters.traceRecords;
    return m_callNumber;
}

// A descriptor can be in several ready lists (read and write, kqueue's filters), so the lists
// are merged first into one entry per descriptor, in fd order, with everything reported for it.
void LoopObserver::sampleReady(CallDraft& draft) {
    m_readyFds.clear();
    const std::pair<const std::vector<int32_t>*, uint8_t> lists[] = {{&draft.readyRead, kRead},
                                                                     {&draft.readyWrite, kWrite},
                                                                     {&draft.readyExcept, kExcept},
                                                                     {&draft.readyHangup, kHangup},
                                                                     {&draft.readyError, kError}};
    for (const auto& [list, bit] : lists)
        for (int32_t fd : *list)
            m_readyFds.push_back({fd, bit});
    std::sort(m_readyFds.begin(), m_readyFds.end(),
              [](const ReadyFd& a, const ReadyFd& b) { return a.fd < b.fd; });
    for (size_t i = 0; i < m_readyFds.size() && draft.why.size() < kMaxSampledReady;) {
        const int32_t fd = m_readyFds[i].fd;
        uint8_t reported = 0;
        for (; i < m_readyFds.size() && m_readyFds[i].fd == fd; ++i)
            reported |= m_readyFds[i].reported;
        draft.why.push_back(
            sampleFacts(fd, reported, m_channels.find(static_cast<NativeSocket>(fd))));
    }
}

void LoopObserver::emit(EventKind kind, const Channel* ch, int64_t bytes, int64_t aux, int err,
                        std::string_view preview, std::string_view text) {
    if (!m_traceMode.events)
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
        ++m_counters.traceRecords;
}

void LoopObserver::note(std::string_view text) {
    emit(EventKind::Note, nullptr, 0, 0, 0, {}, text);
}

void LoopObserver::publishStats() {
    m_counters.traceDropped = m_ring.dropped();
    std::lock_guard<std::mutex> lock(m_publishMutex);
    m_publishedStats = m_counters;
}

EngineStats LoopObserver::stats() const {
    std::lock_guard<std::mutex> lock(m_publishMutex);
    EngineStats s = m_publishedStats;
    s.uptimeSeconds = m_baseNs ? double(monotonicNs() - m_baseNs) / 1e9 : 0;
    s.traceDropped = m_ring.dropped();
    return s;
}

DescriptorInfo LoopObserver::describe(const Channel& ch, int64_t now) const {
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

void LoopObserver::publishSnapshot() {
    const int64_t now = monotonicNs();
    std::vector<DescriptorInfo> rows;
    rows.reserve(m_channels.size());
    m_channels.forEach([&](const Channel& ch) { rows.push_back(describe(ch, now)); });
    m_lastSnapshotNs = now;
    std::lock_guard<std::mutex> lock(m_publishMutex);
    m_snapshot.swap(rows);
    m_snapshotMark = {m_callNumber, m_eventNumber};
}

void LoopObserver::publishAfterIteration() {
    publishStats();
    const int64_t now = monotonicNs();
    const bool due = m_snapshotIntervalMs > 0 &&
                     now - m_lastSnapshotNs >= int64_t(m_snapshotIntervalMs) * 1000000;
    if (due || takeSnapshotRequest())
        publishSnapshot();
}

std::vector<DescriptorInfo> LoopObserver::descriptors(SnapshotMark* mark) const {
    std::lock_guard<std::mutex> lock(m_publishMutex);
    if (mark)
        *mark = m_snapshotMark;
    return m_snapshot;
}

HttpStats LoopObserver::httpStats() const {
    HttpStats s;
    s.backend = std::string(backendName(m_counters.backend));
    s.uptimeSeconds = double(monotonicNs() - m_baseNs) / 1e9;
    s.waitCalls = m_counters.waitCalls;
    s.accepted = m_counters.accepted;
    s.openConnections = m_counters.openConnections;
    s.bytesIn = m_counters.bytesIn;
    s.bytesOut = m_counters.bytesOut;
    s.droppedTraceRecords = m_ring.dropped();
    const int64_t now = monotonicNs();
    m_channels.forEach([&](const Channel& ch) {
        if (ch.role == Role::Listener || ch.role == Role::Udp)
            s.listeners.push_back(ch.local + (ch.role == Role::Udp ? "/udp " : "/tcp ") +
                                  formatBehaviour(ch.spec->behaviour));
        if (s.rows.size() >= kHttpRows)
            return;
        const DescriptorInfo d = describe(ch, now);
        s.rows.push_back({d.fd, std::string(roleName(d.role)), d.local, d.peer,
                          interestLetters(d.interest), d.bytesIn, d.bytesOut});
    });
    return s;
}

}  // namespace ss
