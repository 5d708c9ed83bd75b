// SPDX-License-Identifier: GPL-3.0-or-later
// epoll (Linux only): the interest list lives in the kernel. epoll_ctl(ADD/MOD/DEL) changes it
// one descriptor at a time, and epoll_wait() returns only the descriptors that are ready.
//
// Cost model: a wait costs O(number of ready descriptors), not O(number watched), which is why
// it scales to tens of thousands of idle connections. The price is a system call per interest
// change, so the interest table keeps a copy of each fd's interest and epoll_ctl is called only
// when the interest really changes (toggling write interest per message would otherwise double
// the system calls of an echo server).
//
// Semantics and edge cases: by default the backend is level-triggered (no EPOLLET), so it
// reports the same conditions select() and poll() would. Created edge-triggered (--epoll-mode
// et or et-drain), every descriptor is registered with EPOLLET: a condition is reported when it
// arises (new bytes arrive, buffer space frees), not while it lasts, so whatever one recv()
// leaves in the queue is not reported again until more arrives. Every epoll_ctl(MOD) re-arms
// the edge: the kernel checks readiness again and reports what is pending, which is why a loop
// that changes write interest after a read may still see the rest. EPOLLIN -> kRead, EPOLLOUT ->
// kWrite, EPOLLPRI (TCP urgent data) -> kExcept. EPOLLHUP and EPOLLERR are always reported, even
// with interest 0; they map to kHangup / kError plus kRead so the loop reads and learns of EOF or
// the error from recv(). epoll registers the open file description, not the descriptor number: a
// descriptor that is closed while a dup() of it stays open keeps being reported, so remove()
// must come before close(). The epoll descriptor itself is created with EPOLL_CLOEXEC. The
// kernel returns ready descriptors in its ready-list order, which the draft keeps as is.
//
// The call is epoll_pwait() with the loop's signal mask (Poller::setWaitMask), or with none,
// which is epoll_wait(); strace shows epoll_pwait either way.
#pragma once

#include <memory>
#include <string>

#include "core/poller/poller.h"

namespace ss {

// Returns null and sets *error when epoll_create1 fails. edgeTriggered adds EPOLLET to every
// registration, and the recorded changes say so.
std::unique_ptr<Poller> createEpollPoller(std::string* error, bool edgeTriggered = false);

}  // namespace ss
