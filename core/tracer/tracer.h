// SPDX-License-Identifier: GPL-3.0-or-later
// A program traced from outside (Linux), as a source of the trace's records: the same
// CallRecords and SocketEvents as the engine's, each labelled with its process and thread.
//
// The tracer runs on a thread of its own (every ptrace request must come from the thread that
// attached). Records wait in a bounded queue for whoever watches: the headless front end or the
// window's TracerSource, each on its own tick. Past the bound, records are dropped and counted,
// and the traced program is never slowed down by a watcher that falls behind.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/trace/trace_types.h"
#include "core/tracer/trace_target.h"

namespace ss::tracer {

struct TracerBatch {
    std::vector<CallRecord> calls;
    std::vector<SocketEvent> events;
    uint64_t droppedTotal = 0;
};

// True on a build that can trace programs (Linux); elsewhere start() says why not.
bool tracingAvailable();

// A process of this user that has sockets open: what the window offers to attach to.
struct TraceableProcess {
    int pid = 0;
    int sockets = 0;
    std::string command;
};
// This user's processes (every process for root) with at least one socket, but this one, by
// pid; empty where tracing is not available.
std::vector<TraceableProcess> traceableProcesses();

// One trace per object: start() once, stop() (or the program's end), take() what is left.
class Tracer {
public:
    // Records waiting beyond this are dropped (and counted).
    static constexpr size_t kQueueBound = 200000;

    Tracer();
    ~Tracer();
    Tracer(const Tracer&) = delete;
    Tracer& operator=(const Tracer&) = delete;

    // Starts the program or attaches to the process; returns once the trace runs, or false with
    // the reason in *error.
    bool start(const TraceTarget& target, std::string* error);
    // Stops the trace: detaches from an attached process or ends a started one. Returns when
    // the tracer's thread has finished.
    void stop();

    // Everything recorded since the last take().
    TracerBatch take();
    // Waits until a full batch of records is waiting or the trace has finished, at most `bound`:
    // a watcher drains on its own period, in batches.
    void waitForRecords(std::chrono::milliseconds bound);
    // True once every traced process has ended, or stop() was called.
    bool finished() const;

    // The traced process (the program started, or the one attached to) and its command line.
    int pid() const;
    const std::string& command() const;
    // Started programs stop only at the traced calls; attached ones at every call.
    bool usesSeccomp() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace ss::tracer
