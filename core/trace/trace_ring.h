// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded hand-off from the engine thread to one watcher: a single-producer single-consumer
// ring of variable-length binary records. The engine never waits on it: when the ring is full
// the record is dropped and counted, and the watcher learns how many it missed.
//
// Layout: each record is a 16-byte-aligned block [uint32 size][uint8 type][pad][payload]. A
// record never wraps; when it does not fit before the end, a Skip block fills the tail and the
// record starts again at offset 0. Positions are monotonically increasing 64-bit counters, so
// full and empty are told apart without a spare slot.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "core/poller/call_draft.h"
#include "core/trace/trace_types.h"

namespace ss {

enum class RecordType : uint8_t { Skip = 0, Call = 1, Event = 2 };

class TraceRing {
public:
    explicit TraceRing(size_t capacityBytes = 8u << 20);
    TraceRing(const TraceRing&) = delete;
    TraceRing& operator=(const TraceRing&) = delete;

    // ---- producer side (engine thread only) ----
    bool pushCall(uint64_t number, BackendKind backend, const CallDraft& draft, int64_t baseNs);
    bool pushEvent(const SocketEvent& head, std::string_view preview, std::string_view text);

    // ---- consumer side (one watcher thread) ----
    // Decodes up to maxRecords records and hands each to the matching callback. Returns how many
    // were consumed.
    size_t drain(const std::function<void(const CallRecord&)>& onCall,
                 const std::function<void(const SocketEvent&)>& onEvent,
                 size_t maxRecords = SIZE_MAX);

    // Records the producer could not store because the ring was full.
    uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    size_t capacity() const { return m_capacity; }

private:
    // Reserves a block of payloadBytes; returns the payload pointer, or null when full.
    uint8_t* reserve(RecordType type, size_t payloadBytes);
    void commit();

    size_t m_capacity;
    std::unique_ptr<uint8_t[]> m_buffer;
    alignas(64) std::atomic<uint64_t> m_head{0};  // written by the producer
    alignas(64) std::atomic<uint64_t> m_tail{0};  // written by the consumer
    alignas(64) uint64_t m_pendingHead = 0;       // producer-private
    uint64_t m_cachedTail = 0;                    // producer-private
    std::atomic<uint64_t> m_dropped{0};
};

}  // namespace ss
