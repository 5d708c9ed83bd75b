// SPDX-License-Identifier: GPL-3.0-or-later
// The stable kebab-case names of the trace's enums. They appear in the JSON lines of --headless
// and in the GUI's tables, so scripts may match on them: never rename one, only add.
#include "core/trace/trace_types.h"

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
    }
    return "unknown";
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
