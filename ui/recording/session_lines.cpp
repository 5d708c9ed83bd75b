// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/session_lines.h"

#include <cmath>
#include <utility>

#include "core/server/listener_spec.h"
#include "core/trace/json_escape.h"

namespace record_line {

namespace {

std::string_view traceModeName(const ss::TraceMode& mode) {
    if (mode.calls && mode.events)
        return "all";
    if (mode.calls)
        return "calls";
    if (mode.events)
        return "events";
    return "none";
}

void appendCounters(std::string& line, const ss::EngineStats& s) {
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
    };
    for (const auto& [key, value] : counters) {
        line += ",\"";
        line += key;
        line += "\":";
        ss::appendJsonUInt(line, value);
    }
    line += ",\"socket_calls\":";
    ss::appendJsonUInt(line, s.socketCalls);
}

// "epoll_mode":"et" after the backend, for epoll in an edge-triggered mode only: the default
// (lt) and the other backends print what they printed before.
void appendEpollMode(std::string& line, ss::BackendKind backend, ss::EpollMode mode) {
    if (backend != ss::BackendKind::Epoll || mode == ss::EpollMode::Level)
        return;
    line += ",\"epoll_mode\":";
    ss::appendJsonString(line, ss::epollModeName(mode));
}

}  // namespace

std::string startLine(const ss::EngineConfig& config, std::string_view version,
                      const std::vector<ss::DescriptorInfo>& open) {
    std::string line = "{\"type\":\"start\",\"backend\":";
    ss::appendJsonString(line, ss::backendName(config.backend));
    appendEpollMode(line, config.backend, config.epollMode);
    // An IO-model server that does not multiplex ("blocking", "threaded", "non-blocking").
    if (config.model != ss::IoModel::Multiplexed) {
        line += ",\"model\":";
        ss::appendJsonString(line, ss::ioModelName(config.model));
    }
    line += ",\"listeners\":[";
    for (size_t i = 0; i < config.listeners.size(); ++i) {
        if (i)
            line += ',';
        ss::appendJsonString(line, ss::formatListenSpec(config.listeners[i]));
    }
    line += "],\"timeout_ms\":";
    ss::appendJsonInt(line, config.timeoutMs);
    line += ",\"trace\":";
    ss::appendJsonString(line, traceModeName(config.trace));
    line += ",\"version\":";
    ss::appendJsonString(line, version);
    if (!open.empty())
        appendDescriptors(line, open);
    line += "}\n";
    return line;
}

std::string summaryLine(const ss::EngineStats& stats, uint64_t droppedTraceRecords) {
    std::string line = "{\"type\":\"summary\",\"backend\":";
    ss::appendJsonString(line, ss::backendName(stats.backend));
    appendEpollMode(line, stats.backend, stats.epollMode);
    appendCounters(line, stats);
    line += ",\"uptime_seconds\":";
    ss::appendJsonFixed(line, std::llround(stats.uptimeSeconds * 1e6), 6);
    line += stats.paused ? ",\"paused\":true" : ",\"paused\":false";
    line += ",\"slow_motion_ms\":";
    ss::appendJsonInt(line, stats.slowMotionMs);
    line += ",\"timeout_ms\":";
    ss::appendJsonInt(line, stats.timeoutMs);
    line += ",\"dropped_trace_records\":";
    ss::appendJsonUInt(line, droppedTraceRecords);
    line += ",\"peak_server_threads\":";
    ss::appendJsonUInt(line, stats.peakServerThreads);
    line += ",\"cpu_seconds\":";
    ss::appendJsonFixed(line, std::llround(stats.cpuSeconds * 1e6), 6);
    line += "}\n";
    return line;
}

void appendDescriptors(std::string& line, const std::vector<ss::DescriptorInfo>& rows) {
    line += ",\"descriptors\":[";
    for (size_t i = 0; i < rows.size(); ++i) {
        const ss::DescriptorInfo& d = rows[i];
        line += i ? ",{\"fd\":" : "{\"fd\":";
        ss::appendJsonInt(line, d.fd);
        line += ",\"role\":";
        ss::appendJsonString(line, ss::roleName(d.role));
        const std::pair<const char*, const std::string*> texts[] = {
            {"local", &d.local}, {"peer", &d.peer}, {"behaviour", &d.behaviour}};
        for (const auto& [key, text] : texts) {
            if (text->empty())
                continue;
            line += ",\"";
            line += key;
            line += "\":";
            ss::appendJsonString(line, *text);
        }
        line += ",\"listener_fd\":";
        ss::appendJsonInt(line, d.listenerFd);
        line += ",\"interest\":";
        ss::appendJsonInt(line, d.interest);
        line += ",\"state\":";
        ss::appendJsonString(line, ss::connStateName(d.state));
        const std::pair<const char*, uint64_t> counts[] = {
            {"app_queue_bytes", d.appQueueBytes},
            {"app_queue_messages", d.appQueueMessages},
            {"bytes_in", d.bytesIn},
            {"bytes_out", d.bytesOut}};
        for (const auto& [key, count] : counts) {
            line += ",\"";
            line += key;
            line += "\":";
            ss::appendJsonUInt(line, count);
        }
        line += '}';
    }
    line += ']';
}

std::string tracedStartLine(std::string_view command, int pid, bool seccomp,
                            const ss::TraceMode& trace, std::string_view version) {
    std::string line = "{\"type\":\"start\",\"source\":\"trace\",\"command\":";
    ss::appendJsonString(line, command);
    line += ",\"pid\":";
    ss::appendJsonInt(line, pid);
    line += seccomp ? ",\"seccomp\":true" : ",\"seccomp\":false";
    line += ",\"trace\":";
    ss::appendJsonString(line, traceModeName(trace));
    line += ",\"version\":";
    ss::appendJsonString(line, version);
    line += "}\n";
    return line;
}

std::string tracedSummaryLine(uint64_t calls, uint64_t events, uint64_t droppedTraceRecords) {
    std::string line = "{\"type\":\"summary\",\"source\":\"trace\",\"calls\":";
    ss::appendJsonUInt(line, calls);
    line += ",\"events\":";
    ss::appendJsonUInt(line, events);
    line += ",\"dropped_trace_records\":";
    ss::appendJsonUInt(line, droppedTraceRecords);
    line += "}\n";
    return line;
}

}  // namespace record_line
