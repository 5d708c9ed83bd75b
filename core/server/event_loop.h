// SPDX-License-Identifier: GPL-3.0-or-later
// The loop, written once for every backend. It owns the poller and the wake-up descriptor, runs
// on its own std::thread, waits, dispatches what came back ready and applies commands. The
// socket work is done by Connections (queues, interest, closing), Acceptor (listeners) and
// Datagrams (UDP); what watchers see comes from the LoopObserver. Everything else talks to the
// loop through post() (a command queue plus the wake-up descriptor) or reads what the observer
// publishes (stats and descriptor snapshots).
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/poller/poller.h"
#include "core/server/acceptor.h"
#include "core/server/busy_loop.h"
#include "core/server/channel.h"
#include "core/server/connections.h"
#include "core/server/datagrams.h"
#include "core/server/engine_config.h"
#include "core/server/loop_observer.h"
#include "core/server/serve_dir.h"
#include "core/server/wait_interrupt.h"

namespace ss {

struct LoopCommand {
    enum class Type : uint8_t {
        Pause,
        Resume,
        Step,
        SlowMotion,
        Timeout,
        SwitchBackend,
        EpollMode,  // value: the EpollMode; applies at once when the backend is epoll
        AddListener,
        RemoveListener,
        Stop
    };
    explicit LoopCommand(Type t = Type::Stop, int v = 0) : type(t), value(v) {}
    Type type;
    int value;
    NativeSocket fd = kInvalidSocket;
    std::shared_ptr<const ListenerSpec> spec;
    // SwitchBackend, EpollMode and AddListener answer through this.
    struct Reply {
        std::string error;  // empty on success, else the reason
        int fd = -1;        // AddListener: the new listener's descriptor
    };
    std::shared_ptr<Reply> reply;
    std::shared_ptr<std::atomic<bool>> done;
};

class EventLoop final {
public:
    explicit EventLoop(EngineConfig config);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    bool start(std::string* error);
    void stop();
    bool running() const { return m_thread.joinable(); }
    void post(LoopCommand command);
    // Posts a command and waits (bounded) until the loop has handled it.
    bool postAndWait(LoopCommand command, int timeoutMs);

    TraceRing& ring() { return m_observer.ring(); }
    const EngineConfig& config() const { return m_config; }
    EngineStats stats() const { return m_observer.stats(); }
    std::vector<DescriptorInfo> descriptors(SnapshotMark* mark = nullptr) const {
        return m_observer.descriptors(mark);
    }
    void requestSnapshot();

private:
    bool open(std::string* error);
    void release();
    bool openPoller(std::string* error);
    void watchWakeup();
    void run();
    bool iterate();
    int effectiveTimeout() const;
    void dispatch(const PollEvent& ev);
    // After a wait call's events are handled: feeds the busy-loop detector, and publishes what
    // it found when a window ends.
    void judgeIteration(int ret, int timeoutMs);
    void reportWindow(BusyLoopDetector::Verdict verdict);
    // --as-written: the tutorial's server died. Its sockets close, as the process's would, and
    // the loop makes no more calls until it is started again.
    void die();
    void processCommands();
    void apply(LoopCommand& command);
    void addListener(LoopCommand& c);
    void removeListener(NativeSocket fd);
    void waitForCommand(int timeoutMs);
    std::string switchBackend(BackendKind kind);
    // from names the backend being left in the Backend event.
    std::string switchBackend(BackendKind kind, const std::string& from);
    std::string switchEpollMode(EpollMode mode);
    // Hands the poller to Connections, draining when it is edge-triggered in et-drain mode.
    void usePoller();
    // Copies the loop's mode into the counters that watchers read.
    void recordMode();
    void closeAll();

    EngineConfig m_config;
    // Declared before the channels: the behaviours of their connections refer to it.
    ServeDir m_serveDir;
    ChannelTable m_channels;
    LoopObserver m_observer;
    Connections m_connections;
    Acceptor m_acceptor;
    Datagrams m_datagrams;
    WaitInterrupt m_interrupt;
    std::unique_ptr<Poller> m_poller;
    std::vector<PollEvent> m_ready;
    CallDraft m_draft;
    BusyLoopDetector m_busy;

    // Loop-private mode; changed only by commands, on the loop thread.
    bool m_stopping = false;
    bool m_dead = false;
    bool m_paused = false;
    int m_stepsPending = 0;
    int m_slowMotionMs = 0;
    int m_timeoutMs = 1000;
    EpollMode m_epollMode = EpollMode::Level;

    std::thread m_thread;
    mutable std::mutex m_commandMutex;
    std::condition_variable m_commandReady;
    std::vector<LoopCommand> m_commands;
    std::atomic<int> m_pendingCommands{0};
};

}  // namespace ss
