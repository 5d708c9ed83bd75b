// SPDX-License-Identifier: GPL-3.0-or-later
// The trace is the truth: a scripted session, stepped one wait call at a time, whose exact call
// records are asserted (sets in, sets out), on every backend this platform has.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "core/net/queue_probe.h"
#include "core/poller/poller.h"
#include "tests/support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

using Fds = std::vector<int32_t>;

Fds sorted(Fds v) {
    std::sort(v.begin(), v.end());
    return v;
}

int32_t fdWithRole(Engine& engine, Role role) {
    engine.requestSnapshot();
    for (const DescriptorInfo& d : engine.descriptors())
        if (d.role == role)
            return d.fd;
    return -1;
}

// Steps the paused engine once and returns the call record it made.
CallRecord stepOnce(Engine& engine, Trace& trace) {
    const size_t before = trace.calls.size();
    const uint64_t callsBefore = engine.stats().waitCalls;
    engine.step();
    EXPECT_TRUE(waitUntil([&] { return engine.stats().waitCalls == callsBefore + 1; }));
    EXPECT_TRUE(waitUntil([&] {
        trace.drainFrom(engine);
        return trace.calls.size() == before + 1;
    }));
    return trace.calls.empty() ? CallRecord{} : trace.calls.back();
}

class TraceScript : public ::testing::TestWithParam<BackendKind> {};

}  // namespace

TEST_P(TraceScript, SteppedSessionRecordsExactSets) {
    EngineConfig config;
    config.backend = GetParam();
    config.timeoutMs = 100;
    config.startPaused = true;
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    const int32_t wake = fdWithRole(*engine, Role::Wakeup);
    const int32_t listener = fdWithRole(*engine, Role::Listener);
    ASSERT_GE(wake, 0);
    ASSERT_GE(listener, 0);
    Trace trace;

    // 1. Nobody is there: the call times out with nothing ready.
    CallRecord c = stepOnce(*engine, trace);
    EXPECT_EQ(c.number, 1u);
    EXPECT_EQ(c.backend, GetParam());
    EXPECT_EQ(sorted(c.inRead), sorted({wake, listener}));
    EXPECT_TRUE(c.inWrite.empty());
    EXPECT_TRUE(c.inExcept.empty());
    EXPECT_EQ(c.timeoutMs, 100);
    EXPECT_EQ(c.ret, 0);
    EXPECT_TRUE(c.readyRead.empty())
        << ::testing::PrintToString(c.readyRead) << " wake " << wake << " listener " << listener;

    // 2. A client connects: only the listener comes back readable.
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    c = stepOnce(*engine, trace);
    EXPECT_EQ(c.ret, 1);
    EXPECT_EQ(c.readyRead, Fds{listener});
    const SocketEvent* accept = trace.last(EventKind::Accept);
    ASSERT_NE(accept, nullptr);
    const int32_t conn = accept->fd;

    // 3. The client sends: the connection is in the read set and comes back readable.
    client.sendAll("ping");
    ASSERT_TRUE(waitUntil([&] { return kernelRecvQueue(NativeSocket(conn)) == 4; }));
    c = stepOnce(*engine, trace);
    EXPECT_EQ(sorted(c.inRead), sorted({wake, listener, conn}));
    EXPECT_EQ(c.readyRead, Fds{conn});
    EXPECT_EQ(c.ret, 1);
    EXPECT_EQ(client.recvOnce(), "ping");
    const SocketEvent* recv = trace.last(EventKind::Recv);
    ASSERT_NE(recv, nullptr);
    EXPECT_EQ(recv->fd, conn);
    EXPECT_EQ(recv->preview, "ping");

    // 4. The client closes: readable again, and the server closes its side. WSAPoll reports
    // the FIN as POLLHUP alone, on which the loop reads just the same.
    client.close();
    c = stepOnce(*engine, trace);
    if (GetParam() == BackendKind::WsaPoll)
        EXPECT_EQ(c.readyHangup, Fds{conn});
    else
        EXPECT_EQ(c.readyRead, Fds{conn});
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.last(EventKind::Close) != nullptr;
    }));
    EXPECT_EQ(CloseReason(trace.last(EventKind::Close)->aux), CloseReason::PeerClosed);
    c = stepOnce(*engine, trace);
    EXPECT_EQ(sorted(c.inRead), sorted({wake, listener}));
}

