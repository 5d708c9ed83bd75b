// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel queue probes. Each costs one system call, so the engine samples them when it publishes
// a descriptor snapshot (a few times a second while somebody watches) and, when wait calls are
// traced, for the descriptors a call returned ready (LoopObserver); never per event.
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

// Free space in the send buffer: SO_SNDBUF minus the send queue (kernelSendQueue), at least 0;
// -1 when either probe is missing (Windows). Two system calls. Linux reports and enforces twice
// the size that was set with setsockopt() (socket(7)): the doubled figure is the real limit, but
// the kernel charges its bookkeeping against it too, so send() takes somewhat fewer bytes than
// this (few fewer on loopback's large segments, many fewer for a queue of tiny ones), and the
// socket is reported writable only while at least a third of the limit is free.
int64_t kernelSendFree(NativeSocket s);
// 1 when the next byte to read is at the urgent mark (SIOCATMARK: an urgent byte is pending and
// no ordinary data is before it), 0 when not, -1 where the platform cannot say.
int urgentMark(NativeSocket s);

// What a connected TCP socket's state says about its peer, from TCP_INFO (Linux), without
// touching the pending error: getsockopt(SO_ERROR) would clear it, and the server's next recv()
// would then return 0 instead of failing with ECONNRESET.
enum class PeerState : uint8_t {
    Unknown,  // not Linux, not TCP, or the probe failed
    Open,
    Closed,  // the peer sent FIN (CLOSE_WAIT, or LAST_ACK/CLOSING after our own FIN)
    Reset,   // the connection was aborted (CLOSE while our descriptor is open: RST or error)
};
PeerState tcpPeerState(NativeSocket s);

}  // namespace ss
