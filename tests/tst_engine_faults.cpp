// SPDX-License-Identifier: GPL-3.0-or-later
// Each fault the engine must survive, provoked for real on loopback.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <thread>

#include "core/net/endpoint.h"
#include "core/poller/poller.h"
#include "tests/support/test_net.h"

#ifndef _WIN32
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace ss;
using namespace ss::test;

namespace {

EngineConfig echoOn(const char* spec, BackendKind backend = bestBackend()) {
    EngineConfig config;
    config.backend = backend;
    config.listeners = {*parseListenSpec(spec, nullptr)};
    return config;
}

#ifndef _WIN32
// Restores RLIMIT_NOFILE when a test ends, however it ends.
class NofileLimit {
public:
    NofileLimit() { getrlimit(RLIMIT_NOFILE, &m_saved); }
    ~NofileLimit() { setrlimit(RLIMIT_NOFILE, &m_saved); }
    bool setSoft(rlim_t soft) {
        rlimit r = m_saved;
        r.rlim_cur = soft;
        return setrlimit(RLIMIT_NOFILE, &r) == 0;
    }
    rlim_t hard() const { return m_saved.rlim_max; }

private:
    rlimit m_saved{};
};
#endif  // !_WIN32

}  // namespace

TEST(Faults, PortInUseIsAClearError) {
    auto first = startEngine(echoOn("127.0.0.1:0=echo"));
    ASSERT_TRUE(first);
    const int port = listenerPorts(*first).at(0);
    Engine second(echoOn(("127.0.0.1:" + std::to_string(port) + "=echo").c_str()));
    std::string error;
    EXPECT_FALSE(second.start(&error));
    EXPECT_NE(error.find("port " + std::to_string(port) + " is already in use"), std::string::npos)
        << error;
}

TEST(Faults, NonLoopbackNeedsExplicitPermission) {
    Engine engine(echoOn("0.0.0.0:0=echo"));
    std::string error;
    EXPECT_FALSE(engine.start(&error));
    EXPECT_NE(error.find("--allow-remote"), std::string::npos) << error;
}

TEST(Faults, SelectNeverSeesDescriptorsAtOrAboveFdSetsize) {
#ifdef _WIN32
    // Winsock's fd_set is a counted array of handles: FD_SETSIZE bounds how many sockets a set
    // holds, not their values. With the wake-up socket and the listener in the read set,
    // connection number FD_SETSIZE - 1 is the first that does not fit: it must be refused and
    // closed, never handed to FD_SET (which would silently leave it out of a full set).
    EngineConfig config = echoOn("127.0.0.1:0=echo", BackendKind::Select);
    // Snapshots probe every socket's kernel queues; a thousand probes every 20 ms would cost
    // more than the rest of the test, which reads no snapshot.
    config.snapshotIntervalMs = 60 * 1000;
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    // Connected in batches well below any listen backlog, each waited for until accepted; the
    // trace is drained as it goes, so that the ring never drops the records checked below.
    std::vector<Client> clients;
    Trace trace;
    while (clients.size() < size_t(FD_SETSIZE - 1)) {
        for (int i = 0; i < 32 && clients.size() < size_t(FD_SETSIZE - 1); ++i) {
            clients.push_back(Client::connectTcp(port));
            ASSERT_TRUE(clients.back().valid()) << "connection " << clients.size();
        }
        const size_t opened = clients.size();
        ASSERT_TRUE(waitUntil([&] {
            trace.drainFrom(*engine);
            return engine->stats().accepted == opened;
        }));
    }
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.last(EventKind::Refuse) != nullptr;
    }));
    EXPECT_EQ(engine->stats().refused, 1u);
    const SocketEvent* refuse = trace.last(EventKind::Refuse);
    EXPECT_NE(refuse->text.find("FD_SETSIZE"), std::string::npos) << refuse->text;
    for (const CallRecord& c : trace.calls)
        EXPECT_LE(c.inRead.size(), size_t(FD_SETSIZE));
    // The refused client, found by the peer address its accept event names: accepted, then
    // closed at once.
    std::string refusedPeer;
    for (const SocketEvent& e : trace.events)
        if (e.kind == EventKind::Accept && e.fd == refuse->fd)
            refusedPeer = e.text;
    auto refused = std::find_if(clients.begin(), clients.end(), [&](const Client& c) {
        return localAddress(c.fd()) == refusedPeer;
    });
    ASSERT_NE(refused, clients.end()) << refusedPeer;
    EXPECT_TRUE(refused->closedByPeer());
    clients.clear();
    ASSERT_TRUE(waitUntil([&] { return engine->stats().openConnections == 0; }));
    Client small = Client::connectTcp(port);
    small.sendAll("still here");
    EXPECT_EQ(small.recvOnce(), "still here");
    EXPECT_EQ(engine->stats().refused, 1u);
