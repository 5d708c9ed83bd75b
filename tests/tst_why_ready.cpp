// SPDX-License-Identifier: GPL-3.0-or-later
// "Why is it ready?": the kernel facts the engine samples right after a wait call for each
// descriptor that came back ready, and the interest-list changes (epoll_ctl) that the next call's
// record carries. A paused engine is stepped one wait call at a time on real loopback sockets;
// before each step the test waits (bounded) until the condition exists in the kernel, so the
// step's single call sees it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/net/queue_probe.h"
#include "core/poller/poller.h"
#include "tests/support/raw_sockets.h"
#include "tests/support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

const ReadyFacts* factsFor(const CallRecord& call, int32_t fd) {
    for (const ReadyFacts& f : call.why)
        if (f.fd == fd)
            return &f;
    return nullptr;
}

bool sortedByFd(const CallRecord& call) {
    return std::is_sorted(call.why.begin(), call.why.end(),
                          [](const ReadyFacts& a, const ReadyFacts& b) { return a.fd < b.fd; });
}

class WhyReady : public ::testing::TestWithParam<BackendKind> {
protected:
    void SetUp() override {
        EngineConfig config;
        config.backend = GetParam();
        config.timeoutMs = 100;
        config.startPaused = true;
        // except: the urgent byte comes back in the except set and the server reads it.
        config.listeners = {*parseListenSpec("127.0.0.1:0,except=echo", nullptr)};
        m_engine = startEngine(config);
        ASSERT_TRUE(m_engine);
        m_engine->requestSnapshot();
        for (const DescriptorInfo& d : m_engine->descriptors())
            if (d.role == Role::Listener)
                m_listener = d.fd;
        ASSERT_GE(m_listener, 0);
        m_port = listenerPorts(*m_engine).at(0);
    }

    // Steps the paused engine once and returns the record of the call it made.
    CallRecord step() {
        const size_t before = m_trace.calls.size();
        const uint64_t callsBefore = m_engine->stats().waitCalls;
        m_engine->step();
        EXPECT_TRUE(waitUntil([&] { return m_engine->stats().waitCalls == callsBefore + 1; }));
        EXPECT_TRUE(waitUntil([&] {
            m_trace.drainFrom(*m_engine);
            return m_trace.calls.size() == before + 1;
        }));
        return m_trace.calls.size() > before ? m_trace.calls.back() : CallRecord{};
    }

    // Connects a client and steps until the server accepted it; returns the server's fd.
    int32_t acceptClient(Client& client) {
        client = Client::connectTcp(m_port);
        EXPECT_TRUE(client.valid());
        EXPECT_TRUE(raw::settle(NativeSocket(m_listener), raw::kSettleRead));
        const size_t accepted = m_trace.count(EventKind::Accept);
        step();
        m_trace.drainFrom(*m_engine);
        EXPECT_EQ(m_trace.count(EventKind::Accept), accepted + 1);
        const SocketEvent* accept = m_trace.last(EventKind::Accept);
        return accept ? accept->fd : -1;
    }

    // Steps once with conn readable and returns its facts (empty facts if it was not ready).
    ReadyFacts stepReadable(int32_t conn, short events = raw::kSettleRead) {
        EXPECT_TRUE(raw::settle(NativeSocket(conn), events));
        const CallRecord call = step();
        EXPECT_TRUE(sortedByFd(call));
        const ReadyFacts* f = factsFor(call, conn);
        EXPECT_NE(f, nullptr) << "fd " << conn << " has no facts in call " << call.number;
        return f ? *f : ReadyFacts{};
    }

    std::unique_ptr<Engine> m_engine;
    Trace m_trace;
    int32_t m_listener = -1;
    int m_port = 0;
};

