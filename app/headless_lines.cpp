// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/headless_lines.h"

#include <cmath>

#include "core/trace/json_escape.h"

namespace {

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
