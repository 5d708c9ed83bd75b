// SPDX-License-Identifier: GPL-3.0-or-later
// --as-written: each preset run as its tutorial's code behaves, flaws included, against real
// loopback clients; and the same preset without the option, which behaves as before. Then the
// busy-loop detector: it names the spinning loop within a second, and stays silent on every
// normal preset under load.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

#include "core/load/load_generator.h"
#include "core/server/python_errors.h"
#include "tests/support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

// The preset on an ephemeral port, on its own backend (select for the select.select servers),
// as written or as the corrected preset.
std::unique_ptr<Engine> start(const std::string& name, bool asWritten, EngineConfig config = {}) {
    Preset preset = *findPreset(name);
    if (asWritten) {
        EXPECT_TRUE(applyAsWritten(preset));
    }
    for (ListenerSpec& l : preset.listeners)
        l.endpoint.port = 0;
    config.listeners = preset.listeners;
    config.timeoutMs = preset.timeoutMs;
    config.backend = preset.backend;
    return startEngine(std::move(config));
}

// A spinning loop records a wait call per spin, hundreds of thousands a second: more than the
// ring holds while a test thread on a loaded machine is away, and the one busy-loop event would
// be dropped with them. The tests that wait for that event trace events only.
EngineConfig eventsOnly() {
    EngineConfig config;
    config.trace.calls = false;
    return config;
}

// Collects the trace until pred holds for it, bounded.
bool traceUntil(Engine& engine, Trace& trace, const std::function<bool(const Trace&)>& pred) {
    return waitUntil([&] {
        trace.drainFrom(engine);
        return pred(trace);
    });
}

// Waits, bounded, until the engine's descriptor table has a row for fd that holds pred (fresh
// snapshots are asked for while waiting); on failure the test output lists the table.
::testing::AssertionResult rowUntil(Engine& engine, int fd,
                                    const std::function<bool(const DescriptorInfo&)>& pred) {
    const bool held = waitUntil([&] {
        engine.requestSnapshot();
        for (const DescriptorInfo& d : engine.descriptors())
            if (d.fd == fd)
                return pred(d);
        return false;
    });
    if (held)
        return ::testing::AssertionSuccess();
    ::testing::AssertionResult failure = ::testing::AssertionFailure();
    for (const DescriptorInfo& d : engine.descriptors())
        failure << "\nfd " << d.fd << " state " << connStateName(d.state) << " recv-q "
                << d.kernelRecvQueue << " bytes in " << d.bytesIn;
    return failure;
}

// The connection the engine accepted most recently.
int lastAcceptedFd(const Trace& trace) {
    const SocketEvent* e = trace.last(EventKind::Accept);
    return e ? e->fd : -1;
}

// 400 CJK characters, 1,200 bytes of UTF-8: recv(1024) cuts the 342nd character in two.
std::string chinese1200() {
    std::string s;
    for (int i = 0; i < 400; ++i)
        s += "好";
    return s;
}

TEST(AsWritten, PresetsWithoutFlawsRefuseTheOption) {
    Preset udp = *findPreset("udp-upper");
    EXPECT_FALSE(applyAsWritten(udp));
    EXPECT_FALSE(udp.listeners[0].asWritten.on);
    for (const char* name :
         {"welcome", "greet-suffix", "rw-split", "echo", "queue-echo", "upper"}) {
        const Preset* p = findPreset(name);
        EXPECT_FALSE(p->flaws.empty()) << name;
        EXPECT_FALSE(p->listeners[0].asWritten.on) << name << ": off unless asked for";
    }
}

// Seed 000, first server: `d, e = k.accept()` rebinds d, so a client's socket closes only when
// the next client is accepted, on any of the three listeners.
TEST(AsWritten, WelcomeKeepsEachClientOpenUntilTheNextOneArrives) {
    auto engine = start("welcome", true);
    ASSERT_TRUE(engine);
    const std::vector<int> ports = listenerPorts(*engine);
    ASSERT_EQ(ports.size(), 3u);
    Client a = Client::connectTcp(ports[0]);
    EXPECT_EQ(a.recvExactly(12), "欢迎访问");
    Trace t;
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Send); }));
    EXPECT_EQ(t.count(EventKind::Close), 0u) << "the server keeps d open";
    Client b = Client::connectTcp(ports[2]);
    EXPECT_TRUE(a.closedByPeer()) << "accepting b closes a";
    EXPECT_EQ(b.recvExactly(12), "欢迎访问");
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Close); }));
    EXPECT_EQ(t.count(EventKind::Close), 1u) << "b stays open in turn";
}

