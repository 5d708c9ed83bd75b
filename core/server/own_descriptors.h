// SPDX-License-Identifier: GPL-3.0-or-later
// A descriptor table of the loop thread's own, so that the server numbers its sockets as the
// tutorial's own server would (listener 3, connections from 4) even inside the window's process,
// whose display connection, event dispatcher and built-in clients hold the low numbers.
//
// Linux: unshare(CLONE_FILES) gives the calling thread a private copy of the process's table;
// closing every copy above 2 in it leaves standard input, output and error, and leaves the other
// threads' descriptors untouched (a copy is a second reference to the same open file, so
// closing it ends nothing). The server's sockets then exist only in this table: every system
// call on them must be made by the loop thread, and the thread's exit closes what is left.
// strace shows it as it is: unshare(CLONE_FILES), close_range(3, ...), then the loop's calls with
// the thread's own numbers.
//
// Caveat: POSIX record locks (fcntl F_SETLK) belong to the process and are released when any
// descriptor of the locked file is closed, copies included. The window holds none.
#pragma once

#include <string>

namespace ss {

// Returns false with *error when the platform has no such thing (everything but Linux) or the
// kernel refuses (a seccomp policy that forbids unshare); the caller then shares the table.
bool useOwnDescriptorTable(std::string* error);

}  // namespace ss
