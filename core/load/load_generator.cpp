// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/load/load_generator.h"

#include <algorithm>

#include "core/load/load_worker.h"
#include "core/net/endpoint.h"
#include "core/net/platform.h"
#include "core/trace/engine_text.h"

namespace ss {

namespace {

void computePercentiles(LoadStats* s) {
    s->p50Us = percentileUs(s->latency, 50);
    s->p99Us = percentileUs(s->latency, 99);
    s->maxUs = percentileUs(s->latency, 100);
}

}  // namespace

LoadStats LoadStats::since(const LoadStats& earlier) const {
    LoadStats d = *this;
    d.roundTrips -= earlier.roundTrips;
    d.bytesSent -= earlier.bytesSent;
    d.bytesReceived -= earlier.bytesReceived;
    d.mismatchedBytes -= earlier.mismatchedBytes;
    d.connectErrors -= earlier.connectErrors;
    d.resets -= earlier.resets;
    d.reconnects -= earlier.reconnects;
    for (size_t i = 0; i < d.latency.size(); ++i)
        d.latency[i] -= earlier.latency[i];
    computePercentiles(&d);
    return d;
}

// ---- LoadGenerator -----------------------------------------------------------------------

LoadGenerator::LoadGenerator(LoadConfig config) : m_config(std::move(config)) {}

LoadGenerator::~LoadGenerator() {
    stop();
}

bool LoadGenerator::start(std::string* error) {
    if (!m_workers.empty()) {
        if (error)
            *error = engineText(TextId::LoadAlreadyStarted);
        return false;
    }
    if (m_config.connections < 1 || m_config.messageSize < 1 || m_config.port == 0) {
        if (error)
            *error = engineText(TextId::LoadNeedsSettings);
        return false;
    }
    initSocketPlatform();
    sockaddr_storage addr{};
    socklen_t len = 0;
    if (!toSockaddr(Endpoint{m_config.host, m_config.port}, &addr, &len, error))
        return false;

    const int threads = std::clamp(m_config.threads, 1, m_config.connections);
    const uint64_t quota = (m_config.maxRoundTrips + threads - 1) / threads;
    uint32_t nextId = 0;
    for (int t = 0; t < threads; ++t) {
        const int count = m_config.connections / threads + (t < m_config.connections % threads);
        m_workers.push_back(
            std::make_unique<LoadWorker>(m_config, addr, len, nextId, count, quota));
        nextId += static_cast<uint32_t>(count);
    }
    for (auto& w : m_workers)
        w->start();
    return true;
}

void LoadGenerator::stop() {
    for (auto& w : m_workers)
        w->requestStop();
    wait();
}

void LoadGenerator::wait() {
    for (auto& w : m_workers)
        w->join();
}

bool LoadGenerator::running() const {
    return std::any_of(m_workers.begin(), m_workers.end(),
                       [](const auto& w) { return !w->done(); });
}

LoadStats LoadGenerator::stats() const {
    LoadStats s;
    for (const auto& w : m_workers)
        w->addTo(&s);
    computePercentiles(&s);
    return s;
}

}  // namespace ss