TEST(AsWritten, CorrectedWelcomeClosesOnceWritten) {
    auto engine = start("welcome", false);
    ASSERT_TRUE(engine);
    Client a = Client::connectTcp(listenerPorts(*engine)[0]);
    EXPECT_EQ(a.recvUntilClosed(), "欢迎访问");
}

TEST(PythonErrors, WordedAsCPythonPrintsThem) {
    // The texts CPython 3.11 prints for the same bytes.
    EXPECT_EQ(pythonDecodeError("\xe4\xbd"),
              "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: "
              "unexpected end of data");
    EXPECT_EQ(pythonDecodeError("a\xe4"),
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 1: "
              "unexpected end of data");
    EXPECT_EQ(pythonDecodeError("\xe4"
                                "a"),
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 0: "
              "invalid continuation byte");
    EXPECT_EQ(pythonDecodeError("\xff"),
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: "
              "invalid start byte");
    EXPECT_EQ(pythonDecodeError("好"), "");
    EXPECT_EQ(pythonDecodeError(chinese1200().substr(0, 1024)),
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe5 in position 1023: "
              "unexpected end of data");
#ifndef _WIN32
    EXPECT_EQ(pythonSocketError(ECONNRESET, false),
              "ConnectionResetError: [Errno 104] Connection reset by peer");
    EXPECT_EQ(pythonSocketError(EPIPE, false), "BrokenPipeError: [Errno 32] Broken pipe");
    EXPECT_EQ(pythonSocketError(EPIPE, true), "socket.error: [Errno 32] Broken pipe");
#endif
}

// Seed 002: recv() returns '' at EOF, the socket stays in inputs and send('') is called: the
// loop spins, and the detector names it within a second of the client leaving.
TEST(AsWritten, EchoSpinsOnEofAndTheDetectorNamesIt) {
    auto engine = start("echo", true, eventsOnly());
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    c.sendAll("hello");
    EXPECT_EQ(c.recvExactly(5), "hello");
    c.close();
    Trace t;
    ASSERT_TRUE(
        traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::BusyLoop); }));
    const SocketEvent* eof = t.last(EventKind::HalfClose);
    const SocketEvent* busy = t.last(EventKind::BusyLoop);
    ASSERT_TRUE(eof);
    EXPECT_EQ(busy->fd, eof->fd);
    EXPECT_EQ(busy->aux, int64_t(SpinReason::EofNeverClosed));
    EXPECT_EQ(busy->text, "fd " + std::to_string(eof->fd) + " readable at EOF and never closed");
    EXPECT_GE(busy->bytes, 400) << "calls per second";
    EXPECT_LT(busy->timeNs - eof->timeNs, 1000000000LL) << "named within one second";
    // Each spin is a recv() that returns 0 and a send() of nothing, as strace shows them.
    size_t emptyRecvs = 0, emptySends = 0;
    for (const SocketEvent& e : t.events) {
        emptyRecvs += e.kind == EventKind::Recv && e.bytes == 0;
        emptySends += e.kind == EventKind::Send && e.bytes == 0 && e.fd == eof->fd;
    }
    EXPECT_GE(emptyRecvs, 100u);
    EXPECT_GE(emptySends, emptyRecvs);
    EXPECT_EQ(t.count(EventKind::Close), 0u) << "the tutorial never closes it";
    EXPECT_TRUE(waitUntil([&] { return engine->stats().busyLoop; }));
    EXPECT_EQ(engine->stats().busyFd, eof->fd);
}

TEST(AsWritten, CorrectedEchoClosesAtEofAndNeverSpins) {
    auto engine = start("echo", false);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    c.sendAll("hello");
    EXPECT_EQ(c.recvExactly(5), "hello");
    c.close();
    Trace t;
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Close); }));
    EXPECT_EQ(t.count(EventKind::BusyLoop), 0u);
    EXPECT_FALSE(engine->stats().busyLoop);
}

// Seed 000, second server: a half-closed client gets '' + '好' back on every call.
TEST(AsWritten, GreetSuffixFloodsAHalfClosedClient) {
    auto engine = start("greet-suffix", true);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    EXPECT_EQ(c.recvExactly(6), "你好");
    c.shutdownWrite();
    const std::string flood = c.recvExactly(3 * 100);
    ASSERT_EQ(flood.size(), 300u);
    for (size_t i = 0; i < flood.size(); i += 3)
        ASSERT_EQ(flood.substr(i, 3), "好") << "at byte " << i;
}

