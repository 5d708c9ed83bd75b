// SPDX-License-Identifier: GPL-3.0-or-later
// select(): three bit sets (read, write, exceptional) of fixed size FD_SETSIZE, passed by pointer
// and overwritten by the kernel with the ready subset.
//
// Cost model: the kernel scans every bit up to nfds (highest fd + 1) on every call, and copies
// the three sets in and out, so one wait costs O(highest fd value), however few are ready.
// The backend keeps master sets and copies them per call, because the kernel destroys its input.
// Its interest table (ascending fd order) gives nfds and the draft's lists, and the result scan
// walks it instead of all FD_SETSIZE bits.
//
// The limit: on POSIX an fd_set is a bit array indexed by descriptor value, so no descriptor
// >= FD_SETSIZE (1024) can be watched at all. FD_SET on such a descriptor writes past the end
// of the array; glibc with _FORTIFY_SOURCE aborts the process instead. add() therefore checks
// the value first and refuses without touching any fd_set. On Windows an fd_set is a counted
// array of SOCKET handles: FD_SETSIZE bounds how many sockets a set holds, not their values, so
// the check there is on the number of watched sockets, and descriptorLimit() reports no value
// limit (Windows SOCKET values are arbitrary handles, often far above 1024).
//
// Readiness: the read set reports data, EOF (a read then returns 0), a pending error and a
// pending connection on a listener; select has no separate hang-up or error result, the loop
// learns of them from recv(). The exceptional set reports TCP urgent (out-of-band) data.
// Windows additionally reports a failed non-blocking connect() in the exceptional set.
//
// An empty set is passed as a null pointer, as CPython's select.select() passes it, so the
// call reads select(4, [3], NULL, [3], {1, 0}) in strace exactly as the tutorial's server's does
// (Winsock requires it anyway). The draft's nullSets says which sets went as NULL.
//
// With a wait mask (Linux, Poller::setWaitMask) the call is pselect(): strace shows pselect6,
// with the same sets and the timeout as a timespec.
//
// Windows cannot wait on nothing: with no socket in any set, select() fails at once with
// WSAEINVAL instead of sleeping for the timeout. The backend passes that on as it is, as the
// trace must; the loop never meets it, because on Windows its wake-up socket is always in the
// read set.
#pragma once

#include <memory>

#include "core/poller/poller.h"

namespace ss {

std::unique_ptr<Poller> createSelectPoller();

}  // namespace ss
