// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for tests that drive real loopback sockets: blocking clients with timeouts, so that a
// broken server fails a test instead of hanging it, and an engine started on ephemeral ports.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/net/platform.h"
#include "core/server/engine.h"
#include "core/server/presets.h"

namespace ss::test {

constexpr int kIoTimeoutMs = 3000;

// A blocking TCP or UDP client socket with send/receive timeouts.
class Client {
public:
    Client() = default;
    explicit Client(NativeSocket fd) : m_fd(fd) {}
    ~Client();
    Client(Client&& other) noexcept : m_fd(other.m_fd) { other.m_fd = kInvalidSocket; }
    Client& operator=(Client&& other) noexcept;

    static Client connectTcp(int port, int timeoutMs = kIoTimeoutMs);
    static Client udp(int timeoutMs = kIoTimeoutMs);

    bool valid() const { return m_fd != kInvalidSocket; }
    NativeSocket fd() const { return m_fd; }
    void sendAll(std::string_view bytes);
    void sendOob(char byte);
    void sendTo(int port, std::string_view bytes);
    // One recv() of at most max bytes, like the tutorials' recv(1024); "" on EOF or timeout.
    std::string recvOnce(size_t max = 1024);
    std::string recvFrom(size_t max = 1024);
    // Reads until exactly n bytes arrived (or EOF/timeout: then fewer).
    std::string recvExactly(size_t n);
    // Reads until the peer closes (or timeout); returns everything.
    std::string recvUntilClosed();
    // True when the peer closed (recv returns 0) within the timeout.
    bool closedByPeer(int timeoutMs = kIoTimeoutMs);
    void shutdownWrite();
    void resetOnClose();  // SO_LINGER {1, 0}: close() sends RST
    void close();

private:
    NativeSocket m_fd = kInvalidSocket;
};

// Starts an engine on a preset moved to ephemeral ports (port 0). Returns null on failure and
// records a gtest failure with the engine's error.
std::unique_ptr<Engine> startPreset(const std::string& name, EngineConfig config = {});
std::unique_ptr<Engine> startEngine(EngineConfig config);

// The port each listener got, in the order of config().listeners.
std::vector<int> listenerPorts(Engine& engine);

// Collects the trace the engine recorded so far (draining its ring).
struct Trace {
    std::vector<CallRecord> calls;
    std::vector<SocketEvent> events;
    void drainFrom(Engine& engine);
    size_t count(EventKind kind) const;
    const SocketEvent* last(EventKind kind) const;
};

// Polls pred every few milliseconds until it holds or timeoutMs passes.
bool waitUntil(const std::function<bool()>& pred, int timeoutMs = kIoTimeoutMs);

// How many descriptors this process has open (Linux: /proc/self/fd).
int openDescriptorCount();

}  // namespace ss::test
