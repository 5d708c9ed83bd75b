// SPDX-License-Identifier: GPL-3.0-or-later
// The load generator against real loopback sockets: a tiny echo server runs on its own thread
// (plain poll() loop, port 0) and can be told to misbehave, so the generator's verification,
// churn, reset and refusal paths are all exercised. Every run is bounded by a round-trip quota
// and a duration, so no test can take more than a few seconds even when something is wrong.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "core/load/load_generator.h"
#include "core/net/platform.h"
#include "tests/support/test_net.h"

#ifndef _WIN32
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#endif

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

enum class Misbehaviour { None, FlipFirstByte, CloseAfterFirstRead };

int pollSockets(std::vector<pollfd>& fds, int ms) {
#ifdef _WIN32
    return WSAPoll(fds.data(), static_cast<ULONG>(fds.size()), ms);
#else
    return ::poll(fds.data(), fds.size(), ms);
#endif
}

// Binds 127.0.0.1 on an ephemeral port; listens only when asked (a bound socket that does not
// listen answers SYN with RST, which is how the refusal test gets a port nobody serves).
ss::NativeSocket bindLoopback(bool listening, uint16_t* port) {
    ss::NativeSocket s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    if (listening) {
        EXPECT_EQ(listen(s, 128), 0);
    }
    socklen_t len = sizeof addr;
    getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    *port = ntohs(addr.sin_port);
    return s;
}

class TestEchoServer {
public:
    explicit TestEchoServer(Misbehaviour mode = Misbehaviour::None) : m_mode(mode) {
        ss::initSocketPlatform();
        m_listener = bindLoopback(true, &m_port);
        ss::setNonBlocking(m_listener);
        m_thread = std::thread([this] { run(); });
    }
    ~TestEchoServer() {
        m_stop = true;
        m_thread.join();
        for (const auto& p : m_fds)
            ss::closeSocket(p.fd);
    }
    uint16_t port() const { return m_port; }

private:
    void run() {
        m_fds.push_back({m_listener, POLLIN, 0});
        while (!m_stop) {
            if (pollSockets(m_fds, 20) <= 0)
                continue;
            for (size_t i = m_fds.size(); i-- > 1;) {
                if (m_fds[i].revents != 0 && !serve(m_fds[i].fd)) {
                    ss::closeSocket(m_fds[i].fd);
                    m_fds.erase(m_fds.begin() + static_cast<std::ptrdiff_t>(i));
                }
            }
            if (m_fds[0].revents & POLLIN)
                acceptAll();
        }
    }

    void acceptAll() {
        for (;;) {
            ss::NativeSocket c = accept(m_listener, nullptr, nullptr);
            if (c == ss::kInvalidSocket)
                return;
            ss::setNonBlocking(c);
            m_fds.push_back({c, POLLIN, 0});
        }
    }

    // Echoes one read back, blocking-style: the test messages are small enough for the socket
    // buffers, and a short write would only make the generator wait (and the test time out).
    bool serve(ss::NativeSocket fd) {
        char buf[4096];
        const auto n = ss::recvBytes(fd, buf, sizeof buf);
        if (n <= 0)
            return n < 0 && ss::isWouldBlock(ss::lastSocketError());
        if (m_mode == Misbehaviour::CloseAfterFirstRead)
            return false;
        if (m_mode == Misbehaviour::FlipFirstByte)
            buf[0] = static_cast<char>(~buf[0]);
        for (ss::ssize_type off = 0; off < n && !m_stop;) {
            const auto w = ss::sendBytes(fd, buf + off, static_cast<size_t>(n - off));
            if (w > 0)
                off += w;
            if (w < 0 && !ss::isWouldBlock(ss::lastSocketError()))
                return false;
        }
        return true;
    }

