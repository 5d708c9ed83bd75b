// SPDX-License-Identifier: GPL-3.0-or-later
// What /proc says about a process or thread, for the tracer's events and errors.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace ss::tracer {

// The thread group of a thread (Tgid), or 0 when it is gone.
pid_t threadGroupOf(pid_t tid);
// The process's command line, arguments separated by spaces ("python3 server.py").
std::string commandLineOf(pid_t pid);
// The program's file (/proc/PID/exe).
std::string executableOf(pid_t pid);
// The threads of a process (/proc/PID/task).
std::vector<pid_t> threadsOf(pid_t pid);
// Why PTRACE_SEIZE of `pid` failed with `err`, and what the user can do about it.
std::string attachError(pid_t pid, int err);

}  // namespace ss::tracer
