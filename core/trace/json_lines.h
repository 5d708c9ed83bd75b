// SPDX-License-Identifier: GPL-3.0-or-later
// JSON Lines for the headless mode: one compact object per trace record, appended to a single
// reusable buffer that the caller writes out once per batch. This sits on the throughput path
// of `--trace all`, so it is hand-written: no DOM, no per-record allocation once the buffer has
// grown to the size of a batch, and no locale-dependent number formatting.
//
// Every line is valid JSON whatever bytes the trace holds: strings are escaped by the rules in
// json_escape.h (UTF-8 passes through, control characters are escaped, invalid bytes become
// \ufffd), whose building blocks are included here for writers and tests that use both.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/trace/json_escape.h"  // appendJsonString() and friends, part of this interface
#include "core/trace/trace_types.h"

namespace ss {

// The key an event's aux value is written under: "listener_fd" for accept, "messages" for
// queue-change ... "then" (exception), "reason" (close, busy-loop) carry a name instead of the
// number; "aux" for the kinds that give it no meaning of their own.
std::string_view eventAuxKey(EventKind kind);

class JsonLineWriter {
public:
    static constexpr size_t kDefaultReserve = 256 * 1024;

    explicit JsonLineWriter(size_t reserveBytes = kDefaultReserve);

    // {"type":"call",...} for one wait call, or for an accept, recv or send of an IO-model
    // server ("call":"recv","fd":N, no sets).
    void appendCall(const CallRecord& call);
    // {"type":"event",...} for one socket event.
    void appendEvent(const SocketEvent& event);
    // A line formatted elsewhere, newline included: the front end's start and summary lines,
    // which describe the engine's configuration and counters rather than a trace record.
    void appendLine(std::string_view line);

    bool empty() const { return m_size == 0; }
    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    std::string_view buffer() const { return {m_data.get(), m_size}; }

    // Writes the whole buffer with one fwrite() and one fflush(), then empties it (keeping its
    // capacity). Returns false when the stream failed, e.g. EPIPE after `| head` exited.
    bool flushTo(std::FILE* out);
    // Returns a copy of the buffered lines and empties the buffer (keeping its capacity).
    std::string take();
    void clear() { m_size = 0; }

private:
    void appendSocketCall(const CallRecord& call);
    // Makes sure that `bytes` more fit and returns where they go. Each record asks once for
    // its worst-case size, then writes through a raw pointer: no per-piece capacity checks.
    char* reserveTail(size_t bytes);
    void commitTail(const char* end);

    // A plain array rather than std::string: resizing a string zero-fills what is reserved.
    std::unique_ptr<char[]> m_data;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

}  // namespace ss
