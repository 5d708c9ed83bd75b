// SPDX-License-Identifier: GPL-3.0-or-later
// The connection state machine of a load thread: connecting, sending a message, receiving and
// checking its echo, pausing for the next rate slot, backing off and reconnecting. Every
// function here runs on the worker's own thread; the loop is in load_worker.cpp.
#include "core/load/load_worker.h"

#include <algorithm>
#include <cstring>

#include "core/net/platform.h"

#ifndef _WIN32
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <cerrno>
#endif

namespace ss {

namespace {

using Clock = LoadWorker::Clock;
using std::chrono::milliseconds;

#ifdef _WIN32
bool isConnectInProgress(int code) {
    return code == WSAEWOULDBLOCK;
}
#else
bool isConnectInProgress(int code) {
    return code == EINPROGRESS;
}
#endif

// Counters have one writer (their load thread), so a relaxed load+store is enough and avoids
// a locked read-modify-write per round trip; readers on other threads still see whole values.
template <typename T>
void bump(std::atomic<T>& counter, T by = 1) {
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

uint64_t countMismatches(const uint8_t* expected, const uint8_t* got, size_t n) {
    if (std::memcmp(expected, got, n) == 0)
        return 0;
    uint64_t bad = 0;
    for (size_t i = 0; i < n; ++i)
        bad += expected[i] != got[i];
    return bad;
}

int socketError(NativeSocket fd) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&err), &len) != 0)
        return lastSocketError();
    return err;
}

void setNoDelay(NativeSocket fd) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&on), sizeof on);
}

// A zero linger time makes close() send RST and skip TIME_WAIT.
void setAbortiveClose(NativeSocket fd) {
    linger lg{};
    lg.l_onoff = 1;
    lg.l_linger = 0;
    setsockopt(fd, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&lg), sizeof lg);
}

}  // namespace

// Deterministic but different for every message and connection, so a byte that is stale,
// misplaced or from another client never passes for the byte we sent.
void LoadWorker::fillMessage(Connection& c) {
    const uint64_t mixed = (c.seq + 1) * 0x9E3779B97F4A7C15ull ^ (uint64_t{c.id} << 32);
    const auto base = static_cast<uint8_t>(mixed >> 56);
    for (size_t i = 0; i < c.message.size(); ++i)
        c.message[i] = static_cast<uint8_t>(base + i * 131u + (i >> 8));
}

void LoadWorker::dispatch(Connection& c, short revents) {
    if (c.state == ConnState::Connecting) {
        if (socketError(c.fd) == 0)
            established(c);
        else
            failConnect(c);
        return;
    }
    // Reading first lets an error surface as the recv() error (ECONNRESET) with its bytes.
    if (revents & (POLLIN | POLLERR | POLLHUP))
        receive(c);
    if (c.state == ConnState::Exchanging && (revents & POLLOUT))
        sendMore(c);
}

void LoadWorker::openConnection(Connection& c) {
    c.fd = socket(m_addr.ss_family, SOCK_STREAM, IPPROTO_TCP);
    if (c.fd == kInvalidSocket || !setNonBlocking(c.fd)) {
        failConnect(c);
        return;
    }
    suppressSigpipe(c.fd);
    setNoDelay(c.fd);
    if (connect(c.fd, reinterpret_cast<const sockaddr*>(&m_addr), m_addrLen) == 0) {
        established(c);
    } else if (isConnectInProgress(lastSocketError())) {
        c.state = ConnState::Connecting;
        c.deadline = Clock::now() + m_config.connectTimeout;
    } else {
        failConnect(c);
    }
}

void LoadWorker::established(Connection& c) {
    if (c.everConnected)
        bump(m_reconnects);
    c.everConnected = true;
    c.backoff = kBackoffMin;
    c.tripsSinceConnect = 0;
    bump<int64_t>(m_active);
    beginMessage(c);
}

