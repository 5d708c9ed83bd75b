#include "json_lines.h"

#include <charconv>
#include <cmath>

#include "../net/platform.h"
#include "../server/engine_config.h"

namespace ss {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Keys are string literals chosen here, so they never need escaping.
void appendKey(std::string& out, std::string_view key) {
    out += ",\"";
    out += key;
    out += "\":";
}

void appendBool(std::string& out, bool value) {
    out += value ? "true" : "false";
}

// The length of the UTF-8 sequence starting at s[i] and whether it is complete and valid. An
// invalid sequence reports the length of its maximal valid prefix (at least 1), so that one
// U+FFFD replaces it, matching the Unicode recommendation and Python's "replace" handler.
size_t utf8Sequence(std::string_view s, size_t i, bool* valid) {
    const auto lead = static_cast<unsigned char>(s[i]);
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range allowed for the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 3;
        if (lead == 0xE0)
            lo = 0xA0;  // no overlong forms
        if (lead == 0xED)
            hi = 0x9F;  // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 4;
        if (lead == 0xF0)
            lo = 0x90;  // no overlong forms
        if (lead == 0xF4)
            hi = 0x8F;  // nothing above U+10FFFF
    } else {
        *valid = false;
        return 1;
    }
    size_t k = 1;
    while (k < need && i + k < s.size()) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
        if (!ok)
            break;
        ++k;
    }
    *valid = k == need;
    return k;
}

void appendAsciiEscape(std::string& out, unsigned char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    const char esc[] = {'\\', 'u', '0', '0', kHexDigits[c >> 4], kHexDigits[c & 0xF]};
    out.append(esc, sizeof esc);
}

std::string_view traceModeName(const TraceMode& mode) {
    if (mode.calls && mode.events)
        return "all";
    if (mode.calls)
        return "calls";
    if (mode.events)
        return "events";
    return "none";
}

}  // namespace

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    size_t run = 0;  // start of the bytes that can be copied verbatim
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        // DEL is legal in JSON but escaped so that a preview cannot disturb a terminal.
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        bool valid = true;
        const size_t len = c < 0x80 ? 1 : utf8Sequence(s, i, &valid);
        if (c >= 0x80 && valid) {
            i += len;
            continue;
        }
        out.append(s.data() + run, i - run);
        if (c < 0x80)
            appendAsciiEscape(out, c);
        else
            out += "\\ufffd";
        i += len;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void appendHex(std::string& out, std::string_view bytes) {
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        out += kHexDigits[c >> 4];
        out += kHexDigits[c & 0xF];
    }
}

