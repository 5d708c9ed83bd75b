// SPDX-License-Identifier: GPL-3.0-or-later
// --epoll-mode on real loopback sockets, with recv=4 so that one recv() cannot take a 10-byte
// message: level-triggered epoll reports the rest again; EPOLLET with one read per report leaves
// it in the kernel's queue, unreported; EPOLLET with reads until EAGAIN delivers all of it. The
// loop runs with a short timeout, so that "never reported again" is checked over many calls.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#ifdef __linux__
#include <sys/socket.h>
#endif

#include "core/net/queue_probe.h"
#include "core/poller/poller.h"
#include "tests/support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

constexpr const char* kMessage = "0123456789";
constexpr int kCallsAfter = 5;  // wait calls that must pass without the stalled connection

EngineConfig echoRecv4(EpollMode mode, BackendKind backend = BackendKind::Epoll) {
    EngineConfig config;
    config.backend = backend;
    config.epollMode = mode;
    config.timeoutMs = 20;
    config.listeners = {*parseListenSpec("127.0.0.1:0,recv=4=echo", nullptr)};
    return config;
}

bool contains(const std::vector<int32_t>& fds, int32_t fd) {
    return std::find(fds.begin(), fds.end(), fd) != fds.end();
}

// The recorded epoll_ctl change of `op` for fd, or null.
const InterestChange* changeFor(const Trace& trace, InterestChange::Op op, int32_t fd) {
    for (const CallRecord& call : trace.calls)
        for (const InterestChange& c : call.changes)
            if (c.op == op && c.fd == fd)
                return &c;
    return nullptr;
}

// The connection's row of a fresh descriptor snapshot; fd -1 when there is none.
DescriptorInfo connectionRow(Engine& engine) {
    engine.requestSnapshot();
    for (const DescriptorInfo& d : engine.descriptors())
        if (d.role == Role::Connection)
            return d;
    return {};
}

// Waits until the kernel queue of the server's connection holds `bytes`, as the descriptor
// table samples it.
bool recvQueueBecomes(Engine& engine, int64_t bytes) {
    return waitUntil([&] { return connectionRow(engine).kernelRecvQueue == bytes; });
}

// Lets the loop make `calls` more wait calls.
bool moreCalls(Engine& engine, uint64_t calls) {
    const uint64_t target = engine.stats().waitCalls + calls;
    return waitUntil([&] { return engine.stats().waitCalls >= target; });
}

// Bytes the client could read right now, without waiting.
std::string pendingAtClient(const Client& client) {
#ifdef __linux__
    char buf[64];
    const ssize_t n = ::recv(client.fd(), buf, sizeof buf, MSG_DONTWAIT);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
#else
    (void)client;
    return {};
#endif
}

class EpollModeTest : public ::testing::Test {
protected:
    void SetUp() override {
#ifndef __linux__
        GTEST_SKIP() << "epoll is Linux only";
#endif
    }
};

// The classic mistake: EPOLLET, one recv(4) per report. 4 bytes come back; 6 stay in the
// kernel's queue and no later wait call reports the connection.
TEST_F(EpollModeTest, EdgeTriggeredSingleReadLeavesTheRestUnreported) {
    auto engine = startEngine(echoRecv4(EpollMode::Edge));
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    client.sendAll(kMessage);
    EXPECT_EQ(client.recvExactly(4), "0123");

    ASSERT_TRUE(recvQueueBecomes(*engine, 6));
    const int32_t conn = connectionRow(*engine).fd;
    ASSERT_GE(conn, 0);
    Trace trace;
    trace.drainFrom(*engine);
    const size_t callsBefore = trace.calls.size();
    ASSERT_TRUE(moreCalls(*engine, kCallsAfter));
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.calls.size() >= callsBefore + kCallsAfter;
    }));
    for (size_t i = callsBefore; i < trace.calls.size(); ++i)
        EXPECT_FALSE(contains(trace.calls[i].readyRead, conn)) << "call " << trace.calls[i].number;
    EXPECT_EQ(connectionRow(*engine).kernelRecvQueue, 6);
    EXPECT_EQ(trace.count(EventKind::Recv), 1u);
    EXPECT_EQ(engine->stats().bytesIn, 4u);
    EXPECT_EQ(engine->stats().bytesOut, 4u);
    EXPECT_EQ(pendingAtClient(client), "");

    const InterestChange* add = changeFor(trace, InterestChange::Op::Add, conn);
    ASSERT_NE(add, nullptr);
    EXPECT_TRUE(add->edgeTriggered);
    EXPECT_EQ(add->interest, kRead);
}

// EPOLLET done right: recv(4) until EAGAIN delivers all 10 bytes, in order, and the kernel's
// queue ends empty.
TEST_F(EpollModeTest, EdgeTriggeredDrainDeliversEverything) {
    auto engine = startEngine(echoRecv4(EpollMode::EdgeDrain));
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    client.sendAll(kMessage);
    EXPECT_EQ(client.recvExactly(10), kMessage);
    ASSERT_TRUE(recvQueueBecomes(*engine, 0));
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.count(EventKind::Recv) == 3;  // 4 + 4 + 2
    }));
    const int32_t conn = trace.last(EventKind::Recv)->fd;
    const InterestChange* add = changeFor(trace, InterestChange::Op::Add, conn);
    ASSERT_NE(add, nullptr);
    EXPECT_TRUE(add->edgeTriggered);
    EXPECT_EQ(engine->stats().bytesIn, 10u);
}

