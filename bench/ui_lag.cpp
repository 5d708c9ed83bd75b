// SPDX-License-Identifier: GPL-3.0-or-later
// How responsive the window stays under full load. Opens the real MainWindow (offscreen unless
// QT_QPA_PLATFORM says otherwise), starts an echo server on a free port, drives N connections of
// closed-loop ping-pong at it with ss::LoadGenerator for a fixed time, and measures the UI event
// loop's lag: a 10 ms timer records how late each tick fires. Prints p50/p99/max lag, the
// process's RSS at start and end, the models' row counts and the dropped trace records.
//
//   ui_lag [--seconds S] [--connections N] [--threads T] [--backend NAME]
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_stats.h"
#include "core/load/load_generator.h"
#include "core/server/listener_spec.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/event_log_model.h"
#include "ui/trace_source.h"

namespace {

struct Options {
    double seconds = 20;
    int connections = 1000;
    int threads = 4;
    std::string backend = "auto";
};

constexpr int kTickMs = 10;

Options parse(int argc, char* argv[]) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--seconds")
            o.seconds = std::atof(argv[i + 1]);
        else if (key == "--connections")
            o.connections = std::atoi(argv[i + 1]);
        else if (key == "--threads")
            o.threads = std::atoi(argv[i + 1]);
        else if (key == "--backend")
            o.backend = argv[i + 1];
        else
            std::fprintf(stderr, "ui_lag: ignoring unknown option %s\n", argv[i]);
    }
    return o;
}

// Both ends of every connection live in this process, plus the engine's and Qt's own.
void raiseDescriptorLimit(int connections) {
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return;
    const rlim_t wanted = static_cast<rlim_t>(connections) * 2 + 256;
    if (lim.rlim_cur < wanted) {
        lim.rlim_cur = std::min(wanted, lim.rlim_max);
        ::setrlimit(RLIMIT_NOFILE, &lim);
    }
}

ss::EngineConfig echoConfig(const Options& options) {
    ss::EngineConfig config;
    std::string error;
    // A backlog big enough for the connect burst (the tutorial preset's listen(5) is not).
    config.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0,backlog=4096=echo", &error));
    if (options.backend != "auto") {
        if (const auto kind = ss::parseBackend(options.backend))
            config.backend = *kind;
    }
    return config;
}

quint16 listenerPort(const MainWindow& window) {
    for (const ss::DescriptorInfo& row : window.session()->lastDescriptors()) {
        if (row.role == ss::Role::Listener)
            return static_cast<quint16>(std::stoi(row.local.substr(row.local.rfind(':') + 1)));
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const Options options = parse(argc, argv);
    raiseDescriptorLimit(options.connections);
    QApplication app(argc, argv);

    WindowOptions windowOptions;
    windowOptions.useSettings = false;
    MainWindow window(windowOptions);
    window.resize(1920, 1080);
    window.show();
    QApplication::processEvents();
    const long rssStart = bench::rssKiB();

    if (!window.startServer(echoConfig(options))) {
        std::fprintf(stderr, "ui_lag: the echo server did not start\n");
        return 1;
    }
    QElapsedTimer wait;
    wait.start();
    while (listenerPort(window) == 0 && wait.elapsed() < 5000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    const quint16 port = listenerPort(window);
    if (port == 0) {
        std::fprintf(stderr, "ui_lag: no listener published\n");
        return 1;
    }

    ss::LoadConfig load;
    load.port = port;
    load.connections = options.connections;
    load.threads = options.threads;
    load.duration = std::chrono::milliseconds(static_cast<int64_t>(options.seconds * 1000));
    ss::LoadGenerator generator(load);
    std::string error;
    if (!generator.start(&error)) {
        std::fprintf(stderr, "ui_lag: load generator: %s\n", error.c_str());
        return 1;
    }

    // Lag = how much later than its 10 ms period each tick arrives.
    std::vector<double> lagMs;
    lagMs.reserve(static_cast<size_t>(options.seconds * 1000 / kTickMs) + 16);
    QElapsedTimer clock;
    clock.start();
    qint64 lastNs = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(kTickMs);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lagMs.push_back(std::max(0.0, double(now - lastNs) / 1e6 - kTickMs));
        lastNs = now;
    });
    // RSS every 30 s, so a long run shows whether memory levels off once the capped histories
    // (calls, events, 120 s of plots) are full.
    QTimer memory;
    memory.setInterval(30000);
    QObject::connect(&memory, &QTimer::timeout, [&] {
        std::printf("  RSS at %3.0f s: %ld KiB\n", double(clock.elapsed()) / 1000, bench::rssKiB());
        std::fflush(stdout);
    });
    memory.start();
    QTimer end;
    end.setSingleShot(true);
    QObject::connect(&end, &QTimer::timeout, &app, &QApplication::quit);
    tick.start();
    end.start(static_cast<int>(options.seconds * 1000));
    QApplication::exec();
    tick.stop();

    const ss::LoadStats loadStats = generator.stats();
    generator.stop();
    window.session()->refresh();
    const ss::EngineStats stats = window.session()->lastStats();
    const long rssEnd = bench::rssKiB();

    std::printf("ui_lag: %d connections, %.0f s, backend %s\n", options.connections,
                options.seconds, std::string(ss::backendName(stats.backend)).c_str());
    std::printf("  event loop lag (ms, %zu ticks of %d ms): p50 %.2f  p99 %.2f  max %.2f\n",
                lagMs.size(), kTickMs, bench::percentile(lagMs, 0.50),
                bench::percentile(lagMs, 0.99),
                lagMs.empty() ? 0.0 : *std::max_element(lagMs.begin(), lagMs.end()));
    std::printf("  RSS: start %ld KiB, end %ld KiB\n", rssStart, rssEnd);
    std::printf(
        "  load: %llu round trips (%.0f/s), p50 %.0f us, p99 %.0f us, active %lld, "
        "connect errors %llu, mismatched bytes %llu\n",
        static_cast<unsigned long long>(loadStats.roundTrips),
        double(loadStats.roundTrips) / options.seconds, loadStats.p50Us, loadStats.p99Us,
        static_cast<long long>(loadStats.activeConnections),
        static_cast<unsigned long long>(loadStats.connectErrors),
        static_cast<unsigned long long>(loadStats.mismatchedBytes));
    std::printf("  engine: %llu wait calls, %llu trace records, %llu dropped trace records\n",
                static_cast<unsigned long long>(stats.waitCalls),
                static_cast<unsigned long long>(stats.traceRecords),
                static_cast<unsigned long long>(stats.traceDropped));
    std::printf("  model rows: descriptors %d, calls %d, events %d\n",
                window.descriptorModel()->rowCount(), window.callTraceModel()->rowCount(),
                window.eventLogModel()->rowCount());
    window.stopServer();
    return 0;
}