#else
    NofileLimit limit;
    if (limit.hard() < FD_SETSIZE + 64 || !limit.setSoft(FD_SETSIZE + 64))
        GTEST_SKIP() << "RLIMIT_NOFILE hard limit too low to open fd " << FD_SETSIZE;
    auto engine = startEngine(echoOn("127.0.0.1:0=echo", BackendKind::Select));
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    // Fill the descriptor table up to FD_SETSIZE so that the next accept() gets a larger fd.
    std::vector<int> fillers;
    for (int fd = open("/dev/null", O_RDONLY); fd >= 0 && fd < FD_SETSIZE;
         fd = open("/dev/null", O_RDONLY))
        fillers.push_back(fd);
    Client big = Client::connectTcp(port);
    ASSERT_TRUE(big.valid());
    EXPECT_TRUE(big.closedByPeer());  // refused: accepted, then closed at once
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.last(EventKind::Refuse) != nullptr;
    }));
    EXPECT_NE(trace.last(EventKind::Refuse)->text.find("FD_SETSIZE"), std::string::npos);
    for (const CallRecord& c : trace.calls)
        for (int32_t fd : c.inRead)
            EXPECT_LT(fd, FD_SETSIZE);
    big.close();
    for (int fd : fillers)
        close(fd);
    Client small = Client::connectTcp(port);
    small.sendAll("still here");
    EXPECT_EQ(small.recvOnce(), "still here");
    EXPECT_EQ(engine->stats().refused, 1u);
#endif
}

TEST(Faults, DescriptorExhaustionDoesNotSpinAndRecovers) {
#ifdef _WIN32
    GTEST_SKIP() << "Windows has no per-process descriptor limit to lower (no RLIMIT_NOFILE), "
                    "so accept() cannot be made to fail with WSAEMFILE on purpose";
#else
    // Client sockets are made before the limit drops; connect() needs no new descriptor.
    std::vector<NativeSocket> waiting;
    for (int i = 0; i < 10; ++i)
        waiting.push_back(socket(AF_INET, SOCK_STREAM, 0));
    // The limit drops before the engine starts, as a process's limit is set before it runs: the
    // engine places its spare descriptor at the last number the limit allows. The kernel hands
    // out the lowest free number, so with the limit 8 above it the engine (listener, epoll
    // descriptor, spare) leaves a few connections room, and the ten clients run out of it.
    NofileLimit limit;
    const int lowestFree = dup(0);
    close(lowestFree);
    ASSERT_TRUE(limit.setSoft(rlim_t(lowestFree + 8)));
    auto engine = startEngine(echoOn("127.0.0.1:0=echo"));
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (NativeSocket s : waiting)
        connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ASSERT_TRUE(waitUntil([&] { return engine->stats().refused >= 1; }));
    // A sample, not a synchronisation: a loop spinning on a readable listener makes tens of
    // thousands of calls a second; one that rests the listener makes a few per 100 ms rest.
    // The bound scales with the time that really passed, so a descheduled test cannot fail it.
    const uint64_t calls = engine->stats().waitCalls;
    const auto sampleStart = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto sampledMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - sampleStart)
                               .count();
    EXPECT_LT(engine->stats().waitCalls - calls, uint64_t(50 + sampledMs / 5));
    Trace trace;
    trace.drainFrom(*engine);
    ASSERT_NE(trace.last(EventKind::Refuse), nullptr);
    EXPECT_NE(trace.last(EventKind::Refuse)->text.find("EMFILE"), std::string::npos);
    for (NativeSocket s : waiting)
        closeSocket(s);
    ASSERT_TRUE(limit.setSoft(limit.hard() < 4096 ? limit.hard() : 4096));
    Client later = Client::connectTcp(port);
    later.sendAll("served again");
    EXPECT_EQ(later.recvOnce(), "served again");
#endif
}