TEST_P(WhyReady, ListenerWithTwoPendingConnections) {
    Client first = Client::connectTcp(m_port), second = Client::connectTcp(m_port);
    ASSERT_TRUE(first.valid() && second.valid());
#ifdef __linux__
    // The handshake's last ACK reaches the listener just after connect() returns.
    ASSERT_TRUE(
        waitUntil([&] { return listenerAcceptQueue(NativeSocket(m_listener)).pending == 2; }));
#endif
    ASSERT_TRUE(raw::settle(NativeSocket(m_listener), raw::kSettleRead));
    const CallRecord call = step();
    ASSERT_EQ(call.readyRead, std::vector<int32_t>{m_listener});
    ASSERT_EQ(call.why.size(), 1u);
    const ReadyFacts& f = call.why[0];
    EXPECT_EQ(f.fd, m_listener);
#ifdef __linux__
    EXPECT_EQ(f.acceptQueue, 2);
#endif
    EXPECT_EQ(f.recvQueue, -1);
    EXPECT_EQ(f.flags, 0);
}

TEST_P(WhyReady, ConnectionWithFiveUnreadBytes) {
    Client client;
    const int32_t conn = acceptClient(client);
    ASSERT_GE(conn, 0);
    client.sendAll("hello");
    ASSERT_TRUE(waitUntil([&] { return kernelRecvQueue(NativeSocket(conn)) == 5; }));
    const ReadyFacts f = stepReadable(conn);
    EXPECT_EQ(f.recvQueue, 5);
    EXPECT_EQ(f.acceptQueue, -1);
    EXPECT_EQ(f.sendFree, -1);  // not asked: it came back readable, not writable
    EXPECT_EQ(f.flags, 0);      // bytes waiting explain it; FIN and urgent mark are not asked
    EXPECT_EQ(client.recvExactly(5), "hello");  // sampling took nothing from the stream
}

#ifdef __linux__
TEST_P(WhyReady, HalfClosedPeer) {
    Client client;
    const int32_t conn = acceptClient(client);
    ASSERT_GE(conn, 0);
    client.shutdownWrite();
    const ReadyFacts f = stepReadable(conn);
    EXPECT_EQ(f.flags, ReadyFacts::PeerClosed);
    EXPECT_EQ(f.recvQueue, 0);
    // The server then read the EOF and closed as it always does.
    ASSERT_TRUE(waitUntil([&] {
        m_trace.drainFrom(*m_engine);
        return m_trace.last(EventKind::Close) != nullptr;
    }));
    EXPECT_EQ(CloseReason(m_trace.last(EventKind::Close)->aux), CloseReason::PeerClosed);
}

// The pending error is not consumed by the sampling: the server's recv() still fails with
// ECONNRESET, so the close reason is the peer's reset, as it is without sampling.
TEST_P(WhyReady, ResetPeer) {
    Client client;
    const int32_t conn = acceptClient(client);
    ASSERT_GE(conn, 0);
    client.resetOnClose();
    client.close();
    const ReadyFacts f = stepReadable(conn);
    EXPECT_TRUE(f.flags & ReadyFacts::Reset) << int(f.flags);
    EXPECT_FALSE(f.flags & ReadyFacts::PeerClosed);
    ASSERT_TRUE(waitUntil([&] {
        m_trace.drainFrom(*m_engine);
        return m_trace.last(EventKind::Close) != nullptr;
    }));
    const SocketEvent* close = m_trace.last(EventKind::Close);
    EXPECT_EQ(CloseReason(close->aux), CloseReason::PeerReset);
    EXPECT_TRUE(isConnectionReset(close->err)) << close->err;
}
#endif

#ifndef _WIN32
TEST_P(WhyReady, UrgentByte) {
    Client client;
    const int32_t conn = acceptClient(client);
    ASSERT_GE(conn, 0);
    client.sendOob('!');
    const ReadyFacts f = stepReadable(conn, raw::kSettleOob);
    EXPECT_TRUE(f.flags & ReadyFacts::Urgent) << int(f.flags);
    ASSERT_TRUE(waitUntil([&] {
        m_trace.drainFrom(*m_engine);
        return m_trace.last(EventKind::Urgent) != nullptr;
    }));
    EXPECT_EQ(m_trace.last(EventKind::Urgent)->preview, "!");
}
#endif

