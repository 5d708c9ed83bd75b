// SPDX-License-Identifier: GPL-3.0-or-later
// The command line: valid combinations give the expected engine configuration, and every
// mistake gives exactly one clear line and exit code 2.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QDir>
#include <QProcess>

#include <string>
#include <vector>

#include "app/cli_options.h"
#include "app/headless_lines.h"
#include "core/server/presets.h"
#include "ui/recording/session_lines.h"

namespace {

CliResult parse(const std::vector<const char*>& args) {
    QStringList list{"selectscope"};
    for (const char* a : args)
        list << QString::fromUtf8(a);
    return parseCommandLine(list);
}

std::vector<std::string> listenerTexts(const CliResult& r) {
    std::vector<std::string> out;
    for (const ss::ListenerSpec& l : r.options.engine.listeners)
        out.push_back(ss::formatListenSpec(l));
    return out;
}

std::string availableList() {
    std::string out;
    for (ss::BackendKind k : ss::availableBackends())
        out += (out.empty() ? "" : ", ") + std::string(ss::backendName(k));
    return out;
}

// A backend this build does not have: kqueue on Linux and Windows, epoll elsewhere.
const char* missingBackend() {
    for (const char* name : {"kqueue", "epoll", "wsapoll"}) {
        bool have = false;
        for (ss::BackendKind k : ss::availableBackends())
            have = have || ss::backendName(k) == name;
        if (!have)
            return name;
    }
    return "none";
}

using Strings = std::vector<std::string>;

}  // namespace

TEST(CliOptions, DefaultIsTheEchoPreset) {
    const CliResult r = parse({});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.presetName, "echo");
    EXPECT_EQ(listenerTexts(r), Strings{"127.0.0.1:8000/tcp,backlog=5=echo"});
    EXPECT_EQ(r.options.engine.timeoutMs, 2000);                   // the tutorial's select(..., 2)
    EXPECT_EQ(r.options.engine.backend, ss::BackendKind::Select);  // select.select(inputs, ...)
    EXPECT_TRUE(r.options.engine.trace.calls && r.options.engine.trace.events);
    EXPECT_FALSE(r.options.headless);
    EXPECT_TRUE(r.options.warnings.empty());
}

// A preset starts on its tutorial's backend unless --backend says otherwise.
TEST(CliOptions, PresetCarriesItsBackendAndBackendOverridesIt) {
    EXPECT_EQ(parse({"--preset", "rw-split"}).options.engine.backend, ss::BackendKind::Select);
    EXPECT_EQ(parse({"--preset", "http"}).options.engine.backend, ss::bestBackend());
    EXPECT_EQ(parse({"--preset", "rw-split", "--backend", "poll"}).options.engine.backend,
              ss::BackendKind::Poll);
    EXPECT_EQ(parse({"--backend", "poll", "--preset", "rw-split"}).options.engine.backend,
              ss::BackendKind::Poll);
}

// --epoll-mode: lt by default; et and et-drain with the epoll backend only.
TEST(CliOptions, EpollMode) {
    EXPECT_EQ(parse({"--listen", "0"}).options.engine.epollMode, ss::EpollMode::Level);
    const CliResult r = parse({"--backend", "epoll", "--epoll-mode", "et", "--listen", "0,recv=4"});
    if (ss::bestBackend() != ss::BackendKind::Epoll) {
        EXPECT_EQ(r.exitCode, kExitUsage);  // no epoll in this build
        return;
    }
    EXPECT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.engine.epollMode, ss::EpollMode::Edge);
    EXPECT_EQ(r.options.engine.backend, ss::BackendKind::Epoll);
    // Without a preset and --backend, the best backend: epoll.
    EXPECT_EQ(parse({"--epoll-mode", "et-drain", "--listen", "0"}).options.engine.epollMode,
              ss::EpollMode::EdgeDrain);
    EXPECT_EQ(parse({"--epoll-mode", "lt", "--backend", "select"}).options.engine.epollMode,
              ss::EpollMode::Level);
}

