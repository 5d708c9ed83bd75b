// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_net.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/net/endpoint.h"

#ifndef _WIN32
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#endif

namespace ss::test {
namespace {

void setTimeouts(NativeSocket fd, int timeoutMs) {
#ifdef _WIN32
    // Winsock takes these timeouts as a DWORD of milliseconds; a timeval would be misread.
    const DWORD tv = static_cast<DWORD>(timeoutMs);
#else
    timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
#endif
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, reinterpret_cast<const char*>(&tv), sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, reinterpret_cast<const char*>(&tv), sizeof tv);
}

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

}  // namespace

Client::~Client() {
    close();
}

Client& Client::operator=(Client&& other) noexcept {
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        other.m_fd = kInvalidSocket;
    }
    return *this;
}

Client Client::connectTcp(int port, int timeoutMs) {
    initSocketPlatform();
    NativeSocket fd = socket(AF_INET, SOCK_STREAM, 0);
    setTimeouts(fd, timeoutMs);
    const sockaddr_in addr = loopback(port);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        closeSocket(fd);
        return Client();
    }
    return Client(fd);
}

Client Client::udp(int timeoutMs) {
    initSocketPlatform();
    NativeSocket fd = socket(AF_INET, SOCK_DGRAM, 0);
    setTimeouts(fd, timeoutMs);
    return Client(fd);
}

void Client::sendAll(std::string_view bytes) {
    while (!bytes.empty()) {
        // At most 64 KiB per send(): a blocking Winsock send() returns only when all of it is
        // sent, and when the send timeout strikes first it fails without saying how much went
        // out. Small pieces keep each send well inside the timeout and the count exact.
        const auto n = sendBytes(m_fd, bytes.data(), std::min<size_t>(bytes.size(), 64 * 1024));
        if (n <= 0)
            return;
        bytes.remove_prefix(size_t(n));
    }
}

void Client::sendOob(char byte) {
    ::send(m_fd, &byte, 1, MSG_OOB);
}

void Client::sendTo(int port, std::string_view bytes) {
    const sockaddr_in addr = loopback(port);
    ::sendto(m_fd, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr*>(&addr),
             sizeof addr);
}

std::string Client::recvOnce(size_t max) {
    std::string buf(max, '\0');
    const auto n = recvBytes(m_fd, buf.data(), max);
    buf.resize(n > 0 ? size_t(n) : 0);
    return buf;
}

std::string Client::recvFrom(size_t max) {
    std::string buf(max, '\0');
    const auto n = ::recvfrom(m_fd, buf.data(), max, 0, nullptr, nullptr);
    buf.resize(n > 0 ? size_t(n) : 0);
    return buf;
}

std::string Client::recvExactly(size_t n) {
    std::string out;
    while (out.size() < n) {
        // At most 64 KiB per recv(): a buffer of everything still missing would be allocated
        // and zeroed on every call, which for 24 MiB arriving in small pieces (as under Wine)
        // is slow enough to stall the peer that waits for this reader.
        std::string part = recvOnce(std::min<size_t>(n - out.size(), 64 * 1024));
        if (part.empty())
            break;
        out += part;
    }
    return out;
}

std::string Client::recvUntilClosed() {
    std::string out;
    for (;;) {
        std::string part = recvOnce(65536);
        if (part.empty())
            break;
        out += part;
    }
    return out;
}

bool Client::closedByPeer(int timeoutMs) {
    setTimeouts(m_fd, timeoutMs);
    char c;
    const auto n = recvBytes(m_fd, &c, 1);
#ifdef _WIN32
    // A Winsock receive timeout fails with WSAETIMEDOUT, where POSIX reports EAGAIN.
    if (n < 0 && lastSocketError() == WSAETIMEDOUT)
        return false;
#endif
    return n == 0 || (n < 0 && !isWouldBlock(lastSocketError()));
}

void Client::shutdownWrite() {
#ifdef _WIN32
    ::shutdown(m_fd, SD_SEND);
#else
    ::shutdown(m_fd, SHUT_WR);
#endif
}

void Client::resetOnClose() {
    linger lg{1, 0};
    setsockopt(m_fd, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&lg), sizeof lg);
}

void Client::close() {
    closeSocket(m_fd);
    m_fd = kInvalidSocket;
}

std::unique_ptr<Engine> startEngine(EngineConfig config) {
    if (config.snapshotIntervalMs == 0)
        config.snapshotIntervalMs = 20;
    auto engine = std::make_unique<Engine>(std::move(config));
    std::string error;
    if (!engine->start(&error)) {
        ADD_FAILURE() << "engine did not start: " << error;
        return nullptr;
    }
    return engine;
}

std::unique_ptr<Engine> startPreset(const std::string& name, EngineConfig config) {
    const Preset* preset = findPreset(name);
    if (!preset) {
        ADD_FAILURE() << "no preset " << name;
        return nullptr;
    }
    config.listeners = preset->listeners;
    for (ListenerSpec& l : config.listeners)
        l.endpoint.port = 0;
    config.timeoutMs = preset->timeoutMs;
    config.model = preset->model;
    return startEngine(std::move(config));
}

std::vector<int> listenerPorts(Engine& engine) {
    std::vector<int> ports;
    for (const DescriptorInfo& d : engine.descriptors()) {
        if (d.role != Role::Listener && d.role != Role::Udp)
            continue;
        ports.push_back(std::stoi(d.local.substr(d.local.rfind(':') + 1)));
    }
    return ports;
}

void Trace::drainFrom(Engine& engine) {
    engine.trace().drain([this](const CallRecord& c) { calls.push_back(c); },
                         [this](const SocketEvent& e) { events.push_back(e); });
}

size_t Trace::count(EventKind kind) const {
    size_t n = 0;
    for (const SocketEvent& e : events)
        n += e.kind == kind;
    return n;
}

const SocketEvent* Trace::last(EventKind kind) const {
    for (auto it = events.rbegin(); it != events.rend(); ++it)
        if (it->kind == kind)
            return &*it;
    return nullptr;
}

bool waitUntil(const std::function<bool()>& pred, int timeoutMs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return pred();
}

int openDescriptorCount() {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

}  // namespace ss::test
