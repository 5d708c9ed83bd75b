// SPDX-License-Identifier: GPL-3.0-or-later
// A load generator: N client connections doing ping-pong against an echo server. It is used by
// the UI's load panel and by bench/echo_load. Each connection sends one message, waits until
// exactly that many bytes came back, checks every byte against what it sent, records the round
// trip's latency and only then sends the next message (closed loop), or waits for its slot when a
// rate is set. The generator runs on its own threads with its own poll() loop, so it never shares
// a loop (or a lock) with the engine it measures.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/load/latency_histogram.h"

namespace ss {

struct LoadConfig {
    std::string host = "127.0.0.1";  // numeric IPv4/IPv6 or "localhost": no DNS on a load thread
    uint16_t port = 0;
    int connections = 1;
    size_t messageSize = 64;
    // How long to run; zero runs until stop().
    std::chrono::milliseconds duration{0};
    // Round trips per second per connection; zero means closed loop (as fast as the echo allows).
    double ratePerConnection = 0;
    // After this many round trips a connection closes and reconnects (soak tests); zero keeps it.
    uint64_t churnAfter = 0;
    // Closing with RST instead of FIN leaves no TIME_WAIT behind, so long churn soaks do not
    // exhaust the ephemeral port range; it also exercises the server's reset path.
    bool resetOnChurn = false;
    // Stop after this many round trips in total (split evenly across threads); zero is no limit.
    uint64_t maxRoundTrips = 0;
    int threads = 1;
    // Longer than Linux's SYN retries at 1 s and 3 s: a server with a small backlog (the tutorial
    // presets use listen(5)) drops SYNs during a burst of connects, and those are late, not lost.
    std::chrono::milliseconds connectTimeout{5000};
};

struct LoadStats {
    uint64_t roundTrips = 0;
    uint64_t bytesSent = 0;
    uint64_t bytesReceived = 0;
    uint64_t mismatchedBytes = 0;  // echoed bytes that differ from the byte sent at that offset
    uint64_t connectErrors = 0;    // refused, timed out or otherwise failed connects
    uint64_t resets = 0;           // established connections lost (ECONNRESET or unexpected EOF)
    uint64_t reconnects = 0;
    int64_t activeConnections = 0;  // established right now
    double p50Us = 0;
    double p99Us = 0;
    double maxUs = 0;  // upper bound of the highest occupied bucket
    LatencyHistogram::Counts latency{};

    // The traffic between an earlier snapshot and this one (used to cut off a warm-up phase);
    // percentiles are recomputed from the difference of the histograms.
    LoadStats since(const LoadStats& earlier) const;
};

class LoadWorker;

class LoadGenerator {
public:
    explicit LoadGenerator(LoadConfig config);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    // Starts the load threads. Returns false (and sets *error) for a bad configuration; a server
    // that refuses is not an error here but shows up as connectErrors.
    bool start(std::string* error = nullptr);
    // Asks every thread to finish; returns once they have (within one poll tick).
    void stop();
    // Blocks until the run ends by itself (duration, maxRoundTrips, or every connection lost).
    void wait();
    bool running() const;

    // A consistent-enough snapshot for display: every counter is read atomically, though not all
    // at the same instant. Safe from any thread once start() has returned; start(), stop() and
    // wait() belong to the one thread that controls the generator.
    LoadStats stats() const;
    const LoadConfig& config() const { return m_config; }

private:
    LoadConfig m_config;
    std::vector<std::unique_ptr<LoadWorker>> m_workers;
};

}  // namespace ss
