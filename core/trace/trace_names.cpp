// SPDX-License-Identifier: GPL-3.0-or-later
// The stable kebab-case names of the trace's enums. They appear in the JSON lines of --headless
// and in the GUI's tables, so scripts may match on them: never rename one, only add.
#include "core/trace/trace_types.h"

#include <iterator>

namespace ss {

std::string_view roleName(Role role) {
    switch (role) {
        case Role::Listener:
            return "listener";
        case Role::Connection:
            return "connection";
        case Role::Udp:
            return "udp";
        case Role::Wakeup:
            return "wakeup";
    }
    return "unknown";
}

std::string_view callKindName(CallKind kind) {
    switch (kind) {
        case CallKind::Wait:
            return "wait";
        case CallKind::Accept:
            return "accept";
        case CallKind::Recv:
            return "recv";
        case CallKind::Send:
            return "send";
        case CallKind::Other:
            return "other";
    }
    return "unknown";
}

namespace {

struct SyscallFacts {
    std::string_view name;
    CallKind kind;
    BackendKind backend;
};

// Indexed by Syscall.
constexpr SyscallFacts kSyscalls[] = {
    {"", CallKind::Wait, BackendKind::Select},
    {"select", CallKind::Wait, BackendKind::Select},
    {"pselect6", CallKind::Wait, BackendKind::Select},
    {"poll", CallKind::Wait, BackendKind::Poll},
    {"ppoll", CallKind::Wait, BackendKind::Poll},
    {"epoll_wait", CallKind::Wait, BackendKind::Epoll},
    {"epoll_pwait", CallKind::Wait, BackendKind::Epoll},
    {"epoll_pwait2", CallKind::Wait, BackendKind::Epoll},
    {"socket", CallKind::Other, BackendKind::Select},
    {"bind", CallKind::Other, BackendKind::Select},
    {"listen", CallKind::Other, BackendKind::Select},
    {"accept", CallKind::Accept, BackendKind::Select},
    {"accept4", CallKind::Accept, BackendKind::Select},
    {"connect", CallKind::Other, BackendKind::Select},
    {"shutdown", CallKind::Other, BackendKind::Select},
    {"close", CallKind::Other, BackendKind::Select},
    {"recvfrom", CallKind::Recv, BackendKind::Select},
    {"recvmsg", CallKind::Recv, BackendKind::Select},
    {"read", CallKind::Recv, BackendKind::Select},
    {"sendto", CallKind::Send, BackendKind::Select},
    {"sendmsg", CallKind::Send, BackendKind::Select},
    {"write", CallKind::Send, BackendKind::Select},
    {"epoll_ctl", CallKind::Other, BackendKind::Epoll},
};
static_assert(std::size(kSyscalls) == size_t(kLastSyscall) + 1);

const SyscallFacts& factsOf(Syscall call) {
    const auto i = size_t(call);
    return kSyscalls[i < std::size(kSyscalls) ? i : 0];
}

}  // namespace

std::string_view syscallName(Syscall call) {
    return factsOf(call).name;
}

CallKind syscallKind(Syscall call) {
    return factsOf(call).kind;
}

BackendKind syscallBackend(Syscall call) {
    return factsOf(call).backend;
}

std::string_view eventKindName(EventKind kind) {
    switch (kind) {
        case EventKind::Listen:
            return "listen";
        case EventKind::Accept:
            return "accept";
        case EventKind::Refuse:
            return "refuse";
        case EventKind::Recv:
            return "recv";
        case EventKind::Send:
            return "send";
        case EventKind::Datagram:
            return "datagram";
        case EventKind::QueueChange:
            return "queue-change";
        case EventKind::HalfClose:
            return "half-close";
        case EventKind::Close:
            return "close";
        case EventKind::Error:
            return "error";
        case EventKind::Urgent:
            return "urgent";
        case EventKind::BackpressureOn:
            return "backpressure-on";
        case EventKind::BackpressureOff:
            return "backpressure-off";
        case EventKind::Watch:
            return "watch";
        case EventKind::Unwatch:
            return "unwatch";
        case EventKind::Backend:
            return "backend";
        case EventKind::Mode:
            return "mode";
        case EventKind::Wakeup:
            return "wakeup";
        case EventKind::AcceptPaused:
            return "accept-paused";
        case EventKind::Note:
            return "note";
        case EventKind::Exception:
            return "exception";
        case EventKind::BusyLoop:
            return "busy-loop";
        case EventKind::Spawn:
            return "spawn";
        case EventKind::Exit:
            return "exit";
    }
    return "unknown";
}

std::string_view spinReasonName(int64_t reason) {
    switch (static_cast<SpinReason>(reason)) {
        case SpinReason::None:
            return "none";
        case SpinReason::EofNeverClosed:
            return "eof-never-closed";
        case SpinReason::WritableNothingQueued:
            return "writable-nothing-queued";
        case SpinReason::ZeroTimeoutIdle:
            return "zero-timeout-idle";
    }
    return "unknown";
}

std::string_view exceptionOutcomeName(int64_t aux) {
    return aux == 0 ? "closed" : aux == 1 ? "unwatched" : "server-stopped";
}

std::string_view closeReasonName(CloseReason reason) {
    switch (reason) {
        case CloseReason::PeerClosed:
            return "peer-closed";
        case CloseReason::PeerReset:
            return "peer-reset";
        case CloseReason::Error:
            return "error";
        case CloseReason::ServerClosed:
            return "server-closed";
        case CloseReason::Refused:
            return "refused";
        case CloseReason::ExceptionalSet:
            return "exceptional-set";
    }
    return "unknown";
}

}  // namespace ss