TEST_P(TraceScript, PauseHoldsAndStepMakesExactlyOneCall) {
    EngineConfig config;
    config.backend = GetParam();
    config.timeoutMs = 10;
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    ASSERT_TRUE(waitUntil([&] { return engine->stats().waitCalls >= 3; }));
    engine->pause();
    ASSERT_TRUE(waitUntil([&] { return engine->stats().paused; }));
    const uint64_t held = engine->stats().waitCalls;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    EXPECT_EQ(engine->stats().waitCalls, held);
    for (int i = 1; i <= 3; ++i) {
        engine->step();
        ASSERT_TRUE(waitUntil([&] { return engine->stats().waitCalls == held + i; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        EXPECT_EQ(engine->stats().waitCalls, held + i);
    }
    engine->resume();
    EXPECT_TRUE(waitUntil([&] { return engine->stats().waitCalls > held + 5; }));
}

TEST_P(TraceScript, UrgentByteLightsTheExceptSet) {
    EngineConfig config;
    config.backend = GetParam();
    config.listeners = {*parseListenSpec("127.0.0.1:0,except=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    client.sendAll("a");
    EXPECT_EQ(client.recvOnce(), "a");
    client.sendOob('!');
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.last(EventKind::Urgent) != nullptr;
    }));
    const SocketEvent* urgent = trace.last(EventKind::Urgent);
    EXPECT_EQ(urgent->preview, "!");
    bool except = false;
    for (const CallRecord& c : trace.calls)
        except |= std::count(c.readyExcept.begin(), c.readyExcept.end(), urgent->fd) > 0;
    EXPECT_TRUE(except);
    client.sendAll("b");  // the stream goes on
    EXPECT_EQ(client.recvOnce(), "b");
}

TEST_P(TraceScript, SwitchingBackendKeepsConnections) {
    EngineConfig config;
    config.backend = GetParam();
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    client.sendAll("one");
    EXPECT_EQ(client.recvOnce(), "one");
    for (BackendKind next : availableBackends()) {
        std::string error;
        ASSERT_TRUE(engine->switchBackend(next, &error)) << error;
        EXPECT_EQ(engine->stats().backend, next);
        client.sendAll(std::string(backendName(next)));
        EXPECT_EQ(client.recvOnce(), std::string(backendName(next)));
    }
    Trace trace;
    trace.drainFrom(*engine);
    EXPECT_EQ(trace.count(EventKind::Backend), availableBackends().size());
    EXPECT_EQ(trace.calls.back().backend, availableBackends().back());
}

INSTANTIATE_TEST_SUITE_P(Backends, TraceScript, ::testing::ValuesIn(availableBackends()),
                         [](const auto& info) { return std::string(backendName(info.param)); });

TEST(Trace, SlowWatcherLosesDetailNotTotals) {
    EngineConfig config;
    config.traceRingBytes = 4096;
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    for (int i = 0; i < 200; ++i) {
        client.sendAll("0123456789");
        ASSERT_EQ(client.recvExactly(10), "0123456789");
    }
    EXPECT_TRUE(waitUntil([&] { return engine->stats().bytesIn == 2000; }));
    EXPECT_EQ(engine->stats().bytesOut, 2000u);
    EXPECT_GT(engine->trace().dropped(), 0u);
    EXPECT_EQ(engine->stats().traceDropped, engine->trace().dropped());
}

TEST(Trace, TraceNoneRecordsNothingButCounts) {
    EngineConfig config;
    config.trace = {false, false};
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    client.sendAll("x");
    EXPECT_EQ(client.recvOnce(), "x");
    Trace trace;
    trace.drainFrom(*engine);
    EXPECT_TRUE(trace.calls.empty());
    EXPECT_TRUE(trace.events.empty());
    // Stats are published after each iteration, so the echo may arrive just before them.
    EXPECT_TRUE(waitUntil([&] { return engine->stats().bytesIn == 1; }));
    EXPECT_GE(engine->stats().waitCalls, 2u);
}
