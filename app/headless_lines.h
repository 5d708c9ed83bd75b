// SPDX-License-Identifier: GPL-3.0-or-later
// The first and last lines of `selectscope --headless`: what the engine was started with, and
// its counters when it stopped. The call and event lines between them are the core library's
// (trace/json_lines.h); these two describe the front end's run, so they live here. Both follow
// the JSON rules of trace/json_escape.h and end with a newline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/models/model_comparison.h"
#include "core/server/engine_config.h"

// {"type":"start",...}: the configuration the engine was started with and the application's
// version.
std::string headlessStartLine(const ss::EngineConfig& config, std::string_view version);

// {"type":"summary",...}: every EngineStats counter, then dropped_trace_records, the ring's drop
// count (the README's name for it).
std::string headlessSummaryLine(const ss::EngineStats& stats, uint64_t droppedTraceRecords);

// {"type":"model",...}: one model's run of --compare-models (core/models/model_comparison.h):
// clients served, served while the slow client held, each client's wait, the second client's,
// CPU %, threads and system calls.
std::string modelComparisonLine(const ss::ModelRun& run, int slowHoldMs);