TEST(AsWritten, CorrectedGreetSuffixAnswersThenCloses) {
    auto engine = start("greet-suffix", false);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    EXPECT_EQ(c.recvExactly(6), "你好");
    c.sendAll("hi");
    EXPECT_EQ(c.recvExactly(5), "hi好");
    c.shutdownWrite();
    EXPECT_EQ(c.recvUntilClosed(), "");
}

// A character cut by recv(1024): greet-suffix's except drops the client, silent and open.
TEST(AsWritten, GreetSuffixDropsAClientWhoseCharacterIsCut) {
    auto engine = start("greet-suffix", true);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    EXPECT_EQ(c.recvExactly(6), "你好");
    c.sendAll(chinese1200());
    Trace t;
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Unwatch); }));
    const SocketEvent* raised = t.last(EventKind::Exception);
    ASSERT_TRUE(raised);
    EXPECT_EQ(raised->text,
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe5 in position 1023: "
              "unexpected end of data");
    EXPECT_EQ(raised->aux, int64_t(AsWritten::Fault::Unwatch));
    EXPECT_EQ(t.count(EventKind::Close), 0u);
    EXPECT_EQ(t.count(EventKind::Send), 1u) << "only the greeting";
    EXPECT_TRUE(rowUntil(*engine, raised->fd, [](const DescriptorInfo& d) {
        return d.state == ConnState::Unwatched && d.kernelRecvQueue == 1200 - 1024;
    })) << "still open, unwatched, the rest of the message unread";
    EXPECT_FALSE(engine->stats().stopped);
}

// The same message stops rw-split: its str() is outside any try.
TEST(AsWritten, RwSplitStopsOnUnicodeDecodeError) {
    auto engine = start("rw-split", true);
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine)[0];
    Client other = Client::connectTcp(port);
    Client c = Client::connectTcp(port);
    c.sendAll(chinese1200());
    EXPECT_TRUE(c.closedByPeer()) << "the server's death closes every socket";
    EXPECT_TRUE(other.closedByPeer());
    ASSERT_TRUE(waitUntil([&] { return engine->stats().stopped; }));
    Trace t;
    t.drainFrom(*engine);
    const SocketEvent* raised = t.last(EventKind::Exception);
    ASSERT_TRUE(raised);
    EXPECT_EQ(raised->aux, int64_t(AsWritten::Fault::Crash));
    ASSERT_TRUE(t.last(EventKind::Note));
    EXPECT_EQ(t.last(EventKind::Note)->text, "the server stopped: " + raised->text);
    const uint64_t calls = engine->stats().waitCalls;
    Client late = Client::connectTcp(port);
    EXPECT_FALSE(late.valid()) << "nobody listens any more";
    EXPECT_EQ(engine->stats().waitCalls, calls) << "a dead server makes no calls";
}

TEST(AsWritten, CorrectedRwSplitAnswersTheCutCharacter) {
    auto engine = start("rw-split", false);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    c.sendAll(chinese1200());
    EXPECT_EQ(c.recvExactly(1200 + 6).size(), 1206u) << "both chunks answered with 好";
}

// Seed 004 §5.3: conn.send() names the last accepted socket, so A's reply goes to B.
TEST(AsWritten, UpperSendsTheReplyToTheLastAcceptedClient) {
    auto engine = start("upper", true);
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine)[0];
    Client a = Client::connectTcp(port);
    Trace t;
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Accept); }));
    Client b = Client::connectTcp(port);
    ASSERT_TRUE(
        traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Accept) == 2; }));
    a.sendAll("from a");
    EXPECT_EQ(b.recvExactly(6), "FROM A");
    b.sendAll("from b");
    EXPECT_EQ(b.recvExactly(6), "FROM B");
    // Both replies went out before B's second arrived: had one gone to A, it would be here.
    ASSERT_TRUE(setNonBlocking(a.fd()));
    char byte = 0;
    EXPECT_LT(recvBytes(a.fd(), &byte, 1), 0) << "A never gets an answer";
}

TEST(AsWritten, CorrectedUpperAnswersEachClient) {
    auto engine = start("upper", false);
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine)[0];
    Client a = Client::connectTcp(port);
    Client b = Client::connectTcp(port);
    a.sendAll("from a");
    EXPECT_EQ(a.recvExactly(6), "FROM A");
    b.sendAll("from b");
    EXPECT_EQ(b.recvExactly(6), "FROM B");
}

