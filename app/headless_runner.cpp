// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/headless_runner.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/cli_options.h"
#include "app/headless_lines.h"
#include "core/models/model_comparison.h"
#include "core/net/platform.h"
#include "core/server/engine.h"
#include "core/trace/json_lines.h"
#include "core/tracer/tracer.h"
#include "ui/recording/session_lines.h"

namespace {

// The drain period: fast enough that a watcher sees lines promptly (and the ring rarely
// fills), slow enough that each write carries a batch rather than a line.
constexpr auto kDrainPeriod = std::chrono::milliseconds(15);
// Records per batch, which bounds the JSON buffer (a few MiB) when the ring is full.
constexpr size_t kMaxBatchRecords = 16384;
// At most 128 Ki records per tick, so that a backlog cannot delay a stop request or the end
// of --duration by more than a fraction of a second.
constexpr size_t kMaxBatchesPerTick = 8;

// Set from the signal handler; a lock-free atomic is async-signal-safe to store to.
std::atomic<int> g_stopSignals{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onStopSignal(int) {
    // A second Ctrl+C means "now": _Exit is async-signal-safe and skips the orderly stop.
    if (g_stopSignals.fetch_add(1) >= 1)
        std::_Exit(130);
}

void installStopHandlers() {
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

class Drainer {
public:
    explicit Drainer(ss::Engine& engine) : m_engine(engine) {}

    // Moves up to maxBatches batches from the ring to stdout, one write per batch. Bounded, so
    // that a producer faster than stdout cannot keep the caller from seeing a stop request.
    // Returns false when stdout is gone (EPIPE after `| head`), so the caller can stop quietly.
    bool drain(size_t maxBatches = SIZE_MAX) {
        for (size_t batch = 0; batch < maxBatches; ++batch) {
            const size_t consumed = m_engine.trace().drain(
                [this](const ss::CallRecord& c) { m_writer.appendCall(c); },
                [this](const ss::SocketEvent& e) { m_writer.appendEvent(e); }, kMaxBatchRecords);
            if (!flush())
                return false;
            m_backlogged = consumed == kMaxBatchRecords;
            if (!m_backlogged)
                break;
        }
        return true;
    }

    // True when the last drain stopped at its batch limit with records left in the ring.
    bool backlogged() const { return m_backlogged; }

    ss::JsonLineWriter& writer() { return m_writer; }

    bool flush() { return m_writer.empty() || m_writer.flushTo(stdout); }

private:
    ss::Engine& m_engine;
    ss::JsonLineWriter m_writer;
    bool m_backlogged = false;
};

bool timeIsUp(std::chrono::steady_clock::time_point start, double durationSeconds) {
    if (durationSeconds <= 0)
        return false;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    return elapsed.count() >= durationSeconds;
}

// Drains until a stop signal, the duration, the engine ending by itself, or a closed stdout.
bool watch(ss::Engine& engine, Drainer& drainer, double durationSeconds) {
    const auto start = std::chrono::steady_clock::now();
    while (g_stopSignals.load() == 0 && !timeIsUp(start, durationSeconds) && engine.running()) {
        // Sleep only when the ring was emptied: a backlog is drained at full speed.
        if (!drainer.backlogged())
            std::this_thread::sleep_for(kDrainPeriod);
        if (!drainer.drain(kMaxBatchesPerTick))
            return false;
    }
    return true;
}

}  // namespace

int runModelComparison() {
    ss::initSocketPlatform();
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    int exitCode = 0;
    for (const std::string& preset : ss::comparedPresets()) {
        const ss::ModelRun run = ss::runModel(preset, ss::kComparisonSlowHold);
        const std::string line = modelComparisonLine(run, int(ss::kComparisonSlowHold.count()));
        if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size())
            return 0;  // the reader went away
        if (!run.error.empty())
            exitCode = 1;
    }
    return exitCode;
}

int runHeadless(const CliOptions& options) {
    // Ignores SIGPIPE, so a reader that goes away makes fwrite() fail instead of killing us.
    ss::initSocketPlatform();
    // Unbuffered: each batch goes out as one write() instead of stdio's 4 KiB pieces.
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    installStopHandlers();

    ss::Engine engine(options.engine);
    std::string error;
    if (!engine.start(&error)) {
        std::fprintf(stderr, "selectscope: error: %s\n", error.c_str());
        return 1;
    }
    Drainer drainer(engine);
    drainer.writer().appendLine(record_line::startLine(engine.config(), selectscopeVersion()));
    bool outputOpen = drainer.flush() && watch(engine, drainer, options.durationSeconds);
    engine.stop();
    // The loop thread has ended, so this last drain is finite.
    if (outputOpen)
        outputOpen = drainer.drain();
    if (outputOpen) {
        drainer.writer().appendLine(
            record_line::summaryLine(engine.stats(), engine.trace().dropped()));
        drainer.flush();
    }
    return 0;
}

// --run / --attach with --headless: the traced program's records as the same JSON lines,
// between a start line that names the program and a summary line.
int runTracedHeadless(const CliOptions& options) {
    ss::initSocketPlatform();
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    installStopHandlers();
    ss::tracer::Tracer tracer;
    std::string error;
    ss::tracer::TraceTarget target = traceTargetOf(options);
    target.stdoutToStderr = true;  // stdout carries the JSON lines
    if (!tracer.start(target, &error)) {
        std::fprintf(stderr, "selectscope: error: %s\n", error.c_str());
        return 1;
    }
    const ss::TraceMode& mode = options.engine.trace;
    ss::JsonLineWriter out;
    out.appendLine(record_line::tracedStartLine(tracer.command(), tracer.pid(),
                                                tracer.usesSeccomp(), mode, selectscopeVersion()));
    uint64_t calls = 0, events = 0, dropped = 0;
    const auto write = [&] {
        ss::tracer::TracerBatch batch = tracer.take();
        calls += batch.calls.size();
        events += batch.events.size();
        dropped = batch.droppedTotal;
        for (const ss::CallRecord& c : batch.calls)
            if (mode.calls)
                out.appendCall(c);
        for (const ss::SocketEvent& e : batch.events)
            if (mode.events)
                out.appendEvent(e);
        return out.flushTo(stdout);
    };
    const auto start = std::chrono::steady_clock::now();
    bool outputOpen = true;
    while (outputOpen && g_stopSignals.load() == 0 && !tracer.finished() &&
           !timeIsUp(start, options.durationSeconds)) {
        tracer.waitForRecords(kDrainPeriod);
        outputOpen = write();
    }
    tracer.stop();
    if (outputOpen && write()) {
        out.appendLine(record_line::tracedSummaryLine(calls, events, dropped));
        out.flushTo(stdout);
    }
    return 0;
}
