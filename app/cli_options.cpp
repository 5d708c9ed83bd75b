// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli_options.h"

#include <QCommandLineParser>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "app/cli_values.h"
#include "core/server/presets.h"
#include "core/trace/engine_text.h"
#include "core/tracer/trace_target.h"

#ifndef SELECTSCOPE_VERSION
#define SELECTSCOPE_VERSION "0.1.0"
#endif

namespace {

using cli::fail;
using cli::parseBackendOption;
using cli::parseByteSize;
using cli::parseDirectory;
using cli::parseEpollModeOption;
using cli::parseInteger;
using cli::parsePorts;
using cli::parseSeconds;
using cli::parseTrace;
using cli::parseWindowSize;
using cli::str;
using cli::UsageError;

struct Parser {
    QCommandLineParser qt;
    QCommandLineOption headless{"headless", "Run without a window and print JSON lines."};
    QCommandLineOption preset{"preset", "Start a built-in preset (see --list-presets).", "name"};
    QCommandLineOption port{"port", "Move the preset's listeners to consecutive ports from P.",
                            "P"};
    QCommandLineOption ports{"ports", "Move the preset's listeners to these ports, in order.",
                             "A,B,C"};
    QCommandLineOption asWritten{
        "as-written",
        "Run the preset as its tutorial's code behaves, flaws included (see --list-presets)."};
    QCommandLineOption listen{
        "listen", "Add a listener: [HOST:]PORT[/udp][,opts][=BEHAVIOUR]. Repeatable.", "spec"};
    QCommandLineOption backend{"backend", "select, poll, epoll, kqueue, wsapoll or auto.", "name"};
    QCommandLineOption epollMode{"epoll-mode",
                                 "epoll only: lt (level-triggered), et (EPOLLET, one read per "
                                 "report) or et-drain (EPOLLET, read until EAGAIN).",
                                 "mode", "lt"};
    QCommandLineOption timeout{"timeout-ms", "Timeout of each wait call; -1 blocks.", "N"};
    QCommandLineOption serveDir{"serve-dir", "The only folder framed-file serves from.", "dir"};
    QCommandLineOption maxQueue{"max-queue", "Per-connection output queue bound (K/M suffix).",
                                "bytes"};
    QCommandLineOption trace{"trace", "What to record: calls, events, all or none.", "what", "all"};
    QCommandLineOption duration{"duration", "Stop after S seconds (headless).", "S"};
    QCommandLineOption allowRemote{"allow-remote", "Allow listening on non-loopback addresses."};
    QCommandLineOption paused{"paused", "Start with the loop paused."};
    QCommandLineOption slowMotion{"slow-motion", "Pause MS milliseconds after each wait call.",
                                  "MS"};
    QCommandLineOption listBackends{"list-backends", "List the backends of this build."};
    QCommandLineOption listPresets{"list-presets", "List the built-in presets."};
    QCommandLineOption open{"open",
                            "Read a recording (JSON Lines written by --headless) instead of "
                            "running a server; with --headless, print its records again.",
                            "file"};
    QCommandLineOption compareModels{
        "compare-models",
        "Run three scripted clients, one slow, against each IO model in turn and print one JSON "
        "line per model."};
    QCommandLineOption listLessons{"list-lessons", "List the lessons: id and title."};
    QCommandLineOption lesson{"lesson", "Open a lesson in the window (see --list-lessons).", "id"};
    QCommandLineOption autoplay{"autoplay",
                                "With --lesson: run every step and wait for its check; exit 0 "
                                "only if every check held."};
    QCommandLineOption lessonsDir{"lessons-dir", "Read lessons from this folder too.", "dir"};
    QCommandLineOption run{"run", "Trace a program instead: --run [options] -- PROGRAM [ARGS]."};
    QCommandLineOption attach{"attach", "Trace the running process PID instead.", "PID"};
    QCommandLineOption onStop{"on-stop",
                              "How a --run program ends with the trace: interrupt, terminate "
                              "or kill.",
                              "how", "terminate"};
    QCommandLineOption lang{"lang", "User interface language (GUI).", "code"};
    QCommandLineOption screenshot{"screenshot", "Save a screenshot of the window (GUI).", "file"};
    QCommandLineOption clients{"clients", "Start N built-in clients (GUI).", "N"};
    QCommandLineOption size{"size",
                            "Window size for --screenshot in pixels, e.g. 1280x720 (default "
                            "1920x1080).",
                            "WxH"};
    QCommandLineOption presentation{
        "presentation", "Open in presentation mode (F5): large type, only a lesson's docks (GUI)."};
    QCommandLineOption view{"view",
                            "Bring a view to the front (GUI): descriptors, fd-sets, timeline, "
                            "events, plots, cost or models. May be repeated.",
                            "name"};
    QCommandLineOption help{QStringList{"h", "help"}, "Show this help."};
    QCommandLineOption version{QStringList{"v", "version"}, "Show the version."};