#ifndef _WIN32
// The send-space probe behind "writable: N bytes free": a fresh connection has room; one whose
// peer reads nothing fills until send() would block, and then has none left.
TEST(SendFree, ShrinksAsTheSendBufferFills) {
    raw::Socket listener = raw::listenLoopback();
    ASSERT_NE(listener.fd(), kInvalidSocket);
    raw::Conn pair = raw::connectPair(listener.fd());
    ASSERT_NE(pair.server.fd(), kInvalidSocket);
    const int64_t fresh = kernelSendFree(pair.server.fd());
    EXPECT_GT(fresh, 0);
    const std::string chunk(64 * 1024, 'x');
    int64_t queued = 0;
    for (int i = 0; i < 100000; ++i) {
        const ssize_type n = sendBytes(pair.server.fd(), chunk.data(), chunk.size());
        if (n < 0)
            break;
        queued += n;
    }
    ASSERT_TRUE(isWouldBlock(lastSocketError()));
    EXPECT_GT(queued, 0);
    const int64_t full = kernelSendFree(pair.server.fd());
    EXPECT_GE(full, 0);
    EXPECT_LT(full, fresh);
    EXPECT_LT(full, kernelSendQueue(pair.server.fd()));
}
#endif

// A call that returns nothing ready has nothing to explain.
TEST_P(WhyReady, TimeoutHasNoFacts) {
    const CallRecord call = step();
    EXPECT_EQ(call.ret, 0);
    EXPECT_TRUE(call.why.empty());
}

// select, poll and WSAPoll pass their whole interest with every call: no changes. epoll's
// records carry the epoll_ctl calls made since the previous wait, in order.
TEST_P(WhyReady, InterestChangesBetweenCalls) {
    using Op = InterestChange::Op;
    const bool kernelList = GetParam() == BackendKind::Epoll || GetParam() == BackendKind::Kqueue;
    const CallRecord first = step();
    std::vector<InterestChange> expected;
    if (kernelList)
        expected.push_back({Op::Add, m_listener, uint8_t(kRead | kExcept)});
    const auto same = [](const std::vector<InterestChange>& a,
                         const std::vector<InterestChange>& b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
                   // The default --epoll-mode lt: no change is edge-triggered.
                   return x.op == y.op && x.fd == y.fd && x.interest == y.interest &&
                          x.edgeTriggered == y.edgeTriggered;
               });
    };
    if (GetParam() == BackendKind::Kqueue) {
        // kqueue adds the read filter for the listener only: it has no except filter for it.
        ASSERT_EQ(first.changes.size(), 1u);
        EXPECT_EQ(first.changes[0].fd, m_listener);
    } else {
        EXPECT_TRUE(same(first.changes, expected)) << first.changes.size();
    }

    // Two clients wait; one call accepts both; the next call carries their two ADDs in order.
    Client a = Client::connectTcp(m_port), b = Client::connectTcp(m_port);
    ASSERT_TRUE(a.valid() && b.valid());
    ASSERT_TRUE(raw::settle(NativeSocket(m_listener), raw::kSettleRead));
    const CallRecord acceptCall = step();
    EXPECT_TRUE(acceptCall.changes.empty());
    m_trace.drainFrom(*m_engine);
    std::vector<int32_t> accepted;
    for (const SocketEvent& e : m_trace.events)
        if (e.kind == EventKind::Accept)
            accepted.push_back(e.fd);
    ASSERT_GE(accepted.size(), 1u);
    const CallRecord next = step();
    expected.clear();
    if (kernelList)
        for (int32_t fd : accepted)
            expected.push_back({Op::Add, fd, uint8_t(kRead | kExcept)});
    EXPECT_TRUE(same(next.changes, expected)) << next.changes.size();

    // A client leaves: the server closes, and the call after that carries the DEL.
    a.close();
    const int32_t gone = accepted[0];
    ASSERT_TRUE(raw::settle(NativeSocket(gone), raw::kSettleRead));
    step();
    const CallRecord afterClose = step();
    expected.clear();
    if (kernelList)
        expected.push_back({Op::Delete, gone, 0});
    EXPECT_TRUE(same(afterClose.changes, expected)) << afterClose.changes.size();
}

INSTANTIATE_TEST_SUITE_P(Backends, WhyReady, ::testing::ValuesIn(availableBackends()),
                         [](const auto& info) { return std::string(backendName(info.param)); });

}  // namespace
