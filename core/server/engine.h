// SPDX-License-Identifier: GPL-3.0-or-later
// The public face of the server engine. Thread-safe: any thread may call any method. The loop
// itself runs on a std::thread owned by the Engine and never touches Qt; commands reach it
// through a queue plus a wake-up descriptor that is watched like any other (role "wakeup").
// With EngineConfig::model other than Multiplexed the engine runs one of the IO-models
// chapter's servers that do not multiplex instead (core/models/model_server.h): the teaching
// controls of the wait call (pause, step, slow motion, timeout) do nothing there, and switching
// backend or epoll mode and adding listeners are refused with an error.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/trace_ring.h"

namespace ss {

class EventLoop;
class ModelServer;
struct LoopCommand;

class Engine {
public:
    explicit Engine(EngineConfig config);
    ~Engine();  // stops the loop and closes every descriptor
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Binds every configured listener on the calling thread (so "port in use" is reported here,
    // synchronously), then starts the loop thread. Returns false with a one-line *error.
    bool start(std::string* error);
    void stop();  // returns when the loop thread has ended; idempotent
    bool running() const;

    // Teaching controls. step() makes the paused loop perform exactly one wait call.
    void pause();
    void resume();
    void step();
    void setSlowMotion(int delayMs);
    void setTimeout(int timeoutMs);
    // Moves the interest list to another backend between two wait calls. Returns false with
    // *error when the backend is unavailable or cannot hold the current descriptors.
    bool switchBackend(BackendKind kind, std::string* error);
    // epoll only: registers every watched descriptor again, with or without EPOLLET, in a new
    // epoll instance between two wait calls, and reads from then on as the mode says. Returns
    // false with *error when the backend is not epoll; the mode is kept for later switches.
    bool setEpollMode(EpollMode mode, std::string* error);

    // Binds on the calling thread and hands the listener to the loop. Returns its fd, or -1.
    int addListener(const ListenerSpec& spec, std::string* error);
    void removeListener(int fd);

    // Consumer side of the trace. One watcher drains it (the GUI timer or the headless writer).
    TraceRing& trace();

    EngineStats stats() const;
    // The latest published snapshot of every watched descriptor. requestSnapshot() asks the loop
    // to publish a fresh one after its current iteration (kernel queues sampled then). *mark,
    // when given, says which call and event records the snapshot has seen.
    std::vector<DescriptorInfo> descriptors(SnapshotMark* mark = nullptr) const;
    void requestSnapshot();

    const EngineConfig& config() const;

private:
    // Posts c and waits (bounded) for the loop's answer: false with *error when it failed.
    bool ask(LoopCommand c, std::string* error);
    // The IO-model servers: false with *error saying that `what` needs a wait call.
    bool refuse(std::string_view what, std::string* error) const;

    // Exactly one of them exists, as config.model says.
    std::unique_ptr<EventLoop> m_loop;
    std::unique_ptr<ModelServer> m_model;
};

}  // namespace ss
