// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/call_decoder.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <string>
#include <utility>
#include <vector>

#include "core/tracer/decoder_state.h"

namespace ss::tracer {
namespace {

bool isWait(Syscall call) {
    return syscallKind(call) == CallKind::Wait;
}

std::string signalText(int signal) {
    const char* abbrev = ::sigabbrev_np(signal);
    return abbrev ? "SIG" + std::string(abbrev) : "signal " + std::to_string(signal);
}

}  // namespace

CallDecoder::CallDecoder(RecordSink& sink) : m_sink(sink) {}

CallDecoder::~CallDecoder() = default;

ProcessState& CallDecoder::process(pid_t pid) {
    std::unique_ptr<ProcessState>& state = m_processes[pid];
    if (!state)
        state = std::make_unique<ProcessState>(pid);
    return *state;
}

bool CallDecoder::enter(const SyscallEntry& entry) {
    auto pending = std::make_unique<PendingCall>();
    pending->entry = entry;
    CallRecord& r = pending->record;
    r.syscall = entry.call;
    r.pid = entry.pid;
    r.tid = entry.tid;
    r.startNs = entry.timeNs;
    ProcessState& state = process(entry.pid);
    r.thread = state.threadNumber(entry.tid);
    if (isWait(entry.call))
        enterWait(*pending, state);
    else if (entry.call == Syscall::EpollCtl)
        enterEpollCtl(*pending);
    else if (!enterSocketCall(*pending, state))
        return false;
    m_pending[entry.tid] = std::move(pending);
    return true;
}

void CallDecoder::leave(pid_t tid, int64_t rval, bool isError, int64_t timeNs) {
    const auto found = m_pending.find(tid);
    if (found == m_pending.end())
        return;
    std::unique_ptr<PendingCall> pending = std::move(found->second);
    m_pending.erase(found);
    finish(*pending, rval, isError, timeNs);
}

void CallDecoder::finish(PendingCall& pending, int64_t rval, bool isError, int64_t timeNs) {
    CallRecord& r = pending.record;
    r.durationNs = timeNs - r.startNs;
    r.ret = isError ? -1 : int32_t(rval);
    r.err = isError ? int32_t(-rval) : 0;
    ProcessState& state = process(pending.entry.pid);
    std::vector<SocketEvent> events;
    if (isWait(pending.entry.call))
        leaveWait(pending, state);
    else if (pending.entry.call == Syscall::EpollCtl)
        leaveEpollCtl(pending, state, &events);
    else
        leaveSocketCall(pending, state, &events);
    if (pending.entry.call != Syscall::EpollCtl) {
        r.number = ++m_calls;
        m_sink.call(std::move(r));
    }
    for (SocketEvent& e : events) {
        e.timeNs = timeNs;
        e.pid = pending.entry.pid;
        e.tid = pending.entry.tid;
        emit(std::move(e));
    }
}

void CallDecoder::emit(SocketEvent&& event) {
    event.number = ++m_events;
    m_sink.event(std::move(event));
}

void CallDecoder::spawned(pid_t pid, pid_t tid, int64_t timeNs, std::string text) {
    SocketEvent e;
    e.kind = EventKind::Spawn;
    e.timeNs = timeNs;
    e.pid = pid;
    e.tid = tid;
    e.text = std::move(text);
    process(pid).threadNumber(tid);
    emit(std::move(e));
}

void CallDecoder::exited(pid_t pid, pid_t tid, int status, int64_t timeNs) {
    m_pending.erase(tid);
    if (tid != pid) {
        process(pid).threads.erase(tid);
        return;
    }
    SocketEvent e;
    e.kind = EventKind::Exit;
    e.timeNs = timeNs;
    e.pid = pid;
    e.tid = tid;
    if (WIFSIGNALED(status)) {
        e.aux = 128 + WTERMSIG(status);
        e.text = "killed by " + signalText(WTERMSIG(status));
    } else {
        e.aux = WEXITSTATUS(status);
        e.text = "exited with code " + std::to_string(e.aux);
    }
    m_processes.erase(pid);
    emit(std::move(e));
}

void CallDecoder::execed(pid_t pid, int64_t timeNs, std::string text) {
    // The new program keeps only the descriptors without FD_CLOEXEC: learn them again.
    m_processes.erase(pid);
    spawned(pid, pid, timeNs, std::move(text));
}

}  // namespace ss::tracer