void appendJsonInt(std::string& out, int64_t value) {
    char buf[24];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

void appendJsonUInt(std::string& out, uint64_t value) {
    char buf[24];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

void appendJsonFixed(std::string& out, int64_t value, int decimals) {
    int64_t scale = 1;
    for (int d = 0; d < decimals; ++d)
        scale *= 10;
    // Work on the magnitude as unsigned, so that INT64_MIN does not overflow.
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : uint64_t(value);
    if (value < 0)
        out += '-';
    appendJsonUInt(out, magnitude / uint64_t(scale));
    uint64_t frac = magnitude % uint64_t(scale);
    if (frac == 0)
        return;
    int digits = decimals;
    while (frac % 10 == 0) {
        frac /= 10;
        --digits;
    }
    char buf[24];
    for (int d = digits - 1; d >= 0; --d) {
        buf[d] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    out += '.';
    out.append(buf, size_t(digits));
}

JsonLineWriter::JsonLineWriter(size_t reserveBytes) {
    m_buffer.reserve(reserveBytes);
}

void JsonLineWriter::appendIntList(const char* key, const std::vector<int32_t>& fds) {
    m_buffer += '"';
    m_buffer += key;
    m_buffer += "\":[";
    for (size_t i = 0; i < fds.size(); ++i) {
        if (i)
            m_buffer += ',';
        appendJsonInt(m_buffer, fds[i]);
    }
    m_buffer += ']';
}

void JsonLineWriter::appendCall(const CallRecord& c) {
    std::string& o = m_buffer;
    o += "{\"type\":\"call\"";
    appendKey(o, "n");
    appendJsonUInt(o, c.number);
    appendKey(o, "t_us");
    appendJsonInt(o, c.startNs / 1000);
    appendKey(o, "backend");
    appendJsonString(o, backendName(c.backend));
    appendKey(o, "timeout_ms");
    appendJsonInt(o, c.timeoutMs);
    appendKey(o, "in");
    o += '{';
    appendIntList("read", c.inRead);
    o += ',';
    appendIntList("write", c.inWrite);
    o += ',';
    appendIntList("except", c.inExcept);
    o += '}';
    appendKey(o, "ready");
    o += '{';
    appendIntList("read", c.readyRead);
    o += ',';
    appendIntList("write", c.readyWrite);
    o += ',';
    appendIntList("except", c.readyExcept);
    o += ',';
    appendIntList("hangup", c.readyHangup);
    o += ',';
    appendIntList("error", c.readyError);
    o += '}';
    appendKey(o, "ret");
    appendJsonInt(o, c.ret);
    appendKey(o, "errno");
    appendJsonInt(o, c.err);
    appendKey(o, "errno_name");
    const char* name = c.err != 0 ? socketErrorName(c.err) : "";
    appendJsonString(o, name ? name : "");
    appendKey(o, "blocked_us");
    appendJsonFixed(o, c.durationNs, 3);
    o += "}\n";
}

// The aux field means something different for each kind; it gets a name where the trace
// documents its meaning, and the generic "aux" elsewhere so that nothing is hidden.
void JsonLineWriter::appendEventAux(const SocketEvent& e) {
    switch (e.kind) {
        case EventKind::Accept:
            appendKey(m_buffer, "listener_fd");
            break;
        case EventKind::QueueChange:
            appendKey(m_buffer, "messages");
            break;
        case EventKind::AcceptPaused:
            appendKey(m_buffer, "pause_ms");
            break;
        case EventKind::Close: {
            appendKey(m_buffer, "reason");
            const bool known = e.aux >= 0 && e.aux <= 0xFF;
            appendJsonString(m_buffer, known ? closeReasonName(static_cast<CloseReason>(e.aux))
                                             : std::string_view("unknown"));
            return;
        }
        default:
            if (e.aux == 0)
                return;
            appendKey(m_buffer, "aux");
            break;
    }
    appendJsonInt(m_buffer, e.aux);
}

void JsonLineWriter::appendEventError(int32_t err) {
    appendKey(m_buffer, "errno");
    appendJsonInt(m_buffer, err);
    appendKey(m_buffer, "errno_name");
    const char* name = socketErrorName(err);
    appendJsonString(m_buffer, name ? name : "");
    appendKey(m_buffer, "error");
    // Allocates, but only on the rare error path.
    appendJsonString(m_buffer, socketErrorText(err));
}

void JsonLineWriter::appendEvent(const SocketEvent& e) {
    std::string& o = m_buffer;
    o += "{\"type\":\"event\"";
    appendKey(o, "n");
    appendJsonUInt(o, e.number);
    appendKey(o, "t_us");
    appendJsonInt(o, e.timeNs / 1000);
    appendKey(o, "kind");
    appendJsonString(o, eventKindName(e.kind));
    appendKey(o, "fd");
    appendJsonInt(o, e.fd);
    appendKey(o, "role");
    appendJsonString(o, roleName(e.role));
    appendKey(o, "bytes");
    appendJsonInt(o, e.bytes);
    if (!e.preview.empty()) {
        appendKey(o, "preview");
        appendJsonString(o, e.preview);
        appendKey(o, "preview_hex");
        o += '"';
        appendHex(o, e.preview);
        o += '"';
    }
    appendEventAux(e);
    if (e.err != 0)
        appendEventError(e.err);
    if (!e.text.empty()) {
        appendKey(o, "text");
        appendJsonString(o, e.text);
    }
    o += "}\n";
}

void JsonLineWriter::appendStart(const EngineConfig& config, std::string_view version) {
    std::string& o = m_buffer;
    o += "{\"type\":\"start\"";
    appendKey(o, "backend");
    appendJsonString(o, backendName(config.backend));
    appendKey(o, "listeners");
    o += '[';
    for (size_t i = 0; i < config.listeners.size(); ++i) {
        if (i)
            o += ',';
        appendJsonString(o, formatListenSpec(config.listeners[i]));
    }
    o += ']';
    appendKey(o, "timeout_ms");
    appendJsonInt(o, config.timeoutMs);
    appendKey(o, "trace");
    appendJsonString(o, traceModeName(config.trace));
    appendKey(o, "version");
    appendJsonString(o, version);
    o += "}\n";
}

void JsonLineWriter::appendSummary(const EngineStats& s, uint64_t droppedTraceRecords) {
    std::string& o = m_buffer;
    o += "{\"type\":\"summary\"";
    appendKey(o, "backend");
    appendJsonString(o, backendName(s.backend));
    const std::pair<const char*, uint64_t> counters[] = {
        {"wait_calls", s.waitCalls},
        {"interrupted_calls", s.interruptedCalls},
        {"accepted", s.accepted},
        {"refused", s.refused},
        {"closed", s.closed},
        {"open_connections", s.openConnections},
        {"watched_descriptors", s.watchedDescriptors},
        {"bytes_in", s.bytesIn},
        {"bytes_out", s.bytesOut},
        {"datagrams_in", s.datagramsIn},
        {"datagrams_out", s.datagramsOut},
        {"errors", s.errors},
        {"urgent_bytes", s.urgentBytes},
        {"trace_records", s.traceRecords},
        {"trace_dropped", s.traceDropped},
    };
    for (const auto& [key, value] : counters) {
        appendKey(o, key);
        appendJsonUInt(o, value);
    }
    appendKey(o, "uptime_seconds");
    appendJsonFixed(o, std::llround(s.uptimeSeconds * 1e6), 6);
    appendKey(o, "paused");
    appendBool(o, s.paused);
    appendKey(o, "slow_motion_ms");
    appendJsonInt(o, s.slowMotionMs);
    appendKey(o, "timeout_ms");
    appendJsonInt(o, s.timeoutMs);
    appendKey(o, "dropped_trace_records");
    appendJsonUInt(o, droppedTraceRecords);
    o += "}\n";
}

bool JsonLineWriter::flushTo(std::FILE* out) {
    bool ok = true;
    if (!m_buffer.empty())
        ok = std::fwrite(m_buffer.data(), 1, m_buffer.size(), out) == m_buffer.size();
    ok = std::fflush(out) == 0 && ok;
    m_buffer.clear();
    return ok;
}

std::string JsonLineWriter::take() {
    std::string out = std::move(m_buffer);
    m_buffer.clear();
    return out;
}

}  // namespace ss
