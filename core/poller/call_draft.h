// SPDX-License-Identifier: GPL-3.0-or-later
// What one wait call received and returned, filled in by a backend while it makes the call.
// The loop owns one draft and reuses it for every call, so after warm-up no call allocates:
// clear() keeps the vectors' capacity.
#pragma once

#include <cstdint>
#include <vector>

#include "core/trace/trace_types.h"

namespace ss {

struct CallDraft {
    // What went in: for select the three fd_sets, for poll the pollfd events, for epoll and
    // kqueue the interest list registered with the kernel at the time of the call.
    std::vector<int32_t> inRead, inWrite, inExcept;
    // What came back ready, in the same shape. Hang-up and error conditions that the backend
    // reports separately (POLLHUP, EPOLLERR, EV_EOF ...) are listed in readyHangup/readyError.
    std::vector<int32_t> readyRead, readyWrite, readyExcept, readyHangup, readyError;
    int64_t startNs = 0;     // monotonic clock just before the system call
    int64_t durationNs = 0;  // time spent inside it
    int32_t timeoutMs = -1;  // as passed; -1 blocks until something is ready
    int32_t ret = 0;         // the system call's return value
    int32_t err = 0;         // errno (or WSAGetLastError()) when ret < 0, else 0
    // select only: the sets passed as a null pointer (kRead|kWrite|kExcept bits), because they
    // were empty, as CPython's select.select() passes them. The kernel returns nothing there.
    uint8_t nullSets = 0;
    // epoll and kqueue: the changes to the kernel's interest list made since the previous wait
    // call, in the order they were made (the base moves them in from its own list).
    std::vector<InterestChange> changes;
    // The kernel's state for each descriptor that came back ready, sampled by the loop's
    // observer right after the call (core/server/loop_observer.cpp), in fd order.
    std::vector<ReadyFacts> why;
    // What call this is (CallRecord::kind): the IO-model servers record accept, recv and send
    // with the socket and the server thread that made them; a wait call leaves the defaults.
    CallKind kind = CallKind::Wait;
    int32_t fd = -1;
    uint32_t thread = 0;

    void clear() {
        for (auto* v : {&inRead, &inWrite, &inExcept, &readyRead, &readyWrite, &readyExcept,
                        &readyHangup, &readyError})
            v->clear();
        changes.clear();
        why.clear();
        startNs = durationNs = 0;
        timeoutMs = -1;
        ret = err = 0;
        nullSets = 0;
        kind = CallKind::Wait;
        fd = -1;
        thread = 0;
    }
};

}  // namespace ss
