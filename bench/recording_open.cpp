// SPDX-License-Identifier: GPL-3.0-or-later
// How a large recording opens in the window. It records a real echo server first: the engine on
// a loopback port with every record traced, while ss::LoadGenerator runs four connections of
// 64-byte ping-pong that close and reconnect every 50 round trips. The records of that session
// (from the first connect until every connection is closed again) are the tile; a recording of
// --mib MiB is written as the start line, the records before the first connect, the tile again
// and again with its call and event numbers and times moved on, and the records of the stop.
// Every line is a line the engine wrote; only n and t_us differ between tiles.
//
// Then, in the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise), 1920x1080:
//   - reference: reading the file once from the page cache in 4 MiB blocks, counting lines;
//   - open: File > Open recording until the call list shows the first call, and until the index
//     is complete (ratio against the reference read);
//   - memory: the process's RSS before opening and once indexed;
//   - scrubbing: --seeks jumps to random positions (a fixed seed), each timed as the seek (the
//     source reading from its checkpoint and every view taking the new trace) and as the
//     repaint of the whole window that follows; step back and step forward likewise.
//
//   recording_open [--mib N] [--seeks N] [--file PATH] [--keep]
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "bench/bench_stats.h"
#include "core/load/load_generator.h"
#include "core/server/engine.h"
#include "core/server/listener_spec.h"
#include "core/trace/json_lines.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/recording/session_lines.h"
#include "ui/recording_source.h"

namespace {

struct Options {
    uint64_t mib = 1024;
    int seeks = 200;
    std::string file = "/tmp/selectscope-recording-bench.jsonl";
    bool keep = false;
};

Options parse(int argc, char* argv[]) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--mib" && hasValue)
            options.mib = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--seeks" && hasValue)
            options.seeks = std::atoi(argv[++i]);
        else if (arg == "--file" && hasValue)
            options.file = argv[++i];
        else if (arg == "--keep")
            options.keep = true;
        else {
            std::fprintf(stderr,
                         "usage: recording_open [--mib N] [--seeks N] [--file PATH] "
                         "[--keep]\n");
            std::exit(2);
        }
    }
    return options;
}

using Record = std::variant<ss::CallRecord, ss::SocketEvent>;

struct Seed {
    ss::EngineConfig config;
    std::vector<Record> head, tile, tail;
};

std::vector<Record> drain(ss::Engine& engine) {
    std::vector<Record> records;
    engine.trace().drain([&](const ss::CallRecord& c) { records.emplace_back(c); },
                         [&](const ss::SocketEvent& e) { records.emplace_back(e); });
    return records;
}

// Polls `done` every millisecond for at most `ms`.
template <typename Done>
bool waitFor(Done done, int ms) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

bool recordSeed(Seed* seed) {
    ss::EngineConfig config;
    config.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0=echo", nullptr));
    ss::Engine engine(config);
    std::string error;
    if (!engine.start(&error)) {
        std::fprintf(stderr, "recording_open: the echo server did not start: %s\n", error.c_str());
        return false;
    }
    uint16_t port = 0;
    waitFor(
        [&] {
            engine.requestSnapshot();
            for (const ss::DescriptorInfo& d : engine.descriptors())
                if (d.role == ss::Role::Listener)
                    port = uint16_t(std::stoi(d.local.substr(d.local.rfind(':') + 1)));
            return port != 0;
        },
        5000);
    seed->config = engine.config();
    seed->head = drain(engine);
    ss::LoadConfig load;
    load.port = port;
    load.connections = 4;
    load.churnAfter = 50;
    load.maxRoundTrips = 2000;
    ss::LoadGenerator generator(load);
    if (port == 0 || !generator.start(&error)) {
        std::fprintf(stderr, "recording_open: no load: %s\n", error.c_str());
        return false;
    }
    generator.wait();
    generator.stop();
    const ss::LoadStats done = generator.stats();
    // Every connection the load made is closed again: the tile ends as it began.
    const bool settled = waitFor(
        [&] {
            const ss::EngineStats s = engine.stats();
            return s.accepted > 0 && s.closed == s.accepted;
        },
        5000);
    seed->tile = drain(engine);
    engine.stop();
    seed->tail = drain(engine);
    const ss::EngineStats stats = engine.stats();
    if (!settled || done.mismatchedBytes != 0 || stats.traceDropped != 0) {
        std::fprintf(stderr,
                     "recording_open: the seed session went wrong (settled %d, "
                     "mismatched %llu, dropped %llu)\n",
                     int(settled), (unsigned long long)done.mismatchedBytes,
                     (unsigned long long)stats.traceDropped);
        return false;
    }
    std::printf("seed: %llu round trips, %llu connections, %zu records in the tile\n",
                (unsigned long long)done.roundTrips, (unsigned long long)stats.accepted,
                seed->tile.size());
    return true;
}

