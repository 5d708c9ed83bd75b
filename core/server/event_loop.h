// The loop, written once for every backend. It owns the descriptors, the poller and the trace
// ring's producer side, and runs on its own std::thread. Everything else talks to it through
// post() (a command queue plus the wake-up descriptor) or reads what it publishes (stats and
// descriptor snapshots, under a mutex taken once per iteration at most).
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../poller/poller.h"
#include "../trace/trace_ring.h"
#include "behaviour.h"
#include "channel.h"
#include "engine_config.h"
#include "serve_dir.h"
#include "wakeup.h"

namespace ss {

struct LoopCommand {
    enum class Type : uint8_t {
        Pause,
        Resume,
        Step,
        SlowMotion,
        Timeout,
        SwitchBackend,
        AdoptListener,
        RemoveListener,
        Stop
    };
    explicit LoopCommand(Type t = Type::Stop, int v = 0) : type(t), value(v) {}
    Type type;
    int value;
    NativeSocket fd = kInvalidSocket;
    std::shared_ptr<const ListenerSpec> spec;
    // SwitchBackend answers through this: empty string on success, else the reason.
    std::shared_ptr<std::string> result;
    std::shared_ptr<std::atomic<bool>> done;
};

class EventLoop final : public LoopApi {
public:
    explicit EventLoop(EngineConfig config);
    ~EventLoop() override;

    bool start(std::string* error);
    void stop();
    bool running() const { return m_thread.joinable(); }
    void post(LoopCommand command);
    // Posts a command and waits (bounded) until the loop has handled it.
    bool postAndWait(LoopCommand command, int timeoutMs);

    TraceRing& ring() { return m_ring; }
    const EngineConfig& config() const { return m_config; }
    EngineStats stats() const;
    std::vector<DescriptorInfo> descriptors() const;
    void requestSnapshot();

    // LoopApi, for behaviours (loop thread only).
    void reply(Channel& ch, std::string_view bytes) override;
    void broadcast(Channel& from, std::string_view bytes) override;
    void finish(Channel& ch) override;
    void fail(Channel& ch, std::string_view why) override;
    HttpStats httpStats() const override;
    const ServeDir& serveDir() const override { return m_serveDir; }
    uint64_t maxQueueBytes() const override { return m_config.maxQueueBytes; }

private:
    // event_loop.cpp: the thread, the iteration, commands.
    void run();
    bool iterate();
    int effectiveTimeout() const;
    void dispatch(const PollEvent& ev);
    void processCommands();
    void apply(LoopCommand& command);
    void waitForCommand(int timeoutMs);
    std::string switchBackend(BackendKind kind);
    void afterIteration();

    // event_loop_io.cpp: sockets.
    void adoptListener(NativeSocket fd, std::shared_ptr<const ListenerSpec> spec);
    void acceptFrom(Channel& listener);
    void acceptOne(Channel& listener, NativeSocket fd);
    void handleAcceptExhaustion(Channel& listener, int err);
    void resumeListeners();
    void handleConnection(Channel& ch, uint8_t ready);
    void readFrom(Channel& ch);
    void readUrgent(Channel& ch);
    void flush(Channel& ch);
    void afterHandler(Channel& ch);
    void readDatagram(Channel& ch);
    void flushDatagrams(Channel& ch);
    void queueBytes(Channel& ch, std::string_view bytes);
    void updateBackpressure(Channel& ch);
    void updateInterest(Channel& ch);
    void markClose(Channel& ch, CloseReason reason, int err);
    void closeChannel(Channel& ch, CloseReason reason, int err);
    void closeAll();

    // event_loop_trace.cpp: events, stats, snapshots.
    void emit(EventKind kind, const Channel* ch, int64_t bytes = 0, int64_t aux = 0, int err = 0,
              std::string_view preview = {}, std::string_view text = {});
    void note(std::string_view text);
    void publishStats();
    void publishSnapshot();
    DescriptorInfo describe(const Channel& ch, int64_t now) const;

    EngineConfig m_config;
    ServeDir m_serveDir;
    TraceRing m_ring;
    Wakeup m_wakeup;
    std::unique_ptr<Poller> m_poller;
    ChannelTable m_channels;
    std::vector<PollEvent> m_ready;
    CallDraft m_draft;
    std::vector<char> m_readBuffer;
    NativeSocket m_spareFd = kInvalidSocket;  // released to refuse connections under EMFILE
    int64_t m_baseNs = 0;
    uint64_t m_callNumber = 0, m_eventNumber = 0;
    int m_pausedListeners = 0;

    // Loop-private mode; changed only by commands, on the loop thread.
    bool m_stopping = false;
    bool m_paused = false;
    int m_stepsPending = 0;
    int m_slowMotionMs = 0;
    int m_timeoutMs = 1000;
    EngineStats m_stats;  // exact counters, loop thread only

    std::thread m_thread;
    mutable std::mutex m_commandMutex;
    std::condition_variable m_commandReady;
    std::vector<LoopCommand> m_commands;
    std::atomic<int> m_pendingCommands{0};
    std::atomic<bool> m_inWait{false};

    mutable std::mutex m_publishMutex;
    EngineStats m_publishedStats;
    std::vector<DescriptorInfo> m_snapshot;
    std::atomic<bool> m_snapshotRequested{false};
    int64_t m_lastSnapshotNs = 0;
};

}  // namespace ss
