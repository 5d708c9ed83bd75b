// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the engine needs to start, and the per-descriptor and aggregate state it publishes
// for watchers (the GUI's tables, the HTTP page, the headless summary).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/listener_spec.h"
#include "core/trace/trace_types.h"

namespace ss {

struct TraceMode {
    bool calls = true;   // one record per wait call
    bool events = true;  // one record per socket event
};

// Which server the engine runs. Multiplexed is the event loop (select, poll, epoll ...); the
// others are the IO-models chapter's servers that do not multiplex (core/models/): one thread
// blocking in accept() then in recv() on one connection, a thread per connection, and one
// thread that tries accept() and recv() on non-blocking sockets in a loop.
enum class IoModel : uint8_t { Multiplexed, Blocking, Threaded, NonBlocking };
// "multiplexed", "blocking", "threaded", "non-blocking".
std::string_view ioModelName(IoModel model);

struct EngineConfig {
    IoModel model = IoModel::Multiplexed;
    std::vector<ListenerSpec> listeners;
    BackendKind backend = bestBackend();
    // epoll only: level-triggered, or EPOLLET with one read per report or reads until EAGAIN.
    // Anything but Level with another backend is refused at start (EpollModeNeedsEpoll).
    EpollMode epollMode = EpollMode::Level;
    int timeoutMs = 1000;  // per wait call; -1 blocks until something is ready
    TraceMode trace;
    size_t maxQueueBytes = 1u << 20;  // per-connection application output queue bound
    std::string serveDir = ".";       // the only folder framed-file serves from
    bool allowRemote = false;         // listening on non-loopback addresses
    size_t traceRingBytes = 8u << 20;
    int snapshotIntervalMs = 0;  // 0: publish descriptor snapshots only on request
    bool startPaused = false;
    int slowMotionMs = 0;  // pause after every wait call, for teaching
    // Linux: the loop thread gets a descriptor table of its own (own_descriptors.h), so that the
    // server numbers from 3 inside another program's process. The window sets it. Every system
    // call on the server's sockets must then come from the loop thread.
    bool ownDescriptorTable = false;
};

enum class ConnState : uint8_t { Open, HalfClosed, Backpressured, Closing, Unwatched };
std::string_view connStateName(ConnState state);

struct DescriptorInfo {
    int32_t fd = -1;
    Role role = Role::Connection;
    std::string local, peer;
    std::string behaviour;  // of the listener it belongs to
    int32_t listenerFd = -1;
    uint8_t interest = 0;   // ReadinessBits
    uint8_t lastReady = 0;  // what the last wait call reported for it
    ConnState state = ConnState::Open;
    int64_t kernelRecvQueue = -1, kernelSendQueue = -1;
    int64_t acceptQueue = -1, acceptBacklog = -1;  // listeners only
    uint64_t appQueueBytes = 0, appQueueMessages = 0;
    uint64_t bytesIn = 0, bytesOut = 0;
    double ageSeconds = 0;
};

// Where a descriptor snapshot stands in the trace: it shows the descriptors as they were after
// the call and the event with these numbers (0: none yet), and before any later one.
struct SnapshotMark {
    uint64_t calls = 0, events = 0;
};

struct EngineStats {
    BackendKind backend = BackendKind::Select;
    EpollMode epollMode = EpollMode::Level;  // what epoll uses (now, or after a switch to it)
    uint64_t waitCalls = 0, interruptedCalls = 0;
    // accept, recv and send calls (recvfrom and sendto on UDP) the server made, whether they
    // returned data or EAGAIN. With waitCalls, every call it made on a socket but close().
    uint64_t socketCalls = 0;
    // Server threads alive: 1 for the loop and the single-threaded models, 1 + one per
    // connection for the threaded model; and the most that were alive at once.
    uint32_t serverThreads = 0;
    uint32_t peakServerThreads = 0;
    // CPU time the server's threads used, added as each thread ends: the whole run's once the
    // server has stopped.
    double cpuSeconds = 0;
    IoModel model = IoModel::Multiplexed;  // the server that runs
    uint64_t accepted = 0, refused = 0, closed = 0;
    uint64_t openConnections = 0, watchedDescriptors = 0;
    uint64_t bytesIn = 0, bytesOut = 0;
    uint64_t datagramsIn = 0, datagramsOut = 0;
    uint64_t errors = 0, urgentBytes = 0;
    uint64_t traceRecords = 0, traceDropped = 0;
    double uptimeSeconds = 0;
    bool paused = false;
    int slowMotionMs = 0;
    int timeoutMs = 0;
    // Over the last quarter second of the loop (busy_loop.h).
    double callsPerSecond = 0;
    double loopCpuPercent = 0;  // the engine thread's CPU use
    bool busyLoop = false;      // the loop spins; busyFd and busyReason say on what
    int32_t busyFd = -1;
    uint8_t busyReason = 0;  // SpinReason
    // --as-written: the tutorial's server died (an exception nothing caught). The loop makes no
    // more calls until it is started again.
    bool stopped = false;
};

}  // namespace ss