    Parser() {
        qt.setApplicationDescription("SelectScope: an oscilloscope for I/O multiplexing.");
        qt.addOptions({headless,      preset,      asWritten, port,       ports,        listen,
                       backend,       epollMode,   timeout,   serveDir,   maxQueue,     trace,
                       duration,      allowRemote, paused,    slowMotion, listBackends, listPresets,
                       lang,          screenshot,  clients,   size,       presentation, view,
                       compareModels, open,        help,      version,    listLessons,  lesson,
                       autoplay,      lessonsDir,  run,       attach,     onStop});
    }
};

// The named preset, its listeners moved by --port or --ports when given.
ss::Preset loadPreset(const Parser& p, const std::string& name) {
    const ss::Preset* found = ss::findPreset(name);
    if (!found)
        fail("unknown preset '" + name + "' (see --list-presets)");
    ss::Preset preset = *found;
    std::vector<uint16_t> ports;
    if (p.qt.isSet(p.port))
        ports = parsePorts({p.qt.value(p.port)}, "port");
    if (p.qt.isSet(p.ports))
        ports = parsePorts(p.qt.value(p.ports).split(','), "ports");
    std::string error;
    if (!ports.empty() && !ss::movePresetPorts(preset, ports, &error))
        fail(error);
    return preset;
}

// The preset's listeners, then every --listen, in order. Without either, the echo preset.
void buildListeners(const Parser& p, CliOptions& o) {
    const bool moved = p.qt.isSet(p.port) || p.qt.isSet(p.ports);
    if (p.qt.isSet(p.port) && p.qt.isSet(p.ports))
        fail("use either --port or --ports, not both");
    const QStringList listens = p.qt.values(p.listen);
    o.presetName = str(p.qt.value(p.preset));
    if (o.presetName.empty() && listens.isEmpty())
        o.presetName = "echo";
    if (o.presetName.empty() && moved)
        fail("--port and --ports move a preset's listeners; give the port inside --listen");
    o.asWritten = p.qt.isSet(p.asWritten);
    if (o.asWritten && !p.qt.isSet(p.preset))
        fail("--as-written applies to a preset: give --preset NAME");
    if (!o.presetName.empty()) {
        ss::Preset preset = loadPreset(p, o.presetName);
        if (o.asWritten && !ss::applyAsWritten(preset))
            fail("preset " + o.presetName +
                 " behaves as its tutorial's code does already; --as-written changes nothing");
        o.engine.listeners = preset.listeners;
        o.engine.timeoutMs = preset.timeoutMs;
        o.engine.backend = preset.backend;  // --backend, read after, overrides it
        o.engine.model = preset.model;
    }
    for (const QString& text : listens) {
        std::string error;
        const std::optional<ss::ListenerSpec> spec = ss::parseListenSpec(str(text), &error);
        if (!spec)
            fail("invalid --listen '" + str(text) + "': " + error);
        o.engine.listeners.push_back(*spec);
    }
}

// Loopback by default: other addresses need --allow-remote, and then earn a warning.
void checkRemote(CliOptions& o) {
    for (const ss::ListenerSpec& l : o.engine.listeners) {
        if (ss::isLoopbackHost(l.endpoint.host))
            continue;
        const std::string addr = ss::formatEndpoint(l.endpoint);
        if (!o.engine.allowRemote)
            fail("listening on " + addr + " needs --allow-remote (the default is loopback only)");
        o.warnings.push_back("selectscope: warning: listening on " + addr +
                             " exposes the server beyond this machine");
    }
}

// After --backend (or the preset's backend): EPOLLET exists only on epoll.
void readEpollMode(const Parser& p, ss::EngineConfig& e) {
    e.epollMode = parseEpollModeOption(str(p.qt.value(p.epollMode)));
    if (e.epollMode == ss::EpollMode::Level || e.backend == ss::BackendKind::Epoll)
        return;
    fail(ss::engineText(ss::TextId::EpollModeNeedsEpoll,
                        {ss::epollModeName(e.epollMode), ss::backendName(e.backend)}) +
         " (add --backend epoll)");
}

void readEngineOptions(const Parser& p, CliOptions& o) {
    ss::EngineConfig& e = o.engine;
    if (p.qt.isSet(p.backend))
        e.backend = parseBackendOption(str(p.qt.value(p.backend)));
    readEpollMode(p, e);
    if (p.qt.isSet(p.timeout))
        e.timeoutMs = int(parseInteger(p.qt.value(p.timeout), "timeout-ms", -1, 86400000));
    if (p.qt.isSet(p.serveDir))
        e.serveDir = parseDirectory(p.qt.value(p.serveDir));
    if (p.qt.isSet(p.maxQueue))
        e.maxQueueBytes = parseByteSize(p.qt.value(p.maxQueue));
    o.traceName = str(p.qt.value(p.trace));
    e.trace = parseTrace(o.traceName);
    e.allowRemote = p.qt.isSet(p.allowRemote);
    e.startPaused = p.qt.isSet(p.paused);
    if (p.qt.isSet(p.slowMotion))
        e.slowMotionMs = int(parseInteger(p.qt.value(p.slowMotion), "slow-motion", 0, 60000));
}

// --lesson opens the window on a lesson, which starts its own servers; --autoplay plays it.
void readLessonOptions(const Parser& p, CliOptions& o) {
    o.listLessons = p.qt.isSet(p.listLessons);
    o.lessonId = str(p.qt.value(p.lesson));
    o.autoplay = p.qt.isSet(p.autoplay);
    for (const QString& dir : p.qt.values(p.lessonsDir))
        o.lessonDirs.push_back(str(dir));
    if (o.autoplay && o.lessonId.empty())
        fail("--autoplay plays a lesson: give --lesson ID too");
    if (!o.lessonId.empty() &&
        (o.headless || !o.openPath.empty() || p.qt.isSet(p.preset) || p.qt.isSet(p.listen)))
        fail(
            "--lesson opens the window and starts the lesson's own servers: leave out "
            "--headless, --open, --preset and --listen");
    if (p.qt.isSet(p.port))
        o.lessonPorts = parsePorts({p.qt.value(p.port)}, "port");
    if (p.qt.isSet(p.ports))
        o.lessonPorts = parsePorts(p.qt.value(p.ports).split(','), "ports");
}

void readOtherOptions(const Parser& p, CliOptions& o) {
    o.headless = p.qt.isSet(p.headless);
    o.compareModels = p.qt.isSet(p.compareModels);
    o.openPath = str(p.qt.value(p.open));
    if (!o.openPath.empty() && o.compareModels)
        fail("--open reads a recording; --compare-models runs servers: give one of them");
    if (!o.openPath.empty() && (p.qt.isSet(p.preset) || p.qt.isSet(p.listen)))
        fail("--open reads a recording and starts no server: leave out --preset and --listen");
    o.headless = o.headless || o.compareModels;
    if (p.qt.isSet(p.duration))
        o.durationSeconds = parseSeconds(p.qt.value(p.duration));
    o.lang = str(p.qt.value(p.lang));
    o.screenshotPath = str(p.qt.value(p.screenshot));
    if (p.qt.isSet(p.clients))
        o.clients = int(parseInteger(p.qt.value(p.clients), "clients", 0, 100000));
    o.presentation = p.qt.isSet(p.presentation);
    readLessonOptions(p, o);
    for (const QString& name : p.qt.values(p.view)) {
        if (!viewNames().contains(name))
            fail("unknown view '" + str(name) + "' (" + str(viewNames().join(", ")) + ")");
        o.views.push_back(str(name));
    }
}

// --run -- PROGRAM [ARGS] or --attach PID: a program traced from outside instead of a server.
void readTraceOptions(const Parser& p, CliOptions& o) {
    const QStringList program = p.qt.positionalArguments();
    if (p.qt.isSet(p.run)) {
        if (program.isEmpty())
            fail("--run needs the program after --, e.g. --run -- python3 server.py");
        for (const QString& a : program)
            o.runCommand.push_back(str(a));
    } else if (!program.isEmpty()) {
        fail("unexpected argument '" + str(program.first()) + "' (see --help)");
    }
    if (p.qt.isSet(p.attach))
        o.attachPid = int(parseInteger(p.qt.value(p.attach), "attach", 1, INT32_MAX));
    if (!o.runCommand.empty() && o.attachPid > 0)
        fail("give either --run or --attach, not both");
    o.onStop = str(p.qt.value(p.onStop));
    ss::tracer::EndAction end{};
    if (!ss::tracer::parseEndAction(o.onStop, &end))
        fail("unknown --on-stop '" + o.onStop + "' (interrupt, terminate or kill)");
    if (p.qt.isSet(p.onStop) && o.runCommand.empty())
        fail("--on-stop says how a --run program ends; an --attach process runs on untouched");
    if (!o.tracesProgram())
        return;
    if (p.qt.isSet(p.preset) || p.qt.isSet(p.listen) || !o.openPath.empty() ||
        !o.lessonId.empty() || o.compareModels)
        fail(
            "--run and --attach trace a program instead of running a server: leave out "
            "--preset, --listen, --open, --lesson and --compare-models");
}

// --size sizes the window that --screenshot grabs; on its own it would do nothing.
void readWindowSize(const Parser& p, CliOptions& o) {
    if (!p.qt.isSet(p.size))
        return;
    if (o.screenshotPath.empty())
        fail("--size sets the window size of --screenshot; give --screenshot FILE too");
    const cli::WindowSize size = parseWindowSize(p.qt.value(p.size));
    o.windowWidth = size.width;
    o.windowHeight = size.height;
}

std::string formatBackendList() {
    std::string out;
    char line[64];
    for (ss::BackendKind k : ss::availableBackends()) {
        const bool isAuto = k == ss::bestBackend();
        std::snprintf(line, sizeof line, "%-8s %-5s ", std::string(ss::backendName(k)).c_str(),
                      isAuto ? "auto" : "");
        out += line + std::string(ss::backendSummary(k)) + "\n";
    }
    return out;
}

std::string formatPresetList() {
    std::string out;
    for (const ss::Preset& preset : ss::builtinPresets()) {
        std::string name = preset.name;
        name.resize(std::max<size_t>(name.size(), 13), ' ');
        out += name + ' ';
        for (const ss::ListenerSpec& l : preset.listeners)
            out += ss::formatListenSpec(l) + ' ';
        out += ' ' + preset.summary + '\n';
        for (const ss::PresetFlaw& flaw : preset.flaws)
            out += "    --as-written: " + flaw.what + '\n';
    }
    return out;
}

// QCommandLineParser's own messages ("Unknown option 'x'.") rephrased in the house style.
std::string parserError(const QCommandLineParser& qt) {
    const QStringList unknown = qt.unknownOptionNames();
    if (!unknown.isEmpty()) {
        const QString& name = unknown.first();
        return "unknown option '" + std::string(name.size() == 1 ? "-" : "--") + str(name) +
               "' (see --help)";
    }
    std::string text = str(qt.errorText());
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    if (!text.empty())
        text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// Qt names the program "<executable_name>" until a QCoreApplication exists, and the path of
// argv[0] after: neither reads well, so the usage line is ours.
std::string helpText(const QCommandLineParser& qt) {
    const std::string text = str(qt.helpText());
    const size_t firstLineEnd = text.find('\n');
    return "Usage: selectscope [options]" +
           (firstLineEnd == std::string::npos ? "\n" : text.substr(firstLineEnd));
}

bool looksLikeQtOption(const QStringList& arguments) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a.size() > 2 && a[0] == '-' && a[1] != '-')
            return true;
    }
    return false;
}