// Seed 000, third server: an urgent byte only removes the socket from the lists. The reply to
// what came before it is still written (the socket stays in lib2), then it falls silent.
TEST(AsWritten, RwSplitUrgentByteLeavesTheSocketOpenAndSilent) {
    auto engine = start("rw-split", true);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    c.sendAll("ab");
    EXPECT_EQ(c.recvExactly(5), "ab好");
    c.sendOob('!');
    Trace t;
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Unwatch); }));
    EXPECT_EQ(t.count(EventKind::Close), 0u);
    c.sendAll("more");
    EXPECT_TRUE(rowUntil(*engine, lastAcceptedFd(t), [](const DescriptorInfo& d) {
        return d.state == ConnState::Unwatched && d.bytesIn == 2;
    })) << "open, unwatched, never read again (Linux counts no Recv-Q before the urgent mark)";
}

TEST(AsWritten, CorrectedRwSplitClosesOnTheUrgentByte) {
    auto engine = start("rw-split", false);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    c.sendOob('!');
    EXPECT_TRUE(c.closedByPeer());
}

// Seed 003: at EOF the socket leaves inputs but is never closed.
TEST(AsWritten, QueueEchoLeavesALeavingClientOpen) {
    auto engine = start("queue-echo", true);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine)[0]);
    c.sendAll("x");
    EXPECT_EQ(c.recvExactly(1), "x");
    c.shutdownWrite();
    Trace t;
    ASSERT_TRUE(traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Unwatch); }));
    EXPECT_EQ(t.count(EventKind::Close), 0u);
    EXPECT_TRUE(rowUntil(*engine, lastAcceptedFd(t), [](const DescriptorInfo& d) {
        return d.state == ConnState::Unwatched;
    })) << "still open: the server never closes it";
}

// A reset client makes seed 003's bare recv() raise, and the server stops.
TEST(AsWritten, QueueEchoStopsWhenAClientResets) {
#ifdef _WIN32
    GTEST_SKIP() << "under Wine the client's reset did not make the server's recv() fail";
#endif
    auto engine = start("queue-echo", true);
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine)[0];
    Client other = Client::connectTcp(port);
    Client c = Client::connectTcp(port);
    Trace t;
    ASSERT_TRUE(
        traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::Accept) == 2; }));
    c.resetOnClose();
    c.close();
    EXPECT_TRUE(other.closedByPeer());
    ASSERT_TRUE(waitUntil([&] { return engine->stats().stopped; }));
    t.drainFrom(*engine);
    const SocketEvent* raised = t.last(EventKind::Exception);
    ASSERT_TRUE(raised);
    EXPECT_EQ(raised->text.rfind("ConnectionResetError: ", 0), 0u) << raised->text;
}

TEST(BusyLoop, ZeroTimeoutWithNothingToDoIsNamed) {
    auto engine = start("echo", false, eventsOnly());
    ASSERT_TRUE(engine);
    engine->setTimeout(0);
    Trace t;
    ASSERT_TRUE(
        traceUntil(*engine, t, [](const Trace& t) { return t.count(EventKind::BusyLoop); }));
    const SocketEvent* busy = t.last(EventKind::BusyLoop);
    EXPECT_EQ(busy->aux, int64_t(SpinReason::ZeroTimeoutIdle));
    EXPECT_EQ(busy->fd, -1);
    EXPECT_EQ(busy->text, "timeout 0 with nothing to do");
}

// The normal presets never spin, however busy: every wait call under load has work to do.
TEST(BusyLoop, NeverFiresOnNormalPresetsUnderLoad) {
    for (const char* name : {"echo", "queue-echo", "upper", "rw-split", "greet-suffix"}) {
        SCOPED_TRACE(name);
        auto engine = start(name, false);
        ASSERT_TRUE(engine);
        LoadConfig load;
        load.port = uint16_t(listenerPorts(*engine)[0]);
        load.connections = 8;
        load.messageSize = 64;
        load.duration = std::chrono::milliseconds(500);
        load.churnAfter = 50;  // connections come and go: EOF and close, again and again
        LoadGenerator gen(load);
        ASSERT_TRUE(gen.start());
        gen.wait();
        const EngineStats stats = engine->stats();
        Trace t;
        t.drainFrom(*engine);
        EXPECT_GT(stats.accepted, 0u);  // the load reached it
        EXPECT_GT(stats.bytesIn, 0u);
        EXPECT_EQ(t.count(EventKind::BusyLoop), 0u);
        EXPECT_FALSE(stats.busyLoop);
    }
}

}  // namespace
