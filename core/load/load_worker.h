// SPDX-License-Identifier: GPL-3.0-or-later
// One load thread of the LoadGenerator: its own poll() loop over a slice of the connections.
// Each connection is a small state machine (Idle -> Connecting -> Exchanging <-> Pausing, and
// Backoff or Dead when a connect fails or an established connection is lost). Counters have
// exactly one writer, this thread, and are read by others through addTo(); nothing else is
// shared, so the loop takes no lock. Internal to core/load: only load_generator.cpp uses it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

#include "core/load/latency_histogram.h"
#include "core/load/load_generator.h"
#include "core/net/platform.h"

namespace ss {

class LoadWorker {
public:
    using Clock = std::chrono::steady_clock;

    // Connections get the ids firstId .. firstId + count - 1 (they seed the byte pattern); the
    // thread stops after `quota` round trips, zero meaning no limit.
    LoadWorker(const LoadConfig& config, const sockaddr_storage& addr, socklen_t addrLen,
               uint32_t firstId, int count, uint64_t quota);
    ~LoadWorker() { join(); }

    void start() {
        m_thread = std::thread([this] { run(); });
    }
    void requestStop() { m_stopRequested.store(true, std::memory_order_relaxed); }
    void join() {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool done() const { return m_done.load(std::memory_order_acquire); }
    void addTo(LoadStats* s) const;

private:
    using milliseconds = std::chrono::milliseconds;
    static constexpr milliseconds kBackoffMin{10};
    static constexpr milliseconds kBackoffMax{500};

    enum class ConnState { Idle, Connecting, Exchanging, Pausing, Backoff, Dead };

    struct Connection {
        NativeSocket fd = kInvalidSocket;
        ConnState state = ConnState::Idle;
        uint32_t id = 0;
        uint64_t seq = 0;  // messages begun on this connection; seeds the byte pattern
        uint64_t tripsSinceConnect = 0;
        size_t sent = 0;
        size_t received = 0;
        bool everConnected = false;
        Clock::time_point sendStart{};
        Clock::time_point deadline{};  // connect timeout, end of backoff, or next rate slot
        milliseconds backoff = kBackoffMin;
        std::vector<uint8_t> message;  // allocated once per connection, refilled per message
    };

    static void fillMessage(Connection& c);

    void run();
    void idleAfterPollError();
    bool finished(Clock::time_point now) const;
    int pollTimeout(Clock::time_point now) const;
    void runTimers(Clock::time_point now);
    void updateInterest();
    void dispatch(Connection& c, short revents);

    void openConnection(Connection& c);
    void established(Connection& c);
    void failConnect(Connection& c);
    void lose(Connection& c);
    void closeSocketOf(Connection& c, bool abortive);
    void retryLater(Connection& c, milliseconds delay);

    void beginMessage(Connection& c);
    void sendMore(Connection& c);
    void receive(Connection& c);
    void completeRoundTrip(Connection& c);

    const LoadConfig& m_config;
    sockaddr_storage m_addr;
    socklen_t m_addrLen;
    uint64_t m_quota;
    uint64_t m_trips = 0;  // loop-thread copy of roundTrips, for the quota check
    Clock::time_point m_end = Clock::time_point::max();
    std::vector<Connection> m_conns;
    std::vector<PollFd> m_pollFds;  // index-aligned with m_conns; closed slots are ignored
    std::vector<uint8_t> m_scratch;
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_done{false};

    std::atomic<uint64_t> m_roundTrips{0}, m_bytesSent{0}, m_bytesReceived{0}, m_mismatched{0};
    std::atomic<uint64_t> m_connectErrors{0}, m_resets{0}, m_reconnects{0};
    std::atomic<int64_t> m_active{0};
    LatencyHistogram m_latency;
};

}  // namespace ss
