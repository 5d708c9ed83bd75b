// SPDX-License-Identifier: GPL-3.0-or-later
// Turns a traced program's system-call stops into the trace's records: a CallRecord per wait call
// and per socket call, with the sets, interest lists, addresses and byte counts that went in and
// came back, and the SocketEvents the engine would give for the same happenings (listen, accept,
// bytes received and sent, close). It reads the program's memory at the entry stop (what goes
// in) and at the exit stop (what came back), and never writes it.
//
// What is known of each process (which descriptors are sockets, what each epoll descriptor
// watches) is kept here, per process, and learnt from the calls themselves or, for what was
// there before the trace began, from /proc/PID/fd and /proc/PID/fdinfo.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "core/trace/trace_types.h"

namespace ss::tracer {

class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void call(CallRecord&& record) = 0;
    virtual void event(SocketEvent&& event) = 0;
};

// One syscall-entry (or seccomp) stop, as PTRACE_GET_SYSCALL_INFO reports it.
struct SyscallEntry {
    pid_t pid = 0;  // the thread group
    pid_t tid = 0;
    Syscall call = Syscall::None;
    uint64_t args[6] = {};
    int64_t timeNs = 0;  // since the trace began
};

struct ProcessState;
struct PendingCall;

class CallDecoder {
public:
    explicit CallDecoder(RecordSink& sink);
    ~CallDecoder();
    CallDecoder(const CallDecoder&) = delete;
    CallDecoder& operator=(const CallDecoder&) = delete;

    // Decodes what goes in. False when the call concerns no socket (a read of a file, the close
    // of a pipe): nothing is recorded, and the tracer need not stop at its exit.
    bool enter(const SyscallEntry& entry);
    // The exit stop of the thread's pending call: rval is the raw return value, -errno when
    // isError. A thread with no pending call (attached in the middle of one) is ignored.
    void leave(pid_t tid, int64_t rval, bool isError, int64_t timeNs);

    // A process or thread begins to be traced, ends, or replaces its program.
    void spawned(pid_t pid, pid_t tid, int64_t timeNs, std::string text);
    void exited(pid_t pid, pid_t tid, int status, int64_t timeNs);
    void execed(pid_t pid, int64_t timeNs, std::string text);

    uint64_t callCount() const { return m_calls; }
    uint64_t eventCount() const { return m_events; }

private:
    ProcessState& process(pid_t pid);
    void emit(SocketEvent&& event);
    void finish(PendingCall& pending, int64_t rval, bool isError, int64_t timeNs);

    RecordSink& m_sink;
    std::unordered_map<pid_t, std::unique_ptr<ProcessState>> m_processes;
    std::unordered_map<pid_t, std::unique_ptr<PendingCall>> m_pending;
    uint64_t m_calls = 0;
    uint64_t m_events = 0;
};

}  // namespace ss::tracer
