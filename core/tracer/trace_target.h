// SPDX-License-Identifier: GPL-3.0-or-later
// What to trace: a program to start (--run) or a running process to attach to (--attach), and
// what becomes of a started program when the trace stops.
#pragma once

#include <string>
#include <vector>

namespace ss::tracer {

// How a program started under the tracer is ended when the trace stops. It cannot be left
// running untraced: its seccomp filter stays with it, and without a tracer every call the
// filter stops would fail with ENOSYS (traced_syscalls.h).
enum class EndAction {
    Interrupt,  // SIGINT, as Ctrl+C in its terminal: Python raises KeyboardInterrupt
    Terminate,  // SIGTERM
    Kill,       // SIGKILL
};
// "interrupt", "terminate", "kill".
const char* endActionName(EndAction action);
bool parseEndAction(const std::string& name, EndAction* action);

struct TraceTarget {
    std::vector<std::string> argv;  // --run: the program and its arguments (PATH is searched)
    std::string workingDir;         // --run: where it starts; empty for ours
    int attachPid = 0;              // --attach: the process (all its threads)
    EndAction end = EndAction::Terminate;
    // --headless: the program's standard output goes where SelectScope's standard error goes,
    // so that the JSON lines on standard output stay JSON lines.
    bool stdoutToStderr = false;
    // How long a started program has to end after the signal before it is killed.
    int endGraceMs = 3000;
};

}  // namespace ss::tracer
