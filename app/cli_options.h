// SPDX-License-Identifier: GPL-3.0-or-later
// The command line, parsed into plain values. Parsing is a pure function of the argument list
// (it prints nothing and never exits), so main() stays tiny and the tests can check every error
// message and exit code without spawning a process.
#pragma once

#include <QStringList>

#include <string>
#include <vector>

#include "core/server/engine_config.h"
#include "core/tracer/trace_target.h"

// Everything the GUI or the headless runner needs to start.
struct CliOptions {
    bool headless = false;
    // --compare-models: the IO-models comparison, one JSON line per model, then exit.
    bool compareModels = false;
    // --open FILE: a recording to read instead of running a server (--headless only, so far).
    std::string openPath;
    std::string presetName;  // empty when only --listen was given
    bool asWritten = false;  // the preset's listeners behave as the tutorial's code, flaws included
    ss::EngineConfig engine;  // listeners, backend, timeout, trace mode, limits, teaching controls
    std::string traceName = "all";  // calls, events, all or none, as typed
    double durationSeconds = 0;     // 0: run until SIGINT or SIGTERM
    // Reserved for the GUI: stored now so that scripts written today keep working.
    std::string lang;
    std::string screenshotPath;
    int clients = 0;
    // --size for --screenshot; 0 x 0 when not given (the screenshot's own default).
    int windowWidth = 0;
    int windowHeight = 0;
    bool presentation = false;       // open in presentation mode (F5)
    std::vector<std::string> views;  // --view: brought to the front, in order
    // Lessons: --list-lessons, --lesson ID [--autoplay], --lessons-dir DIR (repeatable); a
    // lesson's presets move to --port/--ports when given.
    bool listLessons = false;
    std::string lessonId;
    bool autoplay = false;
    std::vector<std::string> lessonDirs;
    std::vector<uint16_t> lessonPorts;
    // Tracing a program instead of running a server (Linux): --run -- PROGRAM [ARGS] starts
    // one, --attach PID attaches to one; --on-stop says how a started one ends.
    std::vector<std::string> runCommand;
    int attachPid = 0;
    std::string onStop = "terminate";
    bool tracesProgram() const { return !runCommand.empty() || attachPid > 0; }
    // Lines for stderr before starting (e.g. the --allow-remote exposure warning).
    std::vector<std::string> warnings;
};

enum class CliAction {
    Run,   // start the GUI or the headless runner with `options`
    Exit,  // print `out` to stdout and `err` to stderr, then exit with `exitCode`
};

struct CliResult {
    CliAction action = CliAction::Run;
    int exitCode = 0;
    std::string out;
    std::string err;  // one line ending in '\n', "selectscope: error: ..."
    // True when parsing failed on what may be one of Qt's own GUI options ("-platform"), which
    // QApplication removes from the argument list: parse its arguments() again.
    bool retryAfterGuiInit = false;
    CliOptions options;
};

constexpr int kExitUsage = 2;

const char* selectscopeVersion();

// What --view accepts: the views MainWindow::showView() brings to the front.
QStringList viewNames();

// --run, --attach and --on-stop as the tracer takes them.
ss::tracer::TraceTarget traceTargetOf(const CliOptions& options);

// arguments[0] is the program name, as in QCoreApplication::arguments().
CliResult parseCommandLine(const QStringList& arguments);

// The raw argv as a QStringList, for parsing before a Q(Core)Application exists.
QStringList argumentsFromArgv(int argc, char* argv[]);

// True unless the command line asks for --headless, a listing, --help or --version: those need
// only a QCoreApplication, and so run without a display.
bool wantsGui(const QStringList& arguments);
