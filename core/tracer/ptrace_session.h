// SPDX-License-Identifier: GPL-3.0-or-later
// The ptrace side of tracing a program: starting it under a seccomp-bpf filter or attaching to
// it, following its threads, forks and execs, and turning each stop into a CallDecoder call.
// Every ptrace request is made from the one thread that attached (the kernel's rule), so a
// session is created, run and finished on the tracer's own thread (tracer.h).
//
// A started program stops only at the calls of traced_syscalls.h: a seccomp stop at the entry
// (PTRACE_EVENT_SECCOMP) and, when the call concerns a socket, a syscall-exit stop. An attached
// one has no filter and stops at every call's entry and exit (PTRACE_SYSCALL), as strace -p does.
// PTRACE_GET_SYSCALL_INFO gives the number, arguments and return value at each stop. The
// program's registers and memory are never written and no call is injected.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/tracer/call_decoder.h"
#include "core/tracer/trace_target.h"

namespace ss::tracer {

class PtraceSession {
public:
    explicit PtraceSession(CallDecoder& decoder);
    PtraceSession(const PtraceSession&) = delete;
    PtraceSession& operator=(const PtraceSession&) = delete;

    // Starts the program, or attaches to the process. On failure, error says what happened and
    // what the user can do about it.
    bool begin(const TraceTarget& target, std::string* error);
    // Serves stops until every traced process has ended (true) or `stop` is set (false), which
    // the caller makes waitpid() notice with a signal to this thread.
    bool run(const std::atomic<bool>& stop);
    // After run() returned false: detaches from an attached process, which runs on as before,
    // or ends a started one as target.end says.
    void end();

    pid_t pid() const { return m_leader; }
    bool usesSeccomp() const { return m_seccomp; }
    const std::string& command() const { return m_command; }

private:
    struct Tracee {
        pid_t pid = 0;           // its thread group
        bool wantsExit = false;  // stop at the exit of the call it is in
    };

    bool spawn(const TraceTarget& target, std::string* error);
    bool attach(pid_t pid, std::string* error);
    bool waitForExec(pid_t child, int errorPipe, std::string* error);
    void handle(pid_t tid, int status);
    void handleSyscallStop(pid_t tid, Tracee& tracee);
    void handleEvent(pid_t tid, Tracee& tracee, int event, int status);
    void adopt(pid_t tid);
    void resume(pid_t tid, int signal = 0);
    void detachAll();
    void endStarted();
    int64_t now() const;

    CallDecoder& m_decoder;
    TraceTarget m_target;
    std::unordered_map<pid_t, Tracee> m_tracees;
    pid_t m_leader = 0;
    bool m_seccomp = false;
    std::string m_command;
    int64_t m_origin = 0;
};

}  // namespace ss::tracer