void LoadWorker::failConnect(Connection& c) {
    bump(m_connectErrors);
    closeSocketOf(c, false);
    if (m_config.churnAfter == 0) {
        c.state = ConnState::Dead;
        return;
    }
    retryLater(c, c.backoff);
    c.backoff = std::min(c.backoff * 2, kBackoffMax);
}

void LoadWorker::lose(Connection& c) {
    bump(m_resets);
    bump<int64_t>(m_active, -1);
    closeSocketOf(c, false);
    if (m_config.churnAfter == 0)
        c.state = ConnState::Dead;
    else
        retryLater(c, kBackoffMin);
}

void LoadWorker::closeSocketOf(Connection& c, bool abortive) {
    if (c.fd == kInvalidSocket)
        return;
    if (abortive)
        setAbortiveClose(c.fd);
    closeSocket(c.fd);
    c.fd = kInvalidSocket;
}

void LoadWorker::retryLater(Connection& c, milliseconds delay) {
    c.state = ConnState::Backoff;
    c.deadline = Clock::now() + delay;
}

void LoadWorker::beginMessage(Connection& c) {
    fillMessage(c);
    ++c.seq;
    c.sent = 0;
    c.received = 0;
    c.state = ConnState::Exchanging;
    c.sendStart = Clock::now();
    sendMore(c);  // write directly; poll for POLLOUT only if the write comes up short
}

void LoadWorker::sendMore(Connection& c) {
    while (c.sent < c.message.size()) {
        const auto n = sendBytes(c.fd, c.message.data() + c.sent, c.message.size() - c.sent);
        if (n > 0) {
            c.sent += static_cast<size_t>(n);
            bump(m_bytesSent, static_cast<uint64_t>(n));
            continue;
        }
        const int err = lastSocketError();
        if (isInterrupted(err))
            continue;
        if (!isWouldBlock(err))
            lose(c);
        return;
    }
    // A misbehaving server may have answered in full before our last byte left.
    if (c.received == c.message.size())
        completeRoundTrip(c);
}

void LoadWorker::receive(Connection& c) {
    for (;;) {
        // Never read past the reply we expect, so the next reply's bytes stay in the kernel.
        const size_t remaining =
            c.state == ConnState::Exchanging ? c.message.size() - c.received : 0;
        const size_t want =
            remaining != 0 ? std::min(remaining, m_scratch.size()) : m_scratch.size();
        const auto n = recvBytes(c.fd, m_scratch.data(), want);
        if (n <= 0) {
            const int err = n == 0 ? 0 : lastSocketError();
            if (n < 0 && isInterrupted(err))
                continue;
            if (n < 0 && isWouldBlock(err))
                return;
            lose(c);  // EOF or ECONNRESET in the middle of a conversation
            return;
        }
        const auto got = static_cast<size_t>(n);
        bump(m_bytesReceived, uint64_t{got});
        if (remaining == 0) {
            bump(m_mismatched, uint64_t{got});  // nothing was outstanding: all unasked-for
            continue;
        }
        bump(m_mismatched, countMismatches(c.message.data() + c.received, m_scratch.data(), got));
        c.received += got;
        if (c.received == c.message.size()) {
            if (c.sent == c.message.size())
                completeRoundTrip(c);
            return;
        }
    }
}

void LoadWorker::completeRoundTrip(Connection& c) {
    const auto now = Clock::now();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now - c.sendStart);
    m_latency.record(static_cast<uint64_t>(ns.count()));
    bump(m_roundTrips);
    ++m_trips;
    ++c.tripsSinceConnect;
    if (m_config.churnAfter != 0 && c.tripsSinceConnect >= m_config.churnAfter) {
        bump<int64_t>(m_active, -1);
        closeSocketOf(c, m_config.resetOnChurn);
        openConnection(c);
        return;
    }
    if (m_config.ratePerConnection <= 0) {
        beginMessage(c);
        return;
    }
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / m_config.ratePerConnection));
    c.state = ConnState::Pausing;
    c.deadline = c.sendStart + period;
    if (now >= c.deadline)
        beginMessage(c);  // behind schedule: go now, but never in bursts
}

}  // namespace ss