TEST(CliOptions, PresetWithConsecutivePortsAndExtraListen) {
    const CliResult r =
        parse({"--preset", "welcome", "--port", "7000", "--listen", "9000/udp=upper"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    const std::string w = "=welcome:欢迎访问";
    EXPECT_EQ(listenerTexts(r), (Strings{"127.0.0.1:7000/tcp" + w, "127.0.0.1:7001/tcp" + w,
                                         "127.0.0.1:7002/tcp" + w, "127.0.0.1:9000/udp=upper"}));
    EXPECT_EQ(r.options.engine.timeoutMs, 1000);
}

TEST(CliOptions, PresetWithExplicitPorts) {
    const CliResult r = parse({"--preset", "welcome", "--ports", "7001,7005,7009"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    ASSERT_EQ(r.options.engine.listeners.size(), 3u);
    EXPECT_EQ(r.options.engine.listeners[1].endpoint.port, 7005);
    EXPECT_EQ(r.options.engine.listeners[2].endpoint.port, 7009);
}

TEST(CliOptions, ListenWithoutPresetReplacesTheDefault) {
    const CliResult r = parse({"--listen", "8080=http", "--listen", "[::1]:8081,queued=chat"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.presetName, "");
    EXPECT_EQ(listenerTexts(r), (Strings{"127.0.0.1:8080/tcp=http", "[::1]:8081/tcp,queued=chat"}));
    EXPECT_EQ(r.options.engine.timeoutMs, ss::EngineConfig{}.timeoutMs);
}

TEST(CliOptions, EngineSettings) {
    const CliResult r =
        parse({"--headless", "--preset", "upper", "--backend", "select", "--timeout-ms", "250",
               "--trace", "events", "--max-queue", "64K", "--paused", "--slow-motion", "300",
               "--duration", "2.5", "--serve-dir", "."});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    const ss::EngineConfig& e = r.options.engine;
    EXPECT_TRUE(r.options.headless);
    EXPECT_EQ(e.backend, ss::BackendKind::Select);
    EXPECT_EQ(e.timeoutMs, 250);  // overrides the preset's -1
    EXPECT_FALSE(e.trace.calls);
    EXPECT_TRUE(e.trace.events);
    EXPECT_EQ(r.options.traceName, "events");
    EXPECT_EQ(e.maxQueueBytes, 64u * 1024);
    EXPECT_TRUE(e.startPaused);
    EXPECT_EQ(e.slowMotionMs, 300);
    EXPECT_DOUBLE_EQ(r.options.durationSeconds, 2.5);
    EXPECT_EQ(e.serveDir, QDir::currentPath().toStdString());
}

TEST(CliOptions, SmallValues) {
    const CliResult r =
        parse({"--preset", "upper", "--trace", "none", "--max-queue", "2M", "--backend", "auto"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.engine.timeoutMs, -1);  // the upper tutorial passes no timeout
    EXPECT_FALSE(r.options.engine.trace.calls || r.options.engine.trace.events);
    EXPECT_EQ(r.options.engine.maxQueueBytes, 2u << 20);
    EXPECT_EQ(r.options.engine.backend, ss::bestBackend());
}

TEST(CliOptions, AllowRemoteWarns) {
    const CliResult r = parse({"--listen", "0.0.0.0:9000", "--allow-remote"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_TRUE(r.options.engine.allowRemote);
    EXPECT_EQ(r.options.warnings,
              Strings{"selectscope: warning: listening on 0.0.0.0:9000 exposes the server "
                      "beyond this machine"});
}

TEST(CliOptions, GuiOptionsAreStored) {
    const CliResult r = parse({"--lang", "zh_CN", "--screenshot", "shot.png", "--clients", "4"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.lang, "zh_CN");
    EXPECT_EQ(r.options.screenshotPath, "shot.png");
    EXPECT_EQ(r.options.clients, 4);
    EXPECT_FALSE(r.options.presentation);
    EXPECT_TRUE(r.options.views.empty());
}

TEST(CliOptions, PresentationAndViews) {
    const CliResult r = parse({"--presentation", "--view", "fd-sets", "--view", "cost"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_TRUE(r.options.presentation);
    EXPECT_EQ(r.options.views, (std::vector<std::string>{"fd-sets", "cost"}));
    EXPECT_NE(parse({"--help"}).out.find("--view <name>"), std::string::npos);
}

TEST(CliOptions, ScreenshotSize) {
    CliResult r = parse({"--screenshot", "shot.png", "--size", "1280x720"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.windowWidth, 1280);
    EXPECT_EQ(r.options.windowHeight, 720);
    r = parse({"--screenshot", "shot.png", "--size=1366X768"});
    ASSERT_EQ(r.action, CliAction::Run) << r.err;
    EXPECT_EQ(r.options.windowWidth, 1366);
    EXPECT_EQ(r.options.windowHeight, 768);
    r = parse({"--screenshot", "shot.png"});
    EXPECT_EQ(r.options.windowWidth, 0);  // the screenshot's own default
    EXPECT_EQ(r.options.windowHeight, 0);
    EXPECT_NE(parse({"--help"}).out.find("--size <WxH>"), std::string::npos);
}

TEST(CliOptions, InformationalOptions) {
    CliResult r = parse({"--help"});
    EXPECT_EQ(r.action, CliAction::Exit);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.rfind("Usage: selectscope [options]\n", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("--listen <spec>"), std::string::npos);
    r = parse({"--version"});
    EXPECT_EQ(r.out, std::string("selectscope ") + selectscopeVersion() + "\n");
    r = parse({"--list-backends"});
    EXPECT_EQ(r.exitCode, 0);
    for (ss::BackendKind k : ss::availableBackends())
        EXPECT_NE(r.out.find(std::string(ss::backendName(k)) + " "), std::string::npos);
    EXPECT_EQ(r.out.rfind(std::string(ss::backendName(ss::bestBackend())), 0), 0u);
    EXPECT_NE(r.out.find(" auto "), std::string::npos);
    r = parse({"--list-presets"});
    for (const ss::Preset& p : ss::builtinPresets())
        EXPECT_NE(r.out.find(p.name + " "), std::string::npos) << p.name;
    EXPECT_NE(r.out.find("127.0.0.1:8000/tcp,backlog=5=echo"), std::string::npos);
}

TEST(CliOptions, ConsoleOnlyOptionsNeedNoDisplay) {
    EXPECT_TRUE(wantsGui({"selectscope", "--preset", "echo"}));
    EXPECT_FALSE(wantsGui({"selectscope", "--headless"}));
    EXPECT_FALSE(wantsGui({"selectscope", "--list-presets"}));
    EXPECT_FALSE(wantsGui({"selectscope", "--compare-models"}));
    EXPECT_TRUE(parse({"--compare-models"}).options.headless);
    EXPECT_FALSE(wantsGui({"selectscope", "-h"}));
    // Qt's own GUI options are left for QApplication to remove, then parsed again.
    const CliResult r = parse({"-platform", "offscreen"});
    EXPECT_EQ(r.exitCode, kExitUsage);
    EXPECT_TRUE(r.retryAfterGuiInit);
    EXPECT_FALSE(parse({"--headless", "-platform", "offscreen"}).retryAfterGuiInit);
}

struct ErrorCase {
    std::vector<const char*> args;
    std::string message;
};

// --run takes everything after -- as the program, its own options included.
TEST(CliOptions, RunAndAttach) {
    const CliResult run = parse({"--headless", "--run", "--on-stop", "interrupt", "--", "python3",
                                 "-u", "server.py", "--port", "9000"});
    ASSERT_EQ(run.action, CliAction::Run) << run.err;
    EXPECT_EQ(run.options.runCommand,
              (std::vector<std::string>{"python3", "-u", "server.py", "--port", "9000"}));
    EXPECT_EQ(run.options.onStop, "interrupt");
    EXPECT_TRUE(run.options.tracesProgram());
    const CliResult attach = parse({"--headless", "--attach", "4321", "--trace", "calls"});
    ASSERT_EQ(attach.action, CliAction::Run) << attach.err;
    EXPECT_EQ(attach.options.attachPid, 4321);
    EXPECT_TRUE(attach.options.runCommand.empty());
    EXPECT_FALSE(attach.options.engine.trace.events);
}

TEST(CliOptions, EveryErrorIsOneLineAndExitCodeTwo) {
    const std::string avail = availableList();
    const std::vector<ErrorCase> cases = {
        {{"--backend", "foo"}, "unknown backend 'foo' (available: " + avail + ")"},
        {{"--backend", missingBackend()},
         "backend '" + std::string(missingBackend()) +
             "' is not available in this build (available: " + avail + ")"},
        {{"--bogus"}, "unknown option '--bogus' (see --help)"},
        {{"--port"}, "missing value after '--port'"},
        {{"stray"}, "unexpected argument 'stray' (see --help)"},
        {{"--preset", "nope"}, "unknown preset 'nope' (see --list-presets)"},
        {{"--port", "70000"}, "invalid value '70000' for --port (expected an integer 0..65535)"},
        {{"--port", "1", "--ports", "2"}, "use either --port or --ports, not both"},
        {{"--preset", "welcome", "--ports", "1,2"},
         "preset welcome has 3 listener(s), got 2 port(s)"},
        {{"--listen", "9000", "--port", "1"},
         "--port and --ports move a preset's listeners; give the port inside --listen"},
        {{"--listen", "9000=nope"},
         "invalid --listen '9000=nope': unknown behaviour 'nope' (known: echo, upper, "
         "suffix:TEXT, greet:TEXT, welcome:TEXT, chat, discard, framed-file, http)"},
        {{"--listen", "0.0.0.0:80"},
         "listening on 0.0.0.0:80 needs --allow-remote (the default is loopback only)"},
        {{"--timeout-ms", "-2"},
         "invalid value '-2' for --timeout-ms (expected an integer -1..86400000)"},
        {{"--timeout-ms", "1s"},
         "invalid value '1s' for --timeout-ms (expected an integer -1..86400000)"},
        {{"--trace", "some"},
         "invalid value 'some' for --trace (expected calls, events, all or none)"},
        {{"--max-queue", "0"},
         "invalid value '0' for --max-queue (expected bytes, e.g. 65536, 64K, 1M)"},
        {{"--max-queue", "12G"},
         "invalid value '12G' for --max-queue (expected bytes, e.g. 65536, 64K, 1M)"},
        {{"--duration", "0"}, "invalid value '0' for --duration (expected seconds > 0, e.g. 2.5)"},
        {{"--duration", "inf"},
         "invalid value 'inf' for --duration (expected seconds > 0, e.g. 2.5)"},
        {{"--slow-motion", "-5"},
         "invalid value '-5' for --slow-motion (expected an integer 0..60000)"},
        {{"--clients", "x"}, "invalid value 'x' for --clients (expected an integer 0..100000)"},
        {{"--screenshot", "s.png", "--size", "12x"},
         "invalid value '12x' for --size (expected WxH, each 1..16384 pixels, e.g. 1280x720)"},
        {{"--screenshot", "s.png", "--size", "0x720"},
         "invalid value '0x720' for --size (expected WxH, each 1..16384 pixels, e.g. 1280x720)"},
        {{"--screenshot", "s.png", "--size", "abc"},
         "invalid value 'abc' for --size (expected WxH, each 1..16384 pixels, e.g. 1280x720)"},
        {{"--screenshot", "s.png", "--size", "1280x720x2"},
         "invalid value '1280x720x2' for --size (expected WxH, each 1..16384 pixels, e.g. "
         "1280x720)"},
        {{"--size", "1280x720"},
         "--size sets the window size of --screenshot; give --screenshot FILE too"},
        {{"--view", "sets"},
         "unknown view 'sets' (descriptors, fd-sets, timeline, events, plots, cost, models)"},
        {{"--epoll-mode", "edge"}, "unknown epoll mode 'edge' (known: lt, et, et-drain)"},
        {{"--epoll-mode", "et", "--backend", "select"},
         "epoll mode et needs the epoll backend, not select (add --backend epoll)"},
        {{"--preset", "rw-split", "--epoll-mode", "et-drain"},
         "epoll mode et-drain needs the epoll backend, not select (add --backend epoll)"},
        {{"--serve-dir", "/nonexistent/selectscope"},
         "--serve-dir '/nonexistent/selectscope' is not a directory"},
        {{"--open", "lesson.jsonl", "--compare-models"},
         "--open reads a recording; --compare-models runs servers: give one of them"},
        {{"--headless", "--open", "lesson.jsonl", "--preset", "echo"},
         "--open reads a recording and starts no server: leave out --preset and --listen"},
        {{"--run"}, "--run needs the program after --, e.g. --run -- python3 server.py"},
        {{"--attach", "0"}, "invalid value '0' for --attach (expected an integer 1..2147483647)"},
        {{"--run", "--attach", "5", "--", "x"}, "give either --run or --attach, not both"},
        {{"--run", "--on-stop", "later", "--", "x"},
         "unknown --on-stop 'later' (interrupt, terminate or kill)"},
        {{"--attach", "5", "--on-stop", "kill"},
         "--on-stop says how a --run program ends; an --attach process runs on untouched"},
        {{"--attach", "5", "--preset", "echo"},
         "--run and --attach trace a program instead of running a server: leave out --preset, "
         "--listen, --open, --lesson and --compare-models"},
    };
    for (const ErrorCase& c : cases) {
        const CliResult r = parse(c.args);
        EXPECT_EQ(r.action, CliAction::Exit) << c.message;
        EXPECT_EQ(r.exitCode, kExitUsage) << c.message;
        EXPECT_EQ(r.err, "selectscope: error: " + c.message + "\n");
        EXPECT_TRUE(r.out.empty());
    }
}

// An edge-triggered epoll says so after the backend; lt lines stay as they were (above).
TEST(HeadlessLines, EpollModeAfterTheBackend) {
    ss::EngineConfig config;
    config.backend = ss::BackendKind::Epoll;
    config.epollMode = ss::EpollMode::Edge;
    config.timeoutMs = 1000;
    config.trace = ss::TraceMode{true, true};
    EXPECT_EQ(record_line::startLine(config, "0.1.0"),
              R"({"type":"start","backend":"epoll","epoll_mode":"et","listeners":[],)"
              R"("timeout_ms":1000,"trace":"all","version":"0.1.0"})"
              "\n");
    ss::EngineStats stats;
    stats.backend = ss::BackendKind::Epoll;
    stats.epollMode = ss::EpollMode::EdgeDrain;
    EXPECT_EQ(record_line::summaryLine(stats, 0).rfind(
                  R"({"type":"summary","backend":"epoll","epoll_mode":"et-drain",)", 0),
              0u);
    config.epollMode = ss::EpollMode::Level;
    EXPECT_EQ(record_line::startLine(config, "0.1.0").find("epoll_mode"), std::string::npos);
}

TEST(HeadlessLines, StartAndSummaryLines) {
    ss::EngineConfig config;
    config.backend = ss::BackendKind::Poll;
    config.listeners.emplace_back();
    config.listeners.back().endpoint.port = 8000;
    config.trace = ss::TraceMode{true, false};
    ss::EngineStats stats;
    stats.backend = ss::BackendKind::Poll;
    stats.waitCalls = 3;
    stats.uptimeSeconds = 1.5;
    stats.timeoutMs = 1000;
    stats.socketCalls = 7;
    stats.peakServerThreads = 1;
    stats.cpuSeconds = 0.0125;
    EXPECT_EQ(record_line::startLine(config, "0.1.0") + record_line::summaryLine(stats, 9),
              R"({"type":"start","backend":"poll","listeners":["127.0.0.1:8000/tcp=echo"],)"
              R"("timeout_ms":1000,"trace":"calls","version":"0.1.0"})"
              "\n"
              R"({"type":"summary","backend":"poll","wait_calls":3,"interrupted_calls":0,)"
              R"("accepted":0,"refused":0,"closed":0,"open_connections":0,)"
              R"("watched_descriptors":0,"bytes_in":0,"bytes_out":0,"datagrams_in":0,)"
              R"("datagrams_out":0,"errors":0,"urgent_bytes":0,"trace_records":0,)"
              R"("socket_calls":7,"uptime_seconds":1.5,"paused":false,"slow_motion_ms":0,)"
              R"("timeout_ms":1000,"dropped_trace_records":9,"peak_server_threads":1,)"
              R"("cpu_seconds":0.0125})"
              "\n");
}

// --compare-models: a model whose third client was never answered says why, and its wait is
// null rather than a number.
TEST(HeadlessLines, ModelComparisonLine) {
    ss::ModelRun run;
    run.preset = "io-blocking";
    run.model = ss::IoModel::Blocking;
    run.clients.clients[0].served = true;
    run.clients.clients[0].servedWhileSlowHeld = true;
    run.clients.clients[0].waitMs = 0.0451;
    run.clients.clients[1].served = true;
    run.clients.clients[1].waitMs = 1000.6374;
    run.clients.clients[2].error = "no reply in time";
    run.seconds = 6.0021;
    run.cpuPercent = 0.04;
    run.threads = 1;
    run.calls = 14;
    run.callsPerSecond = 2.33;
    EXPECT_EQ(modelComparisonLine(run, 1000),
              R"({"type":"model","preset":"io-blocking","model":"blocking","slow_hold_ms":1000,)"
              R"("clients_served":2,"served_while_slow_held":1,"second_client_wait_ms":1000.637,)"
              R"("wait_ms":[0.045,1000.637,null],"cpu_percent":0,"threads":1,"calls":14,)"
              R"("calls_per_second":2,"seconds":6.002,"errors":[null,null,"no reply in time"]})"
              "\n");
    run.error = "Address already in use";
    EXPECT_EQ(modelComparisonLine(run, 1000),
              R"({"type":"model","preset":"io-blocking","model":"blocking","slow_hold_ms":1000,)"
              R"("error":"Address already in use"})"
              "\n");
}

// A real JSON parser (Python's) accepts both lines: strictly, one object per line.
TEST(HeadlessLines, PythonParsesStartAndSummary) {
    const char* script = R"(import json, sys
for line in sys.stdin.buffer:
    text = line.decode("utf-8")
    assert text.endswith("\n") and "\n" not in text[:-1]
    obj = json.loads(text, parse_constant=lambda c: 1 / 0)
    assert isinstance(obj, dict)
    print(json.dumps(obj, sort_keys=True, ensure_ascii=True))
)";
    QProcess python;
    python.start("python3", {"-c", QString::fromUtf8(script)});
    if (!python.waitForStarted(10000))
        GTEST_SKIP() << "python3 not available";
    const std::string lines = record_line::startLine(ss::EngineConfig{}, "0.1.0") +
                              record_line::summaryLine(ss::EngineStats{}, 0);
    python.write(lines.data(), static_cast<qint64>(lines.size()));
    python.closeWriteChannel();
    ASSERT_TRUE(python.waitForFinished(30000));
    const QByteArray out = python.readAllStandardOutput();
    EXPECT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
    EXPECT_EQ(out.count('\n'), 2) << out.toStdString();
}
