// SPDX-License-Identifier: GPL-3.0-or-later
// Raw loopback sockets for the backend tests: a socket that closes itself, a connected pair
// made through a listener, bounded waits with the platform's own poll() (independent of the
// backend under test), and a watchdog that ends a test that hangs. No engine, no loop.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "core/net/platform.h"

#ifdef _WIN32
using SockLen = int;
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
using SockLen = socklen_t;
#endif

namespace ss::test::raw {

using ss::NativeSocket;

constexpr auto kTestBudget = std::chrono::seconds(10);
constexpr int kReadyWaitMs = 1000;  // a wait that should return at once; bounded anyway

#ifdef _WIN32
constexpr short kSettleRead = POLLRDNORM;
constexpr short kSettleOob = POLLRDBAND;
#else
constexpr short kSettleRead = POLLIN;
constexpr short kSettleOob = POLLPRI;
#endif

// Ends the process if a test runs longer than its budget, so a broken backend cannot hang CI.
class Watchdog {
public:
    explicit Watchdog(std::chrono::seconds budget)
        : m_thread([this, budget] {
              std::unique_lock<std::mutex> lock(m_mutex);
              if (m_cv.wait_for(lock, budget, [this] { return m_done; }))
                  return;
              std::fprintf(stderr, "watchdog: test exceeded its time budget\n");
              std::_Exit(3);
          }) {}
    ~Watchdog() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_one();
        m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
    std::thread m_thread;
};

class Socket {
public:
    explicit Socket(NativeSocket fd = ss::kInvalidSocket) : m_fd(fd) {}
    ~Socket() { ss::closeSocket(m_fd); }
    Socket(Socket&& other) noexcept : m_fd(other.release()) {}
    Socket& operator=(Socket&& other) noexcept {
        if (this != &other) {
            ss::closeSocket(m_fd);
            m_fd = other.release();
        }
        return *this;
    }
    NativeSocket fd() const { return m_fd; }
    int num() const { return ss::fdNumber(m_fd); }
    NativeSocket release() { return std::exchange(m_fd, ss::kInvalidSocket); }

private:
    NativeSocket m_fd;
};

struct Conn {
    Socket client;
    Socket server;  // the accepted end: the one the pollers watch
};

sockaddr_in loopback(uint16_t port);
// A non-blocking listener on an ephemeral loopback port; invalid on failure.
Socket listenLoopback();
uint16_t portOf(NativeSocket s);
// A blocking connect to a listening loopback socket completes from the backlog at once.
Socket connectTo(NativeSocket listener);
// Waits (bounded) with the platform's own poll() until fd shows `events`, independently of the
// backend under test, so that a test's single wait sees a condition that already exists.
bool settle(NativeSocket fd, short events);
// A client connected to listener and the server's accepted end, both non-blocking.
Conn connectPair(NativeSocket listener);
void sendText(const Socket& s, const char* text);
std::string recvText(const Socket& s);

}  // namespace ss::test::raw
