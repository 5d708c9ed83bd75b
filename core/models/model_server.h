// SPDX-License-Identifier: GPL-3.0-or-later
// What the IO-models chapter's servers that do not multiplex share: the blocking server, the
// thread-per-connection server and the non-blocking busy loop (blocking_server.h,
// threaded_server.h, nonblocking_server.h). They make no wait call: they block (or fail with
// EAGAIN) in accept(), recv() and send() themselves, and each of those calls is recorded as a
// CallRecord of kind Accept, Recv or Send with the socket and the server thread that made it.
//
// They reuse the event loop's observer: the LoopObserver numbers the calls and events, writes
// them into the trace ring and describes the rows of a ChannelTable for snapshots. The loop
// uses it from one thread; here several threads do, so every use of the observer and the table
// is serialised by one mutex, taken once per call after the call has returned (never while a
// thread blocks). These servers make a system call per message anyway; the loop's lock-free
// hot path is not theirs.
//
// Threads: the main server thread (thread 0) opens the listener and runs serve(); with
// ownDescriptorTable it first gives itself a descriptor table of its own, which the threads it
// starts share. One helper thread, started by it in that table, publishes descriptor snapshots
// (which probe the kernel's queues of the server's descriptors) and, at stop(), shuts down the
// listener and every connection: a thread blocked in accept() returns EINVAL, one blocked in
// recv() returns 0, and each returns as a server whose sockets were shut down. Those last calls
// are recorded as they returned. The helper makes no call on a socket before stop(). That is
// Linux's behaviour; BSD, macOS and Windows do not wake a blocked accept() on shutdown() of a
// listening socket, and these servers have been run on Linux only.
//
// Pause, step, slow motion, timeouts and backend switches belong to the wait call; these servers
// have none, so the Engine refuses or ignores them.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

// Complete, because ChannelTable's inline code destroys the Channels that own Behaviours.
#include "core/server/behaviour.h"
#include "core/server/busy_loop.h"
#include "core/server/channel.h"
#include "core/server/engine_config.h"
#include "core/server/loop_observer.h"

namespace ss {

class ModelServer;
// The server for config.model (not Multiplexed, which is the EventLoop).
std::unique_ptr<ModelServer> createModelServer(EngineConfig config);

class ModelServer {
public:
    explicit ModelServer(EngineConfig config);
    virtual ~ModelServer();
    ModelServer(const ModelServer&) = delete;
    ModelServer& operator=(const ModelServer&) = delete;

    // Opens the listener on the main server thread and starts serving. Returns false with a
    // one-line *error when the listener cannot be opened or the config is not one TCP listener.
    bool start(std::string* error);
    // Returns when every server thread has ended; idempotent.
    void stop();
    bool running() const { return m_thread.joinable(); }

    TraceRing& ring() { return m_observer.ring(); }
    const EngineConfig& config() const { return m_config; }
    EngineStats stats() const { return m_observer.stats(); }
    std::vector<DescriptorInfo> descriptors(SnapshotMark* mark = nullptr) const {
        return m_observer.descriptors(mark);
    }
    void requestSnapshot();

protected:
    // The main server thread's work once the listener is open. Returns once stopping().
    virtual void serve() = 0;
    // Whether the listener (and the connections, by default) block: setblocking(True/False).
    virtual bool listenerBlocks() const { return true; }
    virtual bool connectionsBlock() const { return true; }

    bool stopping() const { return m_stopping.load(std::memory_order_acquire); }
    // What the tutorial's own code does (--as-written), for the listener.
    const AsWritten& asWritten() const { return m_config.listeners[0].asWritten; }
    Channel& listener() { return *m_listener; }

    // accept() on the listener, recorded as thread's call. The new connection is registered and
    // announced (Accept event); null when accept() failed (*err) or the server is stopping.
    Channel* acceptConnection(uint32_t thread, int* err);
    // recv(recvSize) on ch into m_buffers[thread-private buf], recorded; emits Recv for bytes.
    // Returns recv()'s value; *err is the errno when it is -1.
    ssize_type receive(Channel& ch, uint32_t thread, std::string& buf, int* err);
    // One send() of data (Python's conn.send: what does not fit is not retried), recorded;
    // emits Send for the bytes written.
    ssize_type sendReply(Channel& ch, uint32_t thread, std::string_view data, int* err);
    // The tutorial's inner loop on one connection with blocking calls: recv(1024), then
    // send(reply) while recv returns bytes; at EOF (b'') or an error, close(). Returns when the
    // connection is closed.
    void echoUntilClosed(Channel& ch, uint32_t thread);
    // close(): emits Close and forgets the channel. ch is gone afterwards.
    void closeConnection(Channel& ch, CloseReason reason, int err = 0);
    // What the listener's behaviour answers to data: upper-cased and/or suffixed.
    std::string reply(std::string_view data) const;
    // Server thread count for the stats (the main thread counts from start).
    void threadStarted();
    void threadEnded();  // on the thread that ends: its CPU time counts (cpuSeconds)

private:
    bool open(std::string* error);
    void runMain();
    void helperLoop();
    void shutdownAll();
    void closeAll();
    void addThreadCpu();  // the calling thread's CPU time, into EngineStats::cpuSeconds
    // Records one call made by thread on fd that returned ret (errno err), started at startNs.
    void record(CallKind kind, NativeSocket fd, uint32_t thread, int64_t startNs, int64_t ret,
                int err);

    EngineConfig m_config;
    ChannelTable m_channels;  // under m_mutex
    LoopObserver m_observer;  // under m_mutex (its published state has its own lock)
    Channel* m_listener = nullptr;
    // The non-blocking server's main thread: its calls per second and CPU use, as the loop's
    // (EngineStats::callsPerSecond, loopCpuPercent). The blocking ones wait in their calls.
    BusyLoopDetector m_rate;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;  // the helper thread: stop, or a snapshot asked for
    bool m_snapshotWanted = false;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;  // the main server thread
    std::thread m_helper;
};

}  // namespace ss
