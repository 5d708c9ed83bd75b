// SPDX-License-Identifier: GPL-3.0-or-later
// poll(): one dense array of struct pollfd {fd, events, revents}; the kernel fills revents.
//
// Cost model: the whole array is copied into the kernel and every entry's file is polled on
// every call, so one wait costs O(number of watched descriptors), however few are ready. Unlike
// select() there is no limit on descriptor values, and the cost depends on how many are
// watched, not on the highest value. The array is kept dense (removal moves the last entry into
// the hole) so the kernel never walks dead slots; the interest table holds each fd's index in
// the array, so modify and remove go straight to its entry (pollfd_poller.h, shared with WSAPoll).
//
// Result mapping: POLLIN -> kRead, POLLOUT -> kWrite, POLLPRI (TCP urgent data) -> kExcept.
// POLLHUP and POLLERR are always reported, even for an entry whose events are 0; they map to
// kHangup / kError plus kRead so that the loop reads and learns of EOF or the error from
// recv(), as select() would have reported them. POLLNVAL (fd not open) maps to kError only:
// there is nothing to read, the loop has a stale entry. On Linux a TCP peer's shutdown(SHUT_WR)
// gives POLLIN only (POLLRDHUP if asked for); POLLHUP needs both directions shut or a reset.
// An entry with interest 0 stays in the array with events = 0, so only HUP/ERR/NVAL show.
// macOS's poll() is fine for sockets (it is broken only for devices); Windows uses WSAPoll.
//
// With a wait mask (Linux, Poller::setWaitMask) the call is ppoll(), the same array with the
// timeout as a timespec.
#pragma once

#include <memory>

#include "core/poller/poller.h"

namespace ss {

std::unique_ptr<Poller> createPollPoller();

}  // namespace ss