// Adds the records with their numbers and times moved on by `shift`.
struct Shift {
    uint64_t calls = 0, events = 0;
    int64_t ns = 0;
};

void append(ss::JsonLineWriter& writer, const std::vector<Record>& records, const Shift& shift) {
    for (const Record& record : records) {
        if (const auto* call = std::get_if<ss::CallRecord>(&record)) {
            ss::CallRecord c = *call;
            c.number += shift.calls;
            c.startNs += shift.ns;
            writer.appendCall(c);
        } else {
            ss::SocketEvent e = std::get<ss::SocketEvent>(record);
            e.number += shift.events;
            e.timeNs += shift.ns;
            writer.appendEvent(e);
        }
    }
}

// What one tile moves the numbers and the clock on by.
Shift tileShift(const std::vector<Record>& tile) {
    Shift shift;
    int64_t first = INT64_MAX, last = 0;
    for (const Record& record : tile) {
        const int64_t t = std::visit(
            [](const auto& r) {
                if constexpr (std::is_same_v<std::decay_t<decltype(r)>, ss::CallRecord>)
                    return r.startNs;
                else
                    return r.timeNs;
            },
            record);
        first = std::min(first, t);
        last = std::max(last, t);
        if (std::holds_alternative<ss::CallRecord>(record))
            ++shift.calls;
        else
            ++shift.events;
    }
    shift.ns = last - first + 1000000;  // and a millisecond between two tiles
    return shift;
}

bool writeRecording(const Seed& seed, const Options& options, uint64_t* tiles) {
    std::FILE* out = std::fopen(options.file.c_str(), "wb");
    if (!out) {
        std::perror(options.file.c_str());
        return false;
    }
    ss::JsonLineWriter writer;
    writer.appendLine(record_line::startLine(seed.config, "bench"));
    append(writer, seed.head, {});
    const Shift step = tileShift(seed.tile);
    const uint64_t target = options.mib << 20;
    uint64_t written = 0;
    Shift shift;
    *tiles = 0;
    bool ok = true;
    while (ok && written < target) {
        append(writer, seed.tile, shift);
        written += writer.size();
        ok = writer.flushTo(out);
        shift.calls += step.calls;
        shift.events += step.events;
        shift.ns += step.ns;
        ++*tiles;
    }
    append(writer, seed.tail,
           {shift.calls - step.calls, shift.events - step.events, shift.ns - step.ns});
    ok = writer.flushTo(out) && ok;
    return std::fclose(out) == 0 && ok;
}

// Reads the file once in 4 MiB blocks and counts its lines: the reference.
double referenceReadMs(const std::string& path, uint64_t* lines) {
    QElapsedTimer clock;
    clock.start();
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    std::vector<char> block(4u << 20);
    *lines = 0;
    qint64 n = 0;
    while ((n = file.read(block.data(), qint64(block.size()))) > 0)
        *lines += uint64_t(std::count(block.data(), block.data() + n, '\n'));
    return double(clock.nsecsElapsed()) / 1e6;
}

struct Timings {
    std::vector<double> source, paint;
};

void printTimings(const char* what, const Timings& t) {
    std::printf("%-14s %8zu %9.2f %9.2f %9.2f %11.2f %9.2f\n", what, t.source.size(),
                bench::percentile(t.source, 0.5), bench::percentile(t.source, 0.99),
                *std::max_element(t.source.begin(), t.source.end()),
                bench::percentile(t.paint, 0.5), bench::percentile(t.paint, 0.99));
}

