// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/replay_state.h"

#include <algorithm>
#include <cerrno>
#include <string>

#include "core/poller/poller.h"

namespace {

// A listen event's text is "127.0.0.1:9991/tcp=echo": the address, then the behaviour.
void splitListenText(const std::string& text, ss::DescriptorInfo* info) {
    const size_t slash = text.rfind('/', text.find('='));
    const size_t equals = text.find('=');
    info->local = text.substr(0, slash);
    info->behaviour = equals == std::string::npos ? std::string() : text.substr(equals + 1);
}

ss::ConnState stateOf(bool watched, bool backpressured, bool peerEof) {
    if (!watched)
        return ss::ConnState::Unwatched;
    if (backpressured)
        return ss::ConnState::Backpressured;
    return peerEof ? ss::ConnState::HalfClosed : ss::ConnState::Open;
}

}  // namespace

void ReplayState::begin(const record_line::StartInfo& start) {
    *this = ReplayState();
    m_stats.backend = start.backend;
    m_stats.epollMode = start.epollMode;
    m_stats.model = start.model;
    m_stats.timeoutMs = start.timeoutMs;
    for (const ss::DescriptorInfo& info : start.descriptors) {
        Open& row = m_open[info.fd];
        row.info = info;
        row.watched = info.state != ss::ConnState::Unwatched;
        row.backpressured = info.state == ss::ConnState::Backpressured;
        row.peerEof = info.state == ss::ConnState::HalfClosed;
        if (info.role == ss::Role::Connection)
            ++m_stats.openConnections;
    }
}

ReplayState::Open* ReplayState::find(int32_t fd) {
    const auto it = m_open.find(fd);
    return it == m_open.end() ? nullptr : &it->second;
}

void ReplayState::apply(const ss::CallRecord& call) {
    m_nowNs = std::max(m_nowNs, call.startNs + call.durationNs);
    m_threads = std::max(m_threads, call.thread + 1);
    if (call.kind != ss::CallKind::Wait) {
        ++m_stats.socketCalls;
        return;
    }
    ++m_stats.waitCalls;
    if (call.ret < 0 && call.err == EINTR)
        ++m_stats.interruptedCalls;
    m_stats.backend = call.backend;
    m_stats.timeoutMs = call.timeoutMs;
    for (auto& [fd, row] : m_open)
        row.info.lastReady = 0;
    const std::pair<const std::vector<int32_t>*, uint8_t> sets[] = {
        {&call.readyRead, ss::kRead},
        {&call.readyWrite, ss::kWrite},
        {&call.readyExcept, ss::kExcept},
        {&call.readyHangup, ss::kHangup},
        {&call.readyError, ss::kError}};
    for (const auto& [fds, bit] : sets)
        for (const int32_t fd : *fds)
            if (Open* row = find(fd))
                row->info.lastReady |= bit;
}

void ReplayState::open(const ss::SocketEvent& event, ss::Role role) {
    Open& row = m_open[event.fd];
    row = Open();
    row.openedNs = event.timeNs;
    row.info.fd = event.fd;
    row.info.role = role;
    if (role == ss::Role::Connection) {
        row.info.peer = event.text;
        row.info.listenerFd = int32_t(event.aux);
        if (const Open* listener = find(row.info.listenerFd)) {
            row.info.local = listener->info.local;
            row.info.behaviour = listener->info.behaviour;
        }
        ++m_stats.accepted;
        ++m_stats.openConnections;
    } else {
        splitListenText(event.text, &row.info);
    }
}

void ReplayState::close(int32_t fd) {
    const auto it = m_open.find(fd);
    if (it == m_open.end())
        return;
    if (it->second.info.role == ss::Role::Connection) {
        ++m_stats.closed;
        m_stats.openConnections -= std::min<uint64_t>(m_stats.openConnections, 1);
    }
    m_open.erase(it);
}

void ReplayState::apply(const ss::SocketEvent& e) {
    m_nowNs = std::max(m_nowNs, e.timeNs);
    Open* row = find(e.fd);
    const uint64_t bytes = uint64_t(std::max<int64_t>(e.bytes, 0));
    switch (e.kind) {
        case ss::EventKind::Listen:
            open(e, e.role == ss::Role::Udp ? ss::Role::Udp : ss::Role::Listener);
            break;
        case ss::EventKind::Accept:
            open(e, ss::Role::Connection);
            break;
        case ss::EventKind::Refuse:
            ++m_stats.refused;
            break;
        case ss::EventKind::Recv:
        case ss::EventKind::Datagram:
        case ss::EventKind::Urgent:
            m_stats.bytesIn += bytes;
            m_stats.datagramsIn += e.kind == ss::EventKind::Datagram;
            m_stats.urgentBytes += e.kind == ss::EventKind::Urgent ? bytes : 0;
            if (row)
                row->info.bytesIn += bytes;
            break;
        case ss::EventKind::Send:
            m_stats.bytesOut += bytes;
            m_stats.datagramsOut += e.role == ss::Role::Udp;
            if (row)
                row->info.bytesOut += bytes;
            break;
        case ss::EventKind::QueueChange:
            if (row) {
                row->info.appQueueBytes = bytes;
                row->info.appQueueMessages = uint64_t(std::max<int64_t>(e.aux, 0));
            }
            break;
        case ss::EventKind::HalfClose:
            if (row)
                row->peerEof = true;
            break;
        case ss::EventKind::Close:
            close(e.fd);
            break;
        case ss::EventKind::Error:
            ++m_stats.errors;
            break;
        case ss::EventKind::BackpressureOn:
        case ss::EventKind::BackpressureOff:
            if (row)
                row->backpressured = e.kind == ss::EventKind::BackpressureOn;
            break;
        case ss::EventKind::Watch:
            if (row) {
                row->watched = true;
                row->info.interest = uint8_t(e.aux);
            }
            break;
        case ss::EventKind::Unwatch:
            if (row) {
                row->watched = false;
                row->info.interest = 0;
            }
            break;
        case ss::EventKind::Exception:
            m_stats.stopped = m_stats.stopped || e.aux == 2;
            break;
        default:
            break;
    }
}

std::vector<ss::DescriptorInfo> ReplayState::descriptors() const {
    std::vector<ss::DescriptorInfo> rows;
    rows.reserve(m_open.size());
    for (const auto& [fd, row] : m_open) {
        ss::DescriptorInfo info = row.info;
        info.state = stateOf(row.watched, row.backpressured, row.peerEof);
        info.ageSeconds = double(m_nowNs - std::min(row.openedNs, m_nowNs)) / 1e9;
        rows.push_back(std::move(info));
    }
    return rows;
}

ss::EngineStats ReplayState::stats() const {
    ss::EngineStats s = m_stats;
    s.watchedDescriptors = uint64_t(std::count_if(
        m_open.begin(), m_open.end(), [](const auto& entry) { return entry.second.watched; }));
    s.serverThreads = m_threads;
    s.peakServerThreads = m_threads;
    s.uptimeSeconds = double(m_nowNs) / 1e9;
    s.traceRecords = s.waitCalls + s.socketCalls;
    return s;
}
