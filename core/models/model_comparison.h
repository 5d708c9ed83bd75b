// SPDX-License-Identifier: GPL-3.0-or-later
// The IO-models comparison: the same scripted clients (scripted_clients.h: three clients, one
// of them slow) against each model's preset in turn, io-blocking, io-threaded, io-nonblocking
// and io-select, each on a free loopback port in an engine of its own. What a run measures
// comes from that run: the clients' replies and their times, and the engine's own counters
// (the server threads' CPU time, the most threads alive at once, its system calls).
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "core/load/scripted_clients.h"
#include "core/server/engine_config.h"

namespace ss {

// How long client 1 holds its connection idle in the window's and --compare-models' runs: long
// enough to see, short enough that the four runs take a few seconds.
constexpr std::chrono::milliseconds kComparisonSlowHold{1000};

struct ModelRun {
    std::string preset;  // "io-blocking"
    IoModel model = IoModel::Multiplexed;
    ScriptOutcome clients;
    double seconds = 0;     // from the engine's start until it had stopped
    double cpuPercent = 0;  // the server threads' CPU time over `seconds`, of one core
    uint32_t threads = 0;   // the most server threads alive at once
    // Wait calls and accept/recv/send calls the server made, and their rate over `seconds`.
    uint64_t calls = 0;
    double callsPerSecond = 0;
    std::string error;  // the engine did not start; nothing else is set then
};

// The presets compared here, in the chapter's order: io-blocking, io-threaded and
// io-nonblocking where they are built (Linux), and io-select everywhere.
std::vector<std::string> comparedPresets();

// Starts preset on a free loopback port, runs the clients against it with this slow hold,
// stops the engine and measures. Blocks for about slowHold (longer when a model makes the
// others wait); *cancel ends the clients early.
ModelRun runModel(const std::string& preset, std::chrono::milliseconds slowHold,
                  const std::atomic<bool>* cancel = nullptr);

}  // namespace ss
