// SPDX-License-Identifier: GPL-3.0-or-later
// kqueue (macOS and the BSDs): the interest list lives in the kernel as one filter per
// (descriptor, condition): EVFILT_READ, EVFILT_WRITE and, where the system has it, EVFILT_EXCEPT.
// kevent() both changes filters and waits; this backend applies changes immediately in
// add/modify/remove (so errors surface there) and only waits in wait().
//
// Cost model: like epoll, a wait costs O(number of triggered filters), not O(number watched).
// Each interest change costs a kevent() call, so the interest table keeps a copy of each fd's
// interest and the backend only adds or deletes the filters whose bit actually changed.
//
// Result mapping: EVFILT_READ -> kRead (data, a pending connection, or EOF). EV_EOF on either
// filter means the peer shut down that direction -> kHangup | kRead, and a non-zero fflags with
// EV_EOF carries the socket error -> kError as well. EV_ERROR (data holds errno) -> kError.
// One descriptor can trigger two or three filters in one call; they are merged into a single
// PollEvent so the loop sees each descriptor once, while the draft lists each filter's report.
//
// The exceptional condition: sockets have no "exceptional set" in kqueue's model. macOS (and
// OpenBSD, DragonFly) provide EVFILT_EXCEPT with NOTE_OOB for TCP urgent data, which is used
// for kExcept when the headers define it. Elsewhere (FreeBSD, NetBSD) there is no OOB filter:
// urgent data shows only as the EV_OOBAND flag on a triggered EVFILT_READ where that flag is
// defined, so kExcept is then reported only for descriptors that also have read interest.
//
// kqueue descriptors are not inherited by fork()ed children; the backend also sets FD_CLOEXEC.
#pragma once

#include <memory>
#include <string>

#include "core/poller/poller.h"

namespace ss {

// Returns null and sets *error when kqueue() fails.
std::unique_ptr<Poller> createKqueuePoller(std::string* error);

}  // namespace ss
