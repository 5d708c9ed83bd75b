// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor table of a traced process, as `ss -tuanp` would show its sockets: every
// descriptor in /proc/PID/fd that is a socket, matched by inode with the kernel's socket list
// from NETLINK_SOCK_DIAG (inet_diag: TCP and UDP, IPv4 and IPv6). That gives each socket's role
// (a TCP socket in LISTEN is a listener), its local and peer address, and the kernel's queues:
// for a listener the accept queue and its backlog, for a connection the bytes waiting to be
// read (Recv-Q) and not yet acknowledged (Send-Q). Nothing is asked of the process itself: no
// call is injected, so these are read from outside, a few times a second.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/server/engine_config.h"

namespace ss::tracer {

// One row per socket descriptor of the process, in fd order. A socket that is not TCP or UDP
// (a Unix socket, netlink) is listed with its inode as its local address and no queues.
// Returns false, with *error set, when /proc/PID/fd cannot be read (the process ended, or it
// belongs to another user) or the netlink query fails.
bool socketTable(pid_t pid, std::vector<DescriptorInfo>* rows, std::string* error);

}  // namespace ss::tracer
