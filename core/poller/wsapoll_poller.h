// SPDX-License-Identifier: GPL-3.0-or-later
// WSAPoll (Windows): Winsock's version of poll(), one dense array of WSAPOLLFD {fd, events,
// revents}.
//
// Cost model: as with poll(), the whole array is passed and checked on every call, so a wait
// costs O(number of watched sockets). There is no FD_SETSIZE count limit. The array is kept
// dense (removal moves the last entry into the hole) and the interest table holds each socket's
// index in it, so modify and remove go straight to its entry (pollfd_poller.h, shared with poll).
//
// Differences from POSIX poll() that shape the mapping: POLLIN is POLLRDNORM | POLLRDBAND on
// Windows, and requesting POLLPRI makes the call fail with WSAEINVAL. So kRead is requested as
// POLLRDNORM, kWrite as POLLWRNORM (= POLLOUT), and kExcept as POLLRDBAND, which is how Winsock
// reports TCP urgent (out-of-band) data. Results: POLLRDNORM -> kRead, POLLWRNORM -> kWrite,
// POLLRDBAND -> kExcept, POLLHUP -> kHangup | kRead, POLLERR -> kError | kRead, POLLNVAL ->
// kError; POLLHUP/POLLERR/POLLNVAL are reported even for an entry whose events are 0.
// A peer's FIN (shutdown() or close()) comes back as POLLHUP alone, where POSIX poll() reports
// POLLIN; the kRead that goes with kHangup makes the loop read and find EOF either way. Since
// POLLHUP cannot be masked, a half-closed connection whose queued replies do not fit into the
// send buffer makes every call return at once until the queue drains or the peer goes.
// Known caveats: before Windows 10 2004 a failed non-blocking connect() was never reported
// (the call just timed out); WSAPoll with no entries fails with WSAEINVAL instead of sleeping
// (the loop always watches its wake-up socket, so this does not arise there).
#pragma once

#include <memory>

#include "core/poller/poller.h"

namespace ss {

std::unique_ptr<Poller> createWsaPollPoller();

}  // namespace ss