// Times `move` (the source and every view taking it) and the window's repaint after it.
template <typename Move>
void timeMove(MainWindow& window, Timings* timings, Move move) {
    QElapsedTimer clock;
    clock.start();
    move();
    timings->source.push_back(double(clock.nsecsElapsed()) / 1e6);
    clock.restart();
    QApplication::processEvents();
    (void)window.grab();
    timings->paint.push_back(double(clock.nsecsElapsed()) / 1e6);
}

int measure(const Options& options, uint64_t bytes) {
    uint64_t lines = 0;
    referenceReadMs(options.file, &lines);  // the page cache holds the file for both
    const double readMs = referenceReadMs(options.file, &lines);

    WindowOptions windowOptions;
    windowOptions.useSettings = false;
    MainWindow window(windowOptions);
    window.resize(1920, 1080);
    window.show();
    QApplication::processEvents();
    const long rssBefore = bench::rssKiB();
    RecordingSource* source = window.recording();

    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!window.openRecording(QString::fromStdString(options.file), &error)) {
        std::fprintf(stderr, "recording_open: %s\n", qPrintable(error));
        return 1;
    }
    while (window.callTraceModel()->rowCount() == 0 && clock.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    const double firstCallMs = double(clock.nsecsElapsed()) / 1e6;
    while (source->indexing() && clock.elapsed() < 600000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    const double indexMs = double(clock.nsecsElapsed()) / 1e6;
    const long rssIndexed = bench::rssKiB();
    if (!source->damage().isEmpty() || source->indexing()) {
        std::fprintf(stderr, "recording_open: not indexed: %s\n", qPrintable(source->damage()));
        return 1;
    }
    const double mib = double(bytes) / double(1u << 20);
    std::printf("\nfile: %.0f MiB, %llu lines, %zu calls\n", mib, (unsigned long long)lines,
                source->callCount());
    std::printf("%-34s %10s %10s %8s\n", "", "ms", "MiB/s", "x read");
    std::printf("%-34s %10.0f %10.0f %8.2f\n", "reference: read from page cache", readMs,
                mib / (readMs / 1000), 1.0);
    std::printf("%-34s %10.0f %10s %8s\n", "open: first call in the call list", firstCallMs, "",
                "");
    std::printf("%-34s %10.0f %10.0f %8.2f\n", "open: index complete", indexMs,
                mib / (indexMs / 1000), indexMs / readMs);
    std::printf(
        "memory: RSS %.1f MiB before opening, %.1f MiB indexed (+%.1f MiB, %.1f B a "
        "call)\n",
        double(rssBefore) / 1024, double(rssIndexed) / 1024, double(rssIndexed - rssBefore) / 1024,
        double(rssIndexed - rssBefore) * 1024 / double(source->callCount()));

    std::mt19937_64 random(20261207);
    std::uniform_int_distribution<size_t> anywhere(1, source->callCount());
    Timings seeks, backs, forwards;
    for (int i = 0; i < options.seeks; ++i) {
        const size_t to = anywhere(random);
        timeMove(window, &seeks, [&] { source->seek(to); });
        timeMove(window, &backs, [&] { source->stepBack(); });
        timeMove(window, &forwards, [&] { source->stepForward(); });
    }
    std::printf("\n%-14s %8s %9s %9s %9s %11s %9s\n", "ms", "moves", "p50", "p99", "max",
                "paint p50", "p99");
    printTimings("seek anywhere", seeks);
    printTimings("step back", backs);
    printTimings("step forward", forwards);
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const Options options = parse(argc, argv);
    QApplication app(argc, argv);

    Seed seed;
    if (!recordSeed(&seed))
        return 1;
    QElapsedTimer clock;
    clock.start();
    uint64_t tiles = 0;
    if (!writeRecording(seed, options, &tiles)) {
        std::fprintf(stderr, "recording_open: could not write %s\n", options.file.c_str());
        return 1;
    }
    const uint64_t bytes = uint64_t(QFile(QString::fromStdString(options.file)).size());
    std::printf("wrote %s: %llu bytes, %llu tiles, in %.1f s\n", options.file.c_str(),
                (unsigned long long)bytes, (unsigned long long)tiles,
                double(clock.elapsed()) / 1000);
    const int rc = measure(options, bytes);
    if (!options.keep)
        QFile::remove(QString::fromStdString(options.file));
    return rc;
}
