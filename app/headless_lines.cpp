// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/headless_lines.h"

#include <cmath>
#include <utility>

#include "core/trace/json_escape.h"

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

// Milliseconds with three decimals, or null for a client that had no reply.
void appendMs(std::string& line, double ms) {
    if (ms < 0)
        line += "null";
    else
        ss::appendJsonFixed(line, std::llround(ms * 1e3), 3);
}

// "errors":[...] only when a client was not served: what it saw, or null for a served one.
void appendClientErrors(std::string& line, const ss::ScriptOutcome& clients) {
    if (clients.served() == int(clients.clients.size()))
        return;
    line += ",\"errors\":[";
    for (size_t i = 0; i < clients.clients.size(); ++i) {
        if (i)
            line += ',';
        if (clients.clients[i].served)
            line += "null";
        else
            ss::appendJsonString(line, clients.clients[i].error);
    }
    line += ']';
}

}  // namespace

std::string headlessStartLine(const ss::EngineConfig& config, std::string_view version) {
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
    line += "}\n";
    return line;
}

std::string headlessSummaryLine(const ss::EngineStats& stats, uint64_t droppedTraceRecords) {
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

std::string modelComparisonLine(const ss::ModelRun& run, int slowHoldMs) {
    std::string line = "{\"type\":\"model\",\"preset\":";
    ss::appendJsonString(line, run.preset);
    line += ",\"model\":";
    ss::appendJsonString(line, ss::ioModelName(run.model));
    line += ",\"slow_hold_ms\":";
    ss::appendJsonInt(line, slowHoldMs);
    if (!run.error.empty()) {
        line += ",\"error\":";
        ss::appendJsonString(line, run.error);
        return line + "}\n";
    }
    line += ",\"clients_served\":";
    ss::appendJsonInt(line, run.clients.served());
    line += ",\"served_while_slow_held\":";
    ss::appendJsonInt(line, run.clients.servedWhileSlowHeld());
    line += ",\"second_client_wait_ms\":";
    appendMs(line, run.clients.clients[1].waitMs);
    line += ",\"wait_ms\":[";
    for (size_t i = 0; i < run.clients.clients.size(); ++i) {
        if (i)
            line += ',';
        appendMs(line, run.clients.clients[i].waitMs);
    }
    line += "],\"cpu_percent\":";
    ss::appendJsonFixed(line, std::llround(run.cpuPercent * 10), 1);
    line += ",\"threads\":";
    ss::appendJsonUInt(line, run.threads);
    line += ",\"calls\":";
    ss::appendJsonUInt(line, run.calls);
    line += ",\"calls_per_second\":";
    ss::appendJsonUInt(line, uint64_t(std::llround(run.callsPerSecond)));
    line += ",\"seconds\":";
    ss::appendJsonFixed(line, std::llround(run.seconds * 1e3), 3);
    appendClientErrors(line, run.clients);
    return line + "}\n";
}