CliResult exitWith(int code, std::string out, std::string err) {
    CliResult r;
    r.action = CliAction::Exit;
    r.exitCode = code;
    r.out = std::move(out);
    r.err = std::move(err);
    return r;
}

}  // namespace

QStringList viewNames() {
    return {"descriptors", "fd-sets", "timeline", "events", "plots", "cost", "models"};
}

ss::tracer::TraceTarget traceTargetOf(const CliOptions& options) {
    ss::tracer::TraceTarget target;
    target.argv = options.runCommand;
    target.attachPid = options.attachPid;
    ss::tracer::parseEndAction(options.onStop, &target.end);
    return target;
}

const char* selectscopeVersion() {
    return SELECTSCOPE_VERSION;
}

QStringList argumentsFromArgv(int argc, char* argv[]) {
    QStringList out;
    for (int i = 0; i < argc; ++i)
        out << QString::fromLocal8Bit(argv[i]);
    return out;
}

bool wantsGui(const QStringList& arguments) {
    static const QStringList kConsoleOnly = {"--headless",
                                             "--compare-models",
                                             "--list-backends",
                                             "--list-presets",
                                             "--list-lessons",
                                             "--help",
                                             "-h",
                                             "--version",
                                             "-v",
                                             "--help-all",
                                             "-?"};
    for (qsizetype i = 1; i < arguments.size() && arguments[i] != "--"; ++i)
        if (kConsoleOnly.contains(arguments[i]))
            return false;
    return true;
}

CliResult parseCommandLine(const QStringList& arguments) {
    Parser p;
    if (!p.qt.parse(arguments)) {
        CliResult r = exitWith(kExitUsage, {}, "selectscope: error: " + parserError(p.qt) + "\n");
        r.retryAfterGuiInit = wantsGui(arguments) && looksLikeQtOption(arguments);
        return r;
    }
    if (p.qt.isSet(p.help))
        return exitWith(0, helpText(p.qt), {});
    if (p.qt.isSet(p.version))
        return exitWith(0, std::string("selectscope ") + selectscopeVersion() + "\n", {});
    if (p.qt.isSet(p.listBackends))
        return exitWith(0, formatBackendList(), {});
    if (p.qt.isSet(p.listPresets))
        return exitWith(0, formatPresetList(), {});
    CliResult r;
    try {
        readOtherOptions(p, r.options);
        readTraceOptions(p, r.options);
        readWindowSize(p, r.options);
        buildListeners(p, r.options);
        readEngineOptions(p, r.options);  // after the preset, so --timeout-ms overrides it
        checkRemote(r.options);
    } catch (const UsageError& e) {
        return exitWith(kExitUsage, {}, "selectscope: error: " + e.message + "\n");
    }
    return r;
}
