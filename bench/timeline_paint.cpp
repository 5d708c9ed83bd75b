// SPDX-License-Identifier: GPL-3.0-or-later
// How long the timeline takes to paint one frame with 10,000 wait calls in view. The calls are
// real: an echo server (select unless --backend says otherwise) runs under closed-loop load from
// ss::LoadGenerator until the TimelineModel, fed by the same EngineSession the window uses, holds
// --calls records; then the model is cut off from the session and the view renders offscreen
// into a 1920x1080 QImage, on the call axis and on the time axis. Prints the median and p99 per
// frame, the ratio to the 33.3 ms a frame may take at 30 fps, and the ratio to the same view with
// only the newest 100 calls in view, measured in the same run.
//
//   timeline_paint [--calls N] [--connections N] [--frames N] [--backend NAME] [--png DIR]
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_stats.h"
#include "core/load/load_generator.h"
#include "core/server/listener_spec.h"
#include "ui/engine_session.h"
#include "ui/models/timeline_model.h"
#include "ui/views/timeline_view.h"

namespace {

constexpr double kFrameBudgetMs = 1000.0 / 30;
constexpr int kReferenceCalls = 100;
constexpr int kWarmUpFrames = 5;

struct Options {
    int calls = 10000;
    int connections = 16;
    int frames = 200;
    std::string backend = "select";
    QString pngDir;
};

Options parse(int argc, char* argv[]) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--calls")
            o.calls = std::atoi(argv[i + 1]);
        else if (key == "--connections")
            o.connections = std::atoi(argv[i + 1]);
        else if (key == "--frames")
            o.frames = std::atoi(argv[i + 1]);
        else if (key == "--backend")
            o.backend = argv[i + 1];
        else if (key == "--png")
            o.pngDir = QString::fromLocal8Bit(argv[i + 1]);
        else
            std::fprintf(stderr, "timeline_paint: ignoring unknown option %s\n", argv[i]);
    }
    return o;
}

quint16 listenerPort(const EngineSession& session) {
    for (const ss::DescriptorInfo& row : session.lastDescriptors()) {
        if (row.role == ss::Role::Listener)
            return static_cast<quint16>(std::stoi(row.local.substr(row.local.rfind(':') + 1)));
    }
    return 0;
}

// Runs the engine under load until the model holds `calls` records (or 30 s pass).
bool capture(const Options& options, EngineSession& session, TimelineModel& model) {
    ss::EngineConfig config;
    std::string error;
    config.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0,backlog=1024=echo", &error));
    if (const auto kind = ss::parseBackend(options.backend))
        config.backend = *kind;
    model.setSource(&session);
    if (!session.start(config))
        return false;
    QElapsedTimer wait;
    wait.start();
    while (listenerPort(session) == 0 && wait.elapsed() < 5000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    ss::LoadConfig load;
    load.port = listenerPort(session);
    load.connections = options.connections;
    load.threads = 2;
    ss::LoadGenerator generator(load);
    if (load.port == 0 || !generator.start(&error)) {
        std::fprintf(stderr, "timeline_paint: no load: %s\n", error.c_str());
        return false;
    }
    wait.restart();
    while (model.bands().size() < size_t(options.calls) + 50 && wait.elapsed() < 30000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    // The model holds still from here on: what is painted is what was captured.
    QObject::disconnect(&session, nullptr, &model, nullptr);
    generator.stop();
    session.stop();
    return model.bands().size() >= size_t(options.calls);
}

struct Result {
    double medianMs = 0;
    double p99Ms = 0;
    double cpuMedianMs = 0;  // the main thread's CPU time: what the frame costs on a busy machine
};

double threadCpuMs() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

Result timeFrames(TimelineView& view, int frames, const QString& png) {
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms, cpuMs;
    ms.reserve(size_t(frames));
    cpuMs.reserve(size_t(frames));
    for (int i = 0; i < kWarmUpFrames + frames; ++i) {
        QElapsedTimer clock;
        clock.start();
        const double cpu = threadCpuMs();
        view.render(&image);
        if (i >= kWarmUpFrames) {
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
            cpuMs.push_back(threadCpuMs() - cpu);
        }
    }
    if (!png.isEmpty())
        image.save(png);
    return {bench::percentile(ms, 0.5), bench::percentile(ms, 0.99), bench::percentile(cpuMs, 0.5)};
}

void report(const char* what, const Result& r, const Result* reference) {
    std::printf("  %-32s median %6.2f ms  p99 %6.2f ms  (CPU %6.2f ms) = %5.1f %% of 33.3 ms", what,
                r.medianMs, r.p99Ms, r.cpuMedianMs, 100 * r.medianMs / kFrameBudgetMs);
    if (reference)
        std::printf("  (%.1fx the 100-call frame)", r.medianMs / reference->medianMs);
    std::printf("\n");
}

QString pngPath(const Options& options, const char* name) {
    return options.pngDir.isEmpty() ? QString()
                                    : QDir(options.pngDir).filePath(QString::fromLatin1(name));
}

}  // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const Options options = parse(argc, argv);
    QApplication app(argc, argv);

    EngineSession session;
    TimelineModel model;
    if (!capture(options, session, model)) {
        std::fprintf(stderr, "timeline_paint: captured only %zu calls\n", model.bands().size());
        return 1;
    }
    // Call numbers have gaps where the session dropped records under load: count bands, not
    // numbers.
    const auto& bands = model.bands();
    const uint64_t newest = bands.back().number;
    const uint64_t oldest = bands[bands.size() - size_t(options.calls)].number;
    const uint64_t referenceFirst = bands[bands.size() - size_t(kReferenceCalls)].number;
    size_t markCount = model.marks().size();
    std::printf(
        "timeline_paint: %zu calls captured (%s, %d connections), %zu lanes, %zu cells, "
        "%zu marks; 1920x1080, %d frames each\n",
        model.bands().size(), options.backend.c_str(), options.connections, model.lanes().size(),
        model.cellCount(), markCount, options.frames);

    TimelineView view(&model);
    view.resize(1920, 1080);
    view.show();
    QApplication::processEvents();

    view.showRange(referenceFirst, newest);
    const Result reference = timeFrames(view, options.frames, pngPath(options, "calls_100.png"));
    report("call axis, 100 calls in view", reference, nullptr);
    view.showRange(oldest, newest);
    const Result calls = timeFrames(view, options.frames, pngPath(options, "calls_10000.png"));
    report("call axis, 10,000 calls in view", calls, &reference);
    view.setAxis(TimelineView::Axis::Time);
    view.showRange(oldest, newest);
    const Result time = timeFrames(view, options.frames, pngPath(options, "time_10000.png"));
    report("time axis, 10,000 calls in view", time, &reference);
    view.showRange(referenceFirst, newest);
    const Result time100 = timeFrames(view, options.frames, pngPath(options, "time_100.png"));
    report("time axis, 100 calls in view", time100, &reference);
    return 0;
}
