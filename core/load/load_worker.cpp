// SPDX-License-Identifier: GPL-3.0-or-later
// The load thread's loop: it polls every connection of its slice, runs the timers (connect
// timeouts, backoff, rate slots) and hands each ready socket to dispatch() in load_worker_io.cpp.
#include "core/load/load_worker.h"

#include <algorithm>
#include <thread>

namespace ss {

namespace {

using Clock = LoadWorker::Clock;
using std::chrono::milliseconds;

// stop() is noticed within one tick even when every connection is idle or paused.
constexpr int kPollTickMs = 10;
constexpr size_t kRecvChunk = 64 * 1024;

uint64_t read(const std::atomic<uint64_t>& counter) {
    return counter.load(std::memory_order_relaxed);
}

}  // namespace

LoadWorker::LoadWorker(const LoadConfig& config, const sockaddr_storage& addr, socklen_t addrLen,
                       uint32_t firstId, int count, uint64_t quota)
    : m_config(config),
      m_addr(addr),
      m_addrLen(addrLen),
      m_quota(quota),
      m_conns(static_cast<size_t>(count)),
      m_pollFds(static_cast<size_t>(count)),
      m_scratch(kRecvChunk) {
    for (size_t i = 0; i < m_conns.size(); ++i) {
        m_conns[i].id = firstId + static_cast<uint32_t>(i);
        m_conns[i].message.resize(config.messageSize);
    }
}

void LoadWorker::addTo(LoadStats* s) const {
    s->roundTrips += read(m_roundTrips);
    s->bytesSent += read(m_bytesSent);
    s->bytesReceived += read(m_bytesReceived);
    s->mismatchedBytes += read(m_mismatched);
    s->connectErrors += read(m_connectErrors);
    s->resets += read(m_resets);
    s->reconnects += read(m_reconnects);
    s->activeConnections += m_active.load(std::memory_order_relaxed);
    m_latency.addTo(&s->latency);
}

void LoadWorker::run() {
    if (m_config.duration.count() > 0)
        m_end = Clock::now() + m_config.duration;
    for (;;) {
        const auto now = Clock::now();
        if (finished(now))
            break;
        runTimers(now);
        updateInterest();
        const int n = pollSockets(m_pollFds.data(), m_pollFds.size(), pollTimeout(now));
        if (n < 0)
            idleAfterPollError();
        if (n <= 0)
            continue;  // timeout, EINTR: the timers and the stop flag are rechecked
        for (size_t i = 0; i < m_conns.size(); ++i) {
            if (m_pollFds[i].fd != kInvalidSocket && m_pollFds[i].revents != 0)
                dispatch(m_conns[i], m_pollFds[i].revents);
        }
    }
    for (auto& c : m_conns)
        closeSocketOf(c, false);
    m_active.store(0, std::memory_order_relaxed);  // everything this thread held is closed now
    m_done.store(true, std::memory_order_release);
}

void LoadWorker::idleAfterPollError() {
#ifdef _WIN32
    // WSAPoll fails instead of sleeping when every entry is ignored (all connections backing
    // off); without this pause the loop would spin until the first backoff ends.
    std::this_thread::sleep_for(milliseconds(1));
#endif
}

bool LoadWorker::finished(Clock::time_point now) const {
    if (m_stopRequested.load(std::memory_order_relaxed) || now >= m_end)
        return true;
    if (m_quota != 0 && m_trips >= m_quota)
        return true;
    // Without churn a lost connection stays lost; once all are gone there is nothing to do.
    return std::all_of(m_conns.begin(), m_conns.end(),
                       [](const Connection& c) { return c.state == ConnState::Dead; });
}

int LoadWorker::pollTimeout(Clock::time_point now) const {
    auto next = std::min(m_end, now + milliseconds(kPollTickMs));
    for (const auto& c : m_conns) {
        if (c.state == ConnState::Connecting || c.state == ConnState::Pausing ||
            c.state == ConnState::Backoff)
            next = std::min(next, c.deadline);
    }
    const auto ms = std::chrono::ceil<milliseconds>(next - now).count();
    return static_cast<int>(std::clamp<int64_t>(ms, 0, kPollTickMs));
}

void LoadWorker::runTimers(Clock::time_point now) {
    for (auto& c : m_conns) {
        // Idle connections open at once; the others act when their deadline has passed.
        const bool due = c.state == ConnState::Idle || now >= c.deadline;
        if (!due)
            continue;
        if (c.state == ConnState::Idle || c.state == ConnState::Backoff)
            openConnection(c);
        else if (c.state == ConnState::Connecting)
            failConnect(c);  // the connect timeout passed without an answer
        else if (c.state == ConnState::Pausing)
            beginMessage(c);
    }
}

void LoadWorker::updateInterest() {
    for (size_t i = 0; i < m_conns.size(); ++i) {
        const auto& c = m_conns[i];
        auto& p = m_pollFds[i];
        p.revents = 0;
        p.fd = c.fd;
        if (c.state == ConnState::Connecting)
            p.events = POLLOUT;
        else if (c.state == ConnState::Exchanging && c.sent < c.message.size())
            p.events = POLLIN | POLLOUT;
        else
            p.events = POLLIN;  // while paused, data or EOF is unexpected and must be seen
    }
}

}  // namespace ss
