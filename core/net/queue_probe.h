// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel queue probes. Each costs one system call, so the engine samples them when it publishes
// a descriptor snapshot (a few times a second while somebody watches), never per event.
#pragma once

#include <cstdint>

#include "core/net/platform.h"

namespace ss {

// Bytes waiting in the kernel's receive queue (FIONREAD), or -1 when unknown.
int64_t kernelRecvQueue(NativeSocket s);
// Bytes in the kernel's send queue not yet acknowledged (SIOCOUTQ on Linux, TIOCOUTQ on BSD,
// SO_NWRITE on macOS), or -1 where the platform has no such probe (Windows).
int64_t kernelSendQueue(NativeSocket s);
// For a listening TCP socket: connections completed but not yet accepted, and the backlog
// (TCP_INFO's tcpi_unacked / tcpi_sacked on Linux). -1 when unknown.
struct AcceptQueue {
    int64_t pending = -1;
    int64_t backlog = -1;
};
AcceptQueue listenerAcceptQueue(NativeSocket s);

}  // namespace ss