TEST(Faults, ResetMidWriteNeverKillsTheServer) {
    EngineConfig config = echoOn("127.0.0.1:0=echo");
    config.maxQueueBytes = 256 * 1024;
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    for (int round = 0; round < 3; ++round) {
        Client greedy = Client::connectTcp(port, 500);
        const std::string block(64 * 1024, 'x');
        for (int i = 0; i < 32; ++i)
            greedy.sendAll(block);  // never reads the echo
        // Windows drops a connection that is reset before accept() from the backlog, so the
        // reset must wait until the server has this one (and is echoing to it).
        ASSERT_TRUE(waitUntil([&] { return engine->stats().accepted == uint64_t(round) + 1; }));
        greedy.resetOnClose();
        greedy.close();
    }
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return engine->stats().closed == 3;
    }));
    bool sawReset = false;
    for (const SocketEvent& e : trace.events)
        sawReset |= e.kind == EventKind::Close && CloseReason(e.aux) == CloseReason::PeerReset;
    EXPECT_TRUE(sawReset);
    Client polite = Client::connectTcp(port);
    polite.sendAll("ok?");
    EXPECT_EQ(polite.recvOnce(), "ok?");
}

TEST(Faults, FullQueueStopsReadingAndLosesNothing) {
    EngineConfig config = echoOn("127.0.0.1:0=echo");
    config.maxQueueBytes = 64 * 1024;
    auto engine = startEngine(config);
    ASSERT_TRUE(engine);
    // Generous bounds, not delays: the writer blocks until the reader below starts, and under
    // Wine on a loaded machine 24 MiB through a 64 KiB queue takes seconds.
    constexpr int kBoundMs = 30000;
    Client client = Client::connectTcp(listenerPorts(*engine).at(0), kBoundMs);
    // More than loopback's socket buffers can absorb, so the application queue must fill.
    std::string sent(24 << 20, '\0');
    for (size_t i = 0; i < sent.size(); ++i)
        sent[i] = char('a' + (i * 7) % 26);
    std::thread writer([&] { client.sendAll(sent); });
    Trace trace;
    ASSERT_TRUE(waitUntil(
        [&] {
            trace.drainFrom(*engine);
            return trace.last(EventKind::BackpressureOn) != nullptr;
        },
        kBoundMs));
    engine->requestSnapshot();
    ASSERT_TRUE(waitUntil(
        [&] {
            for (const DescriptorInfo& d : engine->descriptors())
                if (d.state == ConnState::Backpressured)
                    return !(d.interest & kRead);
            engine->requestSnapshot();
            return false;
        },
        kBoundMs));
    const std::string echoed = client.recvExactly(sent.size());
    writer.join();
    EXPECT_TRUE(echoed == sent) << "echoed " << echoed.size() << " of " << sent.size();
    trace.drainFrom(*engine);
    EXPECT_NE(trace.last(EventKind::BackpressureOff), nullptr);
}

TEST(Faults, InterruptedWaitIsRetried) {
#ifdef _WIN32
    GTEST_SKIP() << "Windows has no signals that interrupt select()/WSAPoll(): a wait call "
                    "there never fails with WSAEINTR";
#else
    struct sigaction sa {};
    sa.sa_handler = [](int) {};
    sigaction(SIGUSR1, &sa, nullptr);  // no SA_RESTART: the wait call returns EINTR
    auto engine = startEngine(echoOn("127.0.0.1:0=echo"));
    ASSERT_TRUE(engine);
    // Block the signal here, so that the kernel delivers it to the engine's thread.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    for (int i = 0; i < 20 && engine->stats().interruptedCalls == 0; ++i) {
        kill(getpid(), SIGUSR1);
        waitUntil([&] { return engine->stats().interruptedCalls > 0; }, 100);
    }
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    EXPECT_GT(engine->stats().interruptedCalls, 0u);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    client.sendAll("after EINTR");
    EXPECT_EQ(client.recvOnce(), "after EINTR");
#endif
}

TEST(Faults, ExceptionalSetClosesAsTheQueueTutorialDoes) {
    auto engine = startPreset("queue-echo");
    ASSERT_TRUE(engine);
    Client client = Client::connectTcp(listenerPorts(*engine).at(0));
    client.sendOob('!');
    EXPECT_TRUE(client.closedByPeer());
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.last(EventKind::Close) != nullptr;
    }));
    EXPECT_EQ(CloseReason(trace.last(EventKind::Close)->aux), CloseReason::ExceptionalSet);
}
