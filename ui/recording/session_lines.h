// SPDX-License-Identifier: GPL-3.0-or-later
// The first and last lines of a recording: what the engine was started with (and, for a
// recording begun while it runs, the descriptors already open), and its counters when the
// recording ended. The call and event lines between them are the core library's
// (trace/json_lines.h). `selectscope --headless` and the window's File > Record write the same
// lines. Both follow the JSON rules of trace/json_escape.h and end with a newline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/server/engine_config.h"

namespace record_line {

// {"type":"start",...}: the configuration the engine was started with and the application's
// version; "descriptors" lists `open` when there are any.
std::string startLine(const ss::EngineConfig& config, std::string_view version,
                      const std::vector<ss::DescriptorInfo>& open = {});

// {"type":"summary",...}: every EngineStats counter, then dropped_trace_records, the ring's drop
// count (the README's name for it).
std::string summaryLine(const ss::EngineStats& stats, uint64_t droppedTraceRecords);

// A traced program's start line (core/tracer): {"type":"start","source":"trace",
// "command":"python3 server.py","pid":1234,"seccomp":true,"trace":"all","version":"..."}.
// seccomp is false for a process attached to, which stops at every system call.
std::string tracedStartLine(std::string_view command, int pid, bool seccomp,
                            const ss::TraceMode& trace, std::string_view version);

// {"type":"summary","source":"trace","calls":N,"events":N,"dropped_trace_records":N}.
std::string tracedSummaryLine(uint64_t calls, uint64_t events, uint64_t droppedTraceRecords);

// ,"descriptors":[{...},...]: the descriptors open when a recording began.
void appendDescriptors(std::string& line, const std::vector<ss::DescriptorInfo>& rows);

}  // namespace record_line