// The default: level-triggered, as before. Every byte comes back, over several reports, and no
// recorded change carries EPOLLET.
TEST_F(EpollModeTest, LevelTriggeredReportsTheRestAgain) {
    auto engine = startEngine(echoRecv4(EpollMode::Level));
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    client.sendAll(kMessage);
    EXPECT_EQ(client.recvExactly(10), kMessage);
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.count(EventKind::Recv) == 3;
    }));
    const int32_t conn = trace.last(EventKind::Recv)->fd;
    size_t reports = 0;
    for (const CallRecord& call : trace.calls) {
        reports += contains(call.readyRead, conn) ? 1 : 0;
        for (const InterestChange& c : call.changes)
            EXPECT_FALSE(c.edgeTriggered) << "call " << call.number << " fd " << c.fd;
    }
    EXPECT_EQ(reports, 3u);  // one recv(4) per report
    ASSERT_NE(changeFor(trace, InterestChange::Op::Add, conn), nullptr);
}

// Steps the paused engine once and returns the record of the call it made.
CallRecord stepOnce(Engine& engine, Trace& trace) {
    const size_t before = trace.calls.size();
    const uint64_t callsBefore = engine.stats().waitCalls;
    engine.step();
    EXPECT_TRUE(waitUntil([&] { return engine.stats().waitCalls == callsBefore + 1; }));
    EXPECT_TRUE(waitUntil([&] {
        trace.drainFrom(engine);
        return trace.calls.size() == before + 1;
    }));
    return trace.calls.size() > before ? trace.calls.back() : CallRecord{};
}

// Steps until `kind` has been seen `count` times (at most `maxSteps` calls).
bool stepUntil(Engine& engine, Trace& trace, EventKind kind, size_t count, int maxSteps = 200) {
    for (int i = 0; i < maxSteps && trace.count(kind) < count; ++i)
        stepOnce(engine, trace);
    return trace.count(kind) >= count;
}

// The write side of et-drain, on a `queued` listener. Were the replies left for the write set,
// the first report would queue three and add EPOLLOUT (a MOD); the next, with more bytes
// arrived, would say EPOLLIN and EPOLLOUT together: the flush would use the EPOLLOUT edge, the
// reads would queue new replies, and with the write interest unchanged (no epoll_ctl to re-arm
// it) they would wait for an edge that a writable socket never makes. et-drain writes what it
// queued right after reading, until EAGAIN, so every byte comes back.
TEST_F(EpollModeTest, DrainWritesWhatItQueuesAfterTheWriteEdgeWasUsed) {
    EngineConfig config = echoRecv4(EpollMode::EdgeDrain);
    config.listeners = {*parseListenSpec("127.0.0.1:0,queued,recv=4=echo", nullptr)};
    config.startPaused = true;
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    Trace trace;
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    ASSERT_TRUE(stepUntil(*engine, trace, EventKind::Accept, 1));
    const int32_t conn = trace.last(EventKind::Accept)->fd;

    // One report: recv 4 + 4 + 2 until EAGAIN, three replies queued, EPOLLOUT added (a MOD).
    client.sendAll(kMessage);
    ASSERT_TRUE(stepUntil(*engine, trace, EventKind::Recv, 3));
    // More bytes arrive before the next call.
    client.sendAll("abcdefghij");
    ASSERT_TRUE(waitUntil([&] { return kernelRecvQueue(NativeSocket(conn)) == 10; }));
    const CallRecord next = stepOnce(*engine, trace);
    EXPECT_TRUE(contains(next.readyRead, conn));

    engine->resume();
    EXPECT_EQ(client.recvExactly(20), std::string(kMessage) + "abcdefghij");
}

// The mode changes on a running server: a new epoll instance takes every descriptor, and its
// EPOLL_CTL_ADD finds the 6 stalled bytes ready, so et-drain delivers them.
TEST_F(EpollModeTest, SwitchingToDrainDeliversTheStalledBytes) {
    auto engine = startEngine(echoRecv4(EpollMode::Edge));
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    client.sendAll(kMessage);
    EXPECT_EQ(client.recvExactly(4), "0123");
    ASSERT_TRUE(recvQueueBecomes(*engine, 6));
    std::string error;
    ASSERT_TRUE(engine->setEpollMode(EpollMode::EdgeDrain, &error)) << error;
    EXPECT_EQ(client.recvExactly(6), "456789");
    ASSERT_TRUE(recvQueueBecomes(*engine, 0));
    EXPECT_EQ(engine->stats().epollMode, EpollMode::EdgeDrain);
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.last(EventKind::Backend) != nullptr;
    }));
    EXPECT_EQ(trace.last(EventKind::Backend)->text, "epoll et -> epoll et-drain");
}

// Leaving epoll: select is level-triggered whatever the mode, so it reports the stalled bytes.
TEST_F(EpollModeTest, SwitchingToSelectReportsTheStalledBytes) {
    auto engine = startEngine(echoRecv4(EpollMode::Edge));
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    client.sendAll(kMessage);
    EXPECT_EQ(client.recvExactly(4), "0123");
    ASSERT_TRUE(recvQueueBecomes(*engine, 6));
    std::string error;
    ASSERT_TRUE(engine->switchBackend(BackendKind::Select, &error)) << error;
    EXPECT_EQ(client.recvExactly(6), "456789");
    // The mode is epoll's: asking for it on select is refused, and nothing changes.
    EXPECT_FALSE(engine->setEpollMode(EpollMode::Level, &error));
    EXPECT_EQ(error, "epoll mode lt needs the epoll backend, not select");
}

// An edge-triggered mode on another backend is refused at start, with a sentence that says so.
TEST_F(EpollModeTest, EdgeModeNeedsEpoll) {
    Engine engine(echoRecv4(EpollMode::Edge, BackendKind::Select));
    std::string error;
    EXPECT_FALSE(engine.start(&error));
    EXPECT_EQ(error, "epoll mode et needs the epoll backend, not select");
}

}  // namespace
