// SPDX-License-Identifier: GPL-3.0-or-later
// The trace is the truth: a scripted session, stepped one wait call at a time, whose exact call
// records are asserted (sets in, sets out), on every backend this platform has.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <thread>

#ifdef __linux__
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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

#ifdef __linux__
// True while some thread of this process sits in a signal-aware wait call: the engine's loop,
// blocked. Read from /proc/self/task/*/syscall (the number of the call a thread is in).
bool loopIsInWaitCall() {
    DIR* dir = opendir("/proc/self/task");
    if (!dir)
        return false;
    bool found = false;
    while (dirent* entry = readdir(dir)) {
        std::ifstream file(std::string("/proc/self/task/") + entry->d_name + "/syscall");
        long number = -1;
        if (file >> number)
            found |= number == SYS_pselect6 || number == SYS_ppoll || number == SYS_epoll_pwait;
    }
    closedir(dir);
    return found;
}

// An engine on backend whose wait calls block until something happens.
std::unique_ptr<Engine> startBlockingEngine(BackendKind backend) {
    EngineConfig config;
    config.backend = backend;
    config.timeoutMs = -1;
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    return startEngine(config);
}
#endif

}  // namespace

TEST_P(TraceScript, SteppedSessionRecordsExactSets) {
    EngineConfig config;
    config.backend = GetParam();
    config.timeoutMs = 100;
    config.startPaused = true;
    config.listeners = {*parseListenSpec("127.0.0.1:0=echo", nullptr)};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    // Linux interrupts the wait with a signal: no wake-up descriptor in any set. Elsewhere the
    // wake-up descriptor is watched for reading like a socket.
    const int32_t wake = fdWithRole(*engine, Role::Wakeup);
#ifdef __linux__
    EXPECT_EQ(wake, -1);
#else
    ASSERT_GE(wake, 0);
#endif
    const auto reads = [wake](Fds fds) {
        if (wake >= 0)
            fds.push_back(wake);
        return sorted(fds);
    };
    const int32_t listener = fdWithRole(*engine, Role::Listener);
    ASSERT_GE(listener, 0);
    Trace trace;

    // 1. Nobody is there: the call times out with nothing ready.
    CallRecord c = stepOnce(*engine, trace);
    EXPECT_EQ(c.number, 1u);
    EXPECT_EQ(c.backend, GetParam());
    EXPECT_EQ(sorted(c.inRead), reads({listener}));
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
    EXPECT_EQ(sorted(c.inRead), reads({listener, conn}));
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
    EXPECT_EQ(sorted(c.inRead), reads({listener}));
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

#ifdef __linux__
// Pause reaches a loop that is blocked in its wait call by interrupting that call: the call ends
// with EINTR, as strace shows it, and no call of its own is added.
TEST_P(TraceScript, PauseEndsTheBlockedCallWithEintrAndAddsNoCall) {
    auto engine = startBlockingEngine(GetParam());
    ASSERT_TRUE(engine);
    ASSERT_TRUE(waitUntil(loopIsInWaitCall));
    EXPECT_EQ(engine->stats().waitCalls, 0u);
    engine->pause();
    ASSERT_TRUE(waitUntil([&] { return engine->stats().paused; }));
    Trace trace;
    trace.drainFrom(*engine);
    ASSERT_EQ(trace.calls.size(), 1u);
    EXPECT_EQ(trace.calls[0].ret, -1);
    EXPECT_EQ(trace.calls[0].err, EINTR);
    EXPECT_EQ(trace.calls[0].inRead.size(), 1u);  // the listener, nothing else
    EXPECT_EQ(engine->stats().waitCalls, 1u);
    EXPECT_EQ(engine->stats().interruptedCalls, 1u);
}

// Slow motion takes effect from the next call: changing it does not cut the current call short.
TEST_P(TraceScript, SlowMotionDoesNotInterruptTheCurrentCall) {
    auto engine = startBlockingEngine(GetParam());
    ASSERT_TRUE(engine);
    ASSERT_TRUE(waitUntil(loopIsInWaitCall));
    engine->setSlowMotion(20);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    ASSERT_TRUE(waitUntil([&] { return engine->stats().slowMotionMs == 20; }));
    Trace trace;
    trace.drainFrom(*engine);
    ASSERT_GE(trace.calls.size(), 1u);
    EXPECT_EQ(trace.calls[0].ret, 1);  // woken by the client, not by the command
    EXPECT_EQ(trace.calls[0].err, 0);
    EXPECT_EQ(engine->stats().interruptedCalls, 0u);
}
#endif

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

#ifdef __linux__
// Inside a process that already holds the low numbers (the window: its display connection, Qt's
// event dispatcher, the built-in clients), a loop with a descriptor table of its own still
// numbers like the tutorial's server: select(4, [3], NULL, [3]), then [3 4] once a client is in.
TEST(Trace, OwnDescriptorTableNumbersFromThreeInABusyProcess) {
    std::vector<int> taken;
    for (int i = 0; i < 8; ++i)
        taken.push_back(open("/dev/null", O_RDONLY | O_CLOEXEC));
    ASSERT_GE(taken.back(), 10);
    EngineConfig config;
    config.backend = BackendKind::Select;
    config.timeoutMs = -1;
    config.ownDescriptorTable = true;
    ListenerSpec spec = *parseListenSpec("127.0.0.1:0,except=suffix:好", nullptr);
    config.listeners = {spec};
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    ASSERT_TRUE(client.valid());
    client.sendAll("hi");
    EXPECT_EQ(client.recvOnce(), "hi好");
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.calls.size() >= 2;
    }));
    EXPECT_EQ(trace.calls[0].inRead, Fds{3});
    EXPECT_EQ(trace.calls[0].inExcept, Fds{3});
    EXPECT_EQ(trace.calls[0].nullSets, kWrite);
    EXPECT_EQ(trace.calls[1].inRead, (Fds{3, 4}));
    ASSERT_NE(trace.last(EventKind::Accept), nullptr);
    EXPECT_EQ(trace.last(EventKind::Accept)->fd, 4);
    // The process's own descriptors are untouched: still open, and still this process's.
    for (int fd : taken) {
        EXPECT_GE(fcntl(fd, F_GETFD), 0) << fd;
        close(fd);
    }
    // A listener added while it runs is opened in the loop's table too.
    std::string error;
    EXPECT_EQ(engine->addListener(*parseListenSpec("127.0.0.1:0=echo", nullptr), &error), 5)
        << error;
}
#endif

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