    Misbehaviour m_mode;
    ss::NativeSocket m_listener = ss::kInvalidSocket;
    uint16_t m_port = 0;
    std::vector<pollfd> m_fds;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

ss::LoadConfig boundedConfig(uint16_t port) {
    ss::LoadConfig c;
    c.port = port;
    c.connections = 4;
    c.messageSize = 100;
    c.maxRoundTrips = 2000;
    c.duration = 3s;
    return c;
}

ss::LoadStats runToEnd(const ss::LoadConfig& config) {
    ss::LoadGenerator gen(config);
    EXPECT_TRUE(gen.start());
    gen.wait();
    EXPECT_FALSE(gen.running());
    return gen.stats();
}

TEST(LatencyHistogram, BucketsAreMonotonicAndBoundTheirValues) {
    int previous = 0;
    for (uint64_t v = 0; v < (uint64_t{1} << 30); v = v * 5 / 4 + 1) {
        const int b = ss::LatencyHistogram::bucketOf(v);
        EXPECT_GE(b, previous);
        EXPECT_LT(b, ss::LatencyHistogram::kBucketCount);
        EXPECT_GE(ss::LatencyHistogram::upperBoundOf(b), v);
        EXPECT_LE(ss::LatencyHistogram::upperBoundOf(b), v + v / 16 + 1);
        previous = b;
    }
    EXPECT_EQ(ss::LatencyHistogram::bucketOf(~uint64_t{0}), ss::LatencyHistogram::kBucketCount - 1);
}

TEST(LatencyHistogram, PercentilesComeFromTheCounts) {
    ss::LatencyHistogram h;
    for (int i = 0; i < 99; ++i)
        h.record(10'000);  // 10 us
    h.record(5'000'000);   // 5 ms
    ss::LatencyHistogram::Counts counts{};
    h.addTo(&counts);
    EXPECT_NEAR(ss::percentileUs(counts, 50), 10.0, 1.0);
    EXPECT_NEAR(ss::percentileUs(counts, 99), 10.0, 1.0);
    EXPECT_NEAR(ss::percentileUs(counts, 100), 5000.0, 5000.0 / 16);
}

TEST(LoadGenerator, EveryByteEchoedIsTheByteSent) {
    TestEchoServer server;
    const auto s = runToEnd(boundedConfig(server.port()));
    EXPECT_GT(s.roundTrips, 0u);
    EXPECT_GE(s.bytesReceived, s.roundTrips * 100);
    EXPECT_EQ(s.mismatchedBytes, 0u);
    EXPECT_EQ(s.connectErrors, 0u);
    EXPECT_EQ(s.resets, 0u);
    EXPECT_EQ(s.activeConnections, 0);
    EXPECT_GT(s.p50Us, 0.0);
    EXPECT_LE(s.p50Us, s.p99Us);
    EXPECT_LE(s.p99Us, s.maxUs);
}

TEST(LoadGenerator, LargeMessagesAcrossThreads) {
    TestEchoServer server;
    auto config = boundedConfig(server.port());
    config.messageSize = 300 * 1024;  // bigger than a socket buffer: echo overlaps the send
    config.threads = 2;
    config.maxRoundTrips = 40;
    const auto s = runToEnd(config);
    EXPECT_GT(s.roundTrips, 0u);
    EXPECT_GE(s.bytesReceived, s.roundTrips * config.messageSize);
    EXPECT_EQ(s.mismatchedBytes, 0u);
}

TEST(LoadGenerator, CorruptedEchoIsCounted) {
    TestEchoServer server(Misbehaviour::FlipFirstByte);
    auto config = boundedConfig(server.port());
    config.maxRoundTrips = 200;
    const auto s = runToEnd(config);
    EXPECT_GT(s.roundTrips, 0u);
    EXPECT_GE(s.mismatchedBytes, s.roundTrips);  // at least one flipped byte per reply
}

TEST(LoadGenerator, ChurnReconnects) {
    TestEchoServer server;
    auto config = boundedConfig(server.port());
    config.churnAfter = 5;
    config.maxRoundTrips = 200;
    const auto s = runToEnd(config);
    EXPECT_GE(s.roundTrips, 200u);
    EXPECT_GE(s.reconnects, 200u / 5 - config.connections);
    EXPECT_EQ(s.mismatchedBytes, 0u);
}

TEST(LoadGenerator, ChurnWithResetLeavesNoErrors) {
    TestEchoServer server;
    auto config = boundedConfig(server.port());
    config.churnAfter = 3;
    config.resetOnChurn = true;
    config.maxRoundTrips = 120;
    const auto s = runToEnd(config);
    EXPECT_GE(s.reconnects, 120u / 3 - config.connections);
    EXPECT_EQ(s.mismatchedBytes, 0u);
    EXPECT_EQ(s.connectErrors, 0u);
}

TEST(LoadGenerator, PeerCloseIsCountedAsReset) {
    TestEchoServer server(Misbehaviour::CloseAfterFirstRead);
    const auto s = runToEnd(boundedConfig(server.port()));
    EXPECT_EQ(s.roundTrips, 0u);
    EXPECT_EQ(s.resets, 4u);  // without churn each lost connection stays lost and the run ends
}

TEST(LoadGenerator, StopReturnsPromptly) {
    TestEchoServer server;
    for (double rate : {0.0, 1.0}) {  // closed loop, and paused between slow sends
        auto config = boundedConfig(server.port());
        config.maxRoundTrips = 0;
        config.duration = 0s;
        config.ratePerConnection = rate;
        ss::LoadGenerator gen(config);
        ASSERT_TRUE(gen.start());
        ASSERT_TRUE(ss::test::waitUntil([&] { return gen.stats().roundTrips > 0; }));
        EXPECT_TRUE(gen.running());
        const auto before = Clock::now();
        gen.stop();
        EXPECT_LT(Clock::now() - before, 1s);
    }
}

TEST(LoadGenerator, RateLimitsRoundTrips) {
    TestEchoServer server;
    auto config = boundedConfig(server.port());
    config.connections = 2;
    config.ratePerConnection = 50;
    config.maxRoundTrips = 0;
    config.duration = 400ms;
    const auto s = runToEnd(config);
    EXPECT_GT(s.roundTrips, 0u);
    EXPECT_LE(s.roundTrips, 2u * (50 * 4 / 10 + 1));  // never faster than asked
}

TEST(LoadGenerator, RefusedConnectionIsCountedNotHung) {
    uint16_t port = 0;
    const ss::NativeSocket closedDoor = bindLoopback(false, &port);
    auto config = boundedConfig(port);
    config.connections = 3;
    const auto before = Clock::now();
    const auto s = runToEnd(config);
    EXPECT_LT(Clock::now() - before, 2s);
    EXPECT_EQ(s.connectErrors, 3u);
    EXPECT_EQ(s.roundTrips, 0u);
    ss::closeSocket(closedDoor);
}

TEST(LoadGenerator, RefusedWithChurnRetriesUntilStopped) {
    uint16_t port = 0;
    const ss::NativeSocket closedDoor = bindLoopback(false, &port);
    auto config = boundedConfig(port);
    config.connections = 2;
    config.churnAfter = 10;
    config.duration = 0s;
    ss::LoadGenerator gen(config);
    ASSERT_TRUE(gen.start());
    // Retried with backoff, not given up: more refusals than connections.
    EXPECT_TRUE(ss::test::waitUntil([&] { return gen.stats().connectErrors > 2; }));
    const auto before = Clock::now();
    gen.stop();
    EXPECT_LT(Clock::now() - before, 1s);
    ss::closeSocket(closedDoor);
}

TEST(LoadGenerator, BadConfigurationIsRejected) {
    ss::LoadConfig config;
    config.port = 9;
    config.host = "not-an-address";
    ss::LoadGenerator gen(config);
    std::string error;
    EXPECT_FALSE(gen.start(&error));
    EXPECT_FALSE(error.empty());
}

}  // namespace
