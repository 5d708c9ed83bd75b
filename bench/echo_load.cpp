// SPDX-License-Identifier: GPL-3.0-or-later
// A command-line front end to ss::LoadGenerator for the echo benchmark. It warms up, measures
// for a fixed window, and prints one JSON line with what happened inside the window only:
//   {"round_trips":...,"rt_per_s":...,"p50_us":...,"p99_us":...,"mismatched_bytes":...,"errors":...,
//    "connections":...}
// "errors" counts failed connects and lost connections inside the window; "connections" is how
// many were established when the window closed (fewer than asked means the numbers describe
// a lighter load than intended).
// The lines "echo_load: window start" and "echo_load: window end" go to stderr at the moment
// the window opens and closes, so a harness can sample the server's CPU time at the same moments.
//
//   echo_load --port P [--host 127.0.0.1] [--connections 100] [--size 64] [--duration 3]
//             [--warmup 1] [--threads 1] [--rate 0]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/load/load_generator.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    ss::LoadConfig load;
    double durationS = 3;
    double warmupS = 1;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "echo_load: %s\nusage: echo_load --port P [--host H] [--connections N] "
                 "[--size BYTES] [--duration S] [--warmup S] [--threads T] [--rate RT_PER_S]\n",
                 why);
    std::exit(2);
}

double number(const std::string& key, const char* text) {
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || value < 0)
        usage(("bad value for " + key).c_str());
    return value;
}

uint16_t port(const char* text) {
    const double value = number("--port", text);
    if (value < 1 || value > 65535)
        usage("--port must be in 1..65535");
    return static_cast<uint16_t>(value);
}

Options parseOptions(int argc, char** argv) {
    Options o;
    o.load.connections = 100;
    o.load.messageSize = 64;
    for (int i = 1; i < argc; i += 2) {
        const std::string key = argv[i];
        if (i + 1 >= argc)
            usage(("missing value for " + key).c_str());
        const char* value = argv[i + 1];
        if (key == "--host")
            o.load.host = value;
        else if (key == "--port")
            o.load.port = port(value);
        else if (key == "--connections")
            o.load.connections = static_cast<int>(number(key, value));
        else if (key == "--size")
            o.load.messageSize = static_cast<size_t>(number(key, value));
        else if (key == "--duration")
            o.durationS = number(key, value);
        else if (key == "--warmup")
            o.warmupS = number(key, value);
        else if (key == "--threads")
            o.load.threads = static_cast<int>(number(key, value));
        else if (key == "--rate")
            o.load.ratePerConnection = number(key, value);
        else
            usage(("unknown option " + key).c_str());
    }
    if (o.load.port == 0)
        usage("--port is required");
    if (o.durationS <= 0)
        usage("--duration must be positive");
    return o;
}

void sleepSeconds(double s) {
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

// The warm-up starts once every connection is up or has failed, bounded by the connect timeout:
// a server with a small backlog takes a SYN retry or two to accept a burst of connects.
void awaitConnections(const ss::LoadGenerator& generator) {
    const auto& config = generator.config();
    const auto deadline = Clock::now() + config.connectTimeout + std::chrono::seconds(1);
    while (Clock::now() < deadline) {
        const ss::LoadStats s = generator.stats();
        if (s.activeConnections + static_cast<int64_t>(s.connectErrors) >= config.connections)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void mark(const char* what) {
    std::fprintf(stderr, "echo_load: %s\n", what);
    std::fflush(stderr);
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parseOptions(argc, argv);
    ss::LoadGenerator generator(o.load);
    std::string error;
    if (!generator.start(&error))
        usage(error.c_str());

    awaitConnections(generator);
    sleepSeconds(o.warmupS);
    const ss::LoadStats before = generator.stats();
    const auto start = Clock::now();
    mark("window start");
    sleepSeconds(o.durationS);
    const ss::LoadStats after = generator.stats();
    const auto end = Clock::now();
    mark("window end");
    generator.stop();

    const ss::LoadStats w = after.since(before);
    const double seconds = std::chrono::duration<double>(end - start).count();
    std::printf(
        "{\"round_trips\":%llu,\"rt_per_s\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,"
        "\"mismatched_bytes\":%llu,\"errors\":%llu,\"connections\":%lld}\n",
        static_cast<unsigned long long>(w.roundTrips), w.roundTrips / seconds, w.p50Us, w.p99Us,
        static_cast<unsigned long long>(w.mismatchedBytes),
        static_cast<unsigned long long>(w.connectErrors + w.resets),
        static_cast<long long>(after.activeConnections));
    return w.roundTrips > 0 && w.mismatchedBytes == 0 ? 0 : 1;
}
