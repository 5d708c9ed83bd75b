// JSON Lines for the headless mode: one compact object per trace record, appended to a single
// reusable buffer that the caller writes out once per batch. This sits on the throughput path
// of `--trace all`, so it is hand-written: no DOM, no per-record allocation once the buffer has
// grown to the size of a batch, and no locale-dependent number formatting.
//
// Every line is valid JSON whatever bytes the trace holds: UTF-8 passes through, control
// characters are escaped, and bytes that are not valid UTF-8 become \ufffd (one per maximal
// invalid subsequence, as Python's bytes.decode("utf-8", "replace") does).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "trace_types.h"

namespace ss {

struct EngineConfig;
struct EngineStats;

class JsonLineWriter {
public:
    static constexpr size_t kDefaultReserve = 256 * 1024;

    explicit JsonLineWriter(size_t reserveBytes = kDefaultReserve);

    // {"type":"call",...} for one wait call.
    void appendCall(const CallRecord& call);
    // {"type":"event",...} for one socket event.
    void appendEvent(const SocketEvent& event);
    // {"type":"start",...}: the configuration the engine was started with. The version is the
    // application's, which the core library does not know.
    void appendStart(const EngineConfig& config, std::string_view version);
    // {"type":"summary",...}: every EngineStats field plus the ring's drop count.
    void appendSummary(const EngineStats& stats, uint64_t droppedTraceRecords);

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
    // Makes sure that `bytes` more fit and returns where they go. Each record asks once for
    // its worst-case size, then writes through a raw pointer: no per-piece capacity checks.
    char* reserveTail(size_t bytes);
    void commitTail(const char* end);

    // A plain array rather than std::string: resizing a string zero-fills what is reserved.
    std::unique_ptr<char[]> m_data;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

// Building blocks, public so that other writers (and the tests) can use the same rules.
// Appends `bytes` as a quoted JSON string, with the escaping described above.
void appendJsonString(std::string& out, std::string_view bytes);
// Appends lower-case hex digits, two per byte, without quotes.
void appendHex(std::string& out, std::string_view bytes);
void appendJsonInt(std::string& out, int64_t value);
void appendJsonUInt(std::string& out, uint64_t value);
// Appends value / 10^decimals as a JSON number with trailing zeros trimmed: (12300, 3) gives
// "12.3", (5000, 3) gives "5". Integer arithmetic, so the C locale never matters.
void appendJsonFixed(std::string& out, int64_t value, int decimals);

}  // namespace ss
