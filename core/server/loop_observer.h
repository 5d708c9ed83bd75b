// SPDX-License-Identifier: GPL-3.0-or-later
// What the loop tells its watchers. On the loop thread it numbers the wait calls and socket
// events, writes them into the trace ring and keeps the exact counters; for other threads it
// publishes the counters and descriptor snapshots under a mutex taken once per iteration at
// most. It also supplies the http preset's statistics page.
//
// The hot path runs through emit(): one check of the trace mode, then a fixed-size record into
// the preallocated ring. No allocation, lock or string per event.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/poller/call_draft.h"
#include "core/server/channel.h"
#include "core/server/engine_config.h"
#include "core/server/http_stats_provider.h"
#include "core/trace/trace_ring.h"

namespace ss {

class LoopObserver final : public HttpStatsProvider {
public:
    // channels is the table the loop watches; snapshots and the http page describe its rows.
    LoopObserver(const EngineConfig& config, const ChannelTable& channels);

    // ---- loop thread ----
    // Sets the time that every trace timestamp counts from: now.
    void startClock();
    int64_t baseNs() const { return m_baseNs; }
    // The exact counters, which the loop and the socket code update in place.
    EngineStats& counters() { return m_counters; }
    // Counts one wait call and, when calls are traced (draft not null), samples the kernel's
    // state of the descriptors it returned ready into draft->why and records it. Called right
    // after the call returns, before the loop handles anything. Returns its number.
    uint64_t callMade(BackendKind backend, CallDraft* draft);
    uint64_t callNumber() const { return m_callNumber; }
    // The IO-model servers (core/models/): counts an accept, recv or send (draft.kind says which)
    // and records it when calls are traced. Nothing is sampled: the call names its socket.
    uint64_t socketCallMade(BackendKind backend, const CallDraft& draft);
    void emit(EventKind kind, const Channel* ch, int64_t bytes = 0, int64_t aux = 0, int err = 0,
              std::string_view preview = {}, std::string_view text = {});
    void note(std::string_view text);
    void publishStats();
    void publishSnapshot();
    // After each iteration: the counters always, a snapshot when one is due or was asked for.
    void publishAfterIteration();
    // True once per requestSnapshot(), so that a paused loop can serve it while it waits.
    bool takeSnapshotRequest() { return m_snapshotRequested.exchange(false); }
    HttpStats httpStats() const override;

    // ---- any thread ----
    TraceRing& ring() { return m_ring; }
    EngineStats stats() const;
    // *mark, when given, says which records the snapshot has seen.
    std::vector<DescriptorInfo> descriptors(SnapshotMark* mark = nullptr) const;
    void requestSnapshot() { m_snapshotRequested.store(true); }

    // At most this many ready descriptors are sampled per call (in fd order), so that a call
    // that returns thousands costs a bounded number of probes.
    static constexpr size_t kMaxSampledReady = 64;

private:
    DescriptorInfo describe(const Channel& ch, int64_t now) const;
    // Fills draft.why: one ReadyFacts per ready descriptor, up to kMaxSampledReady.
    void sampleReady(CallDraft& draft);

    const ChannelTable& m_channels;
    const TraceMode m_traceMode;
    const int m_snapshotIntervalMs;
    TraceRing m_ring;
    int64_t m_baseNs = 0;
    uint64_t m_callNumber = 0, m_eventNumber = 0;
    EngineStats m_counters;  // loop thread only
    struct ReadyFd {
        int32_t fd;
        uint8_t reported;  // ReadinessBits of one ready list
    };
    std::vector<ReadyFd> m_readyFds;  // sampleReady()'s scratch list, reused

    mutable std::mutex m_publishMutex;
    EngineStats m_publishedStats;
    std::vector<DescriptorInfo> m_snapshot;
    SnapshotMark m_snapshotMark;
    std::atomic<bool> m_snapshotRequested{false};
    int64_t m_lastSnapshotNs = 0;
};

}  // namespace ss
