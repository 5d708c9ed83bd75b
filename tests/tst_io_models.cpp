// SPDX-License-Identifier: GPL-3.0-or-later
// The IO-models chapter's servers (io-blocking, io-threaded, io-nonblocking, io-select): each
// serves real loopback clients as its model does, records its accept, recv and send calls with
// the socket and the thread, and stops promptly while its threads are blocked.
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#ifdef __linux__
#include <dirent.h>
#include <sys/syscall.h>
#endif

#include "tests/support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

using Clock = std::chrono::steady_clock;

int64_t listenerQueue(Engine& engine) {
    engine.requestSnapshot();
    for (const DescriptorInfo& d : engine.descriptors())
        if (d.role == Role::Listener)
            return d.acceptQueue;
    return -2;
}

// Nothing arrived for the client yet (a recv that does not wait).
bool nothingReceived(const Client& c) {
    char byte = 0;
    const ssize_type n = recvBytes(c.fd(), &byte, 1, MSG_DONTWAIT);
    return n < 0 && isWouldBlock(lastSocketError());
}

std::vector<CallRecord> callsOf(const Trace& trace, CallKind kind, int32_t fd = -1) {
    std::vector<CallRecord> out;
    for (const CallRecord& c : trace.calls)
        if (c.kind == kind && (fd < 0 || c.fd == fd))
            out.push_back(c);
    return out;
}

#ifdef __linux__
// How many threads of this process are inside one of these system calls right now, from
// /proc/self/task/*/syscall (the number of the call a blocked thread sits in).
int threadsIn(std::initializer_list<long> numbers) {
    DIR* dir = opendir("/proc/self/task");
    if (!dir)
        return 0;
    int count = 0;
    while (dirent* entry = readdir(dir)) {
        std::ifstream file(std::string("/proc/self/task/") + entry->d_name + "/syscall");
        long number = -1;
        if (!(file >> number))
            continue;
        for (long n : numbers)
            count += number == n;
    }
    closedir(dir);
    return count;
}

int threadsInAccept() {
    return threadsIn({SYS_accept, SYS_accept4});
}

int threadsInRecv() {
    return threadsIn({SYS_recvfrom});
}
#endif

// stop() must not wait for a blocked thread to be woken by a client.
void expectPromptStop(Engine& engine) {
    const auto before = Clock::now();
    engine.stop();
    const auto took = Clock::now() - before;
    EXPECT_LT(took, std::chrono::seconds(2));
    EXPECT_FALSE(engine.running());
}

}  // namespace

TEST(IoBlocking, ServesOneClientWhileTheNextWaitsInTheAcceptQueue) {
    auto engine = startPreset("io-blocking");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port);
    a.sendAll("hello");
    EXPECT_EQ(a.recvExactly(5), "HELLO");

    Client b = Client::connectTcp(port);
    b.sendAll("world");
    EXPECT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 1; }));
    EXPECT_TRUE(nothingReceived(b));
    engine->requestSnapshot();
    EXPECT_TRUE(waitUntil([&] {
        size_t open = 0;
        for (const DescriptorInfo& d : engine->descriptors())
            open += d.state == ConnState::Open && d.interest == 0;
        return open == 2;  // the listener and a; b is in its accept queue, not a descriptor yet
    }));
    a.sendAll("again");
    EXPECT_EQ(a.recvExactly(5), "AGAIN");
    EXPECT_TRUE(nothingReceived(b));

    a.close();
    EXPECT_EQ(b.recvExactly(5), "WORLD");
    EXPECT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 0; }));
    EXPECT_EQ(engine->stats().serverThreads, 1u);
}

// The records say what the thread blocked in: accept() returning the new fd, recv() returning
// the bytes after waiting for them, send().
TEST(IoBlocking, RecordsAcceptRecvAndSendWithTheTimeBlocked) {
    auto engine = startPreset("io-blocking");
    ASSERT_TRUE(engine);
    Client a = Client::connectTcp(listenerPorts(*engine).at(0));
    a.sendAll("hello");
    ASSERT_EQ(a.recvExactly(5), "HELLO");
#ifdef __linux__
    // The server thread is now blocked in recv() on a: everything until "again" is sent counts.
    ASSERT_TRUE(waitUntil([] { return threadsInRecv() == 1; }));
    const auto blockedSince = Clock::now();
    Client b = Client::connectTcp(listenerPorts(*engine).at(0));
    EXPECT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 1; }));
    const auto sent = Clock::now();
    a.sendAll("again");
    ASSERT_EQ(a.recvExactly(5), "AGAIN");
#endif
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return callsOf(trace, CallKind::Send).size() >= 2;
    }));
    const SocketEvent* accepted = trace.last(EventKind::Accept);
    ASSERT_NE(accepted, nullptr);
    const int32_t fd = accepted->fd;
    const auto accepts = callsOf(trace, CallKind::Accept);
    ASSERT_EQ(accepts.size(), 1u);
    EXPECT_EQ(accepts[0].ret, fd);
    EXPECT_EQ(accepts[0].err, 0);
    EXPECT_EQ(accepts[0].thread, 0u);
    EXPECT_GE(accepts[0].fd, 0);
    EXPECT_TRUE(accepts[0].inRead.empty());
    const auto recvs = callsOf(trace, CallKind::Recv, fd);
    ASSERT_EQ(recvs.size(), 2u);
    EXPECT_EQ(recvs[0].ret, 5);
    EXPECT_EQ(recvs[1].ret, 5);
#ifdef __linux__
    EXPECT_GE(recvs[1].durationNs,
              std::chrono::duration_cast<std::chrono::nanoseconds>(sent - blockedSince).count());
#endif
    const auto sends = callsOf(trace, CallKind::Send, fd);
    ASSERT_EQ(sends.size(), 2u);
    EXPECT_EQ(sends[0].ret, 5);
    EXPECT_LT(recvs[0].number, sends[0].number);
    EXPECT_LT(sends[0].number, recvs[1].number);
    EXPECT_EQ(trace.count(EventKind::Recv), 2u);
    EXPECT_EQ(trace.count(EventKind::Send), 2u);
}

// No wait call: the teaching controls of one do not apply.
TEST(IoBlocking, RefusesBackendSwitchAndIgnoresPause) {
    auto engine = startPreset("io-blocking");
    ASSERT_TRUE(engine);
    std::string error;
    EXPECT_FALSE(engine->switchBackend(BackendKind::Poll, &error));
    EXPECT_NE(error.find("no wait call"), std::string::npos) << error;
    EXPECT_EQ(engine->addListener(*parseListenSpec("127.0.0.1:0=echo", nullptr), &error), -1);
    engine->pause();
    engine->step();
    Client a = Client::connectTcp(listenerPorts(*engine).at(0));
    a.sendAll("still");
    EXPECT_EQ(a.recvExactly(5), "STILL");
}

TEST(IoBlocking, StopsWhileBlockedInRecvWithAClientQueued) {
    auto engine = startPreset("io-blocking");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port);
    a.sendAll("x");
    ASSERT_EQ(a.recvExactly(1), "X");
    Client b = Client::connectTcp(port);
    ASSERT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 1; }));
#ifdef __linux__
    ASSERT_TRUE(waitUntil([] { return threadsInRecv() == 1; }));
#endif
    expectPromptStop(*engine);
    EXPECT_TRUE(a.closedByPeer());
}

TEST(IoBlocking, StopsWhileBlockedInAccept) {
    auto engine = startPreset("io-blocking");
    ASSERT_TRUE(engine);
#ifdef __linux__
    ASSERT_TRUE(waitUntil([] { return threadsInAccept() == 1; }));
#endif
    expectPromptStop(*engine);
    Trace trace;
    trace.drainFrom(*engine);
    const auto accepts = callsOf(trace, CallKind::Accept);
    ASSERT_EQ(accepts.size(), 1u);  // shut down under it: accept() returned -1
    EXPECT_EQ(accepts[0].ret, -1);
}

TEST(IoThreaded, ServesThreeClientsAtOnceOneThreadEach) {
    auto engine = startPreset("io-threaded");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    std::vector<Client> clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(Client::connectTcp(port));
    // All three send before any reads: served at once, not one after the other.
    for (size_t i = 0; i < clients.size(); ++i)
        clients[i].sendAll("abc" + std::to_string(i));
    for (size_t i = clients.size(); i-- > 0;)
        EXPECT_EQ(clients[i].recvExactly(4), "ABC" + std::to_string(i));
    EXPECT_TRUE(waitUntil([&] { return engine->stats().serverThreads == 4; }));

    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return callsOf(trace, CallKind::Send).size() >= 3;
    }));
    std::map<int32_t, std::set<uint32_t>> threadsByFd;
    for (const CallRecord& c : trace.calls) {
        if (c.kind == CallKind::Accept)
            EXPECT_EQ(c.thread, 0u);
        else if (c.kind != CallKind::Wait)
            threadsByFd[c.fd].insert(c.thread);
    }
    ASSERT_EQ(threadsByFd.size(), 3u);
    std::set<uint32_t> threads;
    for (const auto& [fd, numbers] : threadsByFd) {
        ASSERT_EQ(numbers.size(), 1u) << "fd " << fd;
        EXPECT_NE(*numbers.begin(), 0u);
        threads.insert(*numbers.begin());
    }
    EXPECT_EQ(threads.size(), 3u);

    clients[0].close();
    EXPECT_TRUE(waitUntil([&] { return engine->stats().serverThreads == 3; }));
    clients.clear();
    EXPECT_TRUE(waitUntil([&] { return engine->stats().serverThreads == 1; }));
    EXPECT_TRUE(waitUntil([&] { return engine->stats().openConnections == 0; }));
}

TEST(IoThreaded, StopsWithThreadsBlockedInRecvAndAccept) {
    auto engine = startPreset("io-threaded");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port);
    Client b = Client::connectTcp(port);
    a.sendAll("a");
    b.sendAll("b");
    ASSERT_EQ(a.recvExactly(1), "A");
    ASSERT_EQ(b.recvExactly(1), "B");
#ifdef __linux__
    ASSERT_TRUE(waitUntil([] { return threadsInRecv() == 2 && threadsInAccept() == 1; }));
#endif
    expectPromptStop(*engine);
    EXPECT_TRUE(a.closedByPeer());
    EXPECT_TRUE(b.closedByPeer());
    EXPECT_EQ(engine->stats().serverThreads, 0u);
}

namespace {

// Drains the flooded ring on a thread of its own, keeping only what a test asks about: the
// calls on one socket and everything that is not an EAGAIN.
class Drainer {
public:
    explicit Drainer(Engine& engine) : m_engine(engine), m_thread([this] { run(); }) {}
    ~Drainer() { finish(); }
    void watchFd(int32_t fd) { m_fd.store(fd); }
    void finish() {
        m_done.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }
    uint64_t eagainAccepts() const { return m_eagainAccepts.load(); }
    std::vector<CallRecord> kept() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_kept;
    }

private:
    void run() {
        while (!m_done.load()) {
            m_engine.trace().drain(
                [this](const CallRecord& c) {
                    const bool eagain = c.ret < 0 && isWouldBlock(c.err);
                    if (c.kind == CallKind::Accept && eagain)
                        m_eagainAccepts.fetch_add(1);
                    if (!eagain || (c.fd == m_fd.load() && c.kind == CallKind::Recv)) {
                        std::lock_guard<std::mutex> lock(m_mutex);
                        m_kept.push_back(c);
                    }
                },
                nullptr);
            std::this_thread::yield();
        }
    }

    Engine& m_engine;
    std::atomic<bool> m_done{false};
    std::atomic<int32_t> m_fd{-2};
    std::atomic<uint64_t> m_eagainAccepts{0};
    mutable std::mutex m_mutex;
    std::vector<CallRecord> m_kept;
    std::thread m_thread;
};

}  // namespace

TEST(IoNonBlocking, SpinsOnEagainWithNoClient) {
    auto engine = startPreset("io-nonblocking");
    ASSERT_TRUE(engine);
    Drainer drainer(*engine);
    EXPECT_TRUE(waitUntil([&] { return drainer.eagainAccepts() >= 500; }));
    EXPECT_TRUE(waitUntil([&] { return engine->stats().socketCalls >= 500; }));
    EXPECT_EQ(engine->stats().waitCalls, 0u);
    // A quarter second of spinning shows as calls per second and the thread's CPU use.
    EXPECT_TRUE(waitUntil([&] { return engine->stats().callsPerSecond > 1000; }));
    EXPECT_GT(engine->stats().loopCpuPercent, 0);
    drainer.finish();
    expectPromptStop(*engine);
}

TEST(IoNonBlocking, TriesRecvOnTheClientBetweenItsMessages) {
    EngineConfig config;
    config.traceRingBytes = 32u << 20;
    auto engine = startPreset("io-nonblocking", config);
    ASSERT_TRUE(engine);
    Drainer drainer(*engine);
    Client a = Client::connectTcp(listenerPorts(*engine).at(0));
    int32_t fd = -1;
    ASSERT_TRUE(waitUntil([&] {
        engine->requestSnapshot();
        for (const DescriptorInfo& d : engine->descriptors())
            if (d.role == Role::Connection)
                fd = d.fd;
        return fd >= 0;
    }));
    drainer.watchFd(fd);
    // The calls on the socket, in order, as the drainer has seen them so far: the reads that got
    // bytes, and the recv() calls that failed with EAGAIN before the first, and between the first
    // and the second.
    struct Seen {
        std::vector<int32_t> reads;
        size_t eagain[2] = {0, 0};
    };
    const auto seen = [&] {
        Seen s;
        for (const CallRecord& c : drainer.kept()) {
            if (c.kind != CallKind::Recv || c.fd != fd)
                continue;
            EXPECT_EQ(c.thread, 0u);
            if (c.ret > 0)
                s.reads.push_back(c.ret);
            else if (s.reads.size() < 2 && c.ret < 0 && isWouldBlock(c.err))
                ++s.eagain[s.reads.size()];
        }
        return s;
    };
    // The drainer runs behind the server: each step waits until it has seen what the step needs
    // (or until the ring, full, has dropped records: a watcher that falls behind loses them,
    // counted, and then the order is not checked).
    const auto droppedAny = [&] { return engine->trace().dropped() > 0; };
    ASSERT_TRUE(waitUntil([&] { return seen().eagain[0] >= 10 || droppedAny(); }));
    a.sendAll("hello");
    EXPECT_EQ(a.recvExactly(5), "HELLO");
    ASSERT_TRUE(waitUntil([&] { return seen().eagain[1] >= 10 || droppedAny(); }));
    a.sendAll("again");
    EXPECT_EQ(a.recvExactly(5), "AGAIN");
    EXPECT_TRUE(waitUntil([&] { return seen().reads.size() >= 2 || droppedAny(); }));
    drainer.finish();
    if (!droppedAny()) {
        const Seen s = seen();
        EXPECT_EQ(s.reads, (std::vector<int32_t>{5, 5}));
        EXPECT_GE(s.eagain[0], 10u);
        EXPECT_GE(s.eagain[1], 10u);
    }
    expectPromptStop(*engine);
}

TEST(IoNonBlocking, StopsWithAClientConnected) {
    auto engine = startPreset("io-nonblocking");
    ASSERT_TRUE(engine);
    Client a = Client::connectTcp(listenerPorts(*engine).at(0));
    a.sendAll("x");
    ASSERT_EQ(a.recvExactly(1), "X");
    expectPromptStop(*engine);
    EXPECT_TRUE(a.closedByPeer());
}

TEST(IoSelect, ServesWithSelectWaitCalls) {
    EngineConfig config;
    config.backend = findPreset("io-select")->backend;  // as --preset io-select starts it
    auto engine = startPreset("io-select", config);
    ASSERT_TRUE(engine);
    EXPECT_EQ(engine->config().model, IoModel::Multiplexed);
    EXPECT_EQ(engine->config().timeoutMs, -1);
    Client a = Client::connectTcp(listenerPorts(*engine).at(0));
    a.sendAll("hello");
    EXPECT_EQ(a.recvExactly(5), "HELLO");
    Trace trace;
    ASSERT_TRUE(waitUntil([&] {
        trace.drainFrom(*engine);
        return trace.count(EventKind::Send) >= 1;
    }));
    ASSERT_FALSE(trace.calls.empty());
    for (const CallRecord& c : trace.calls) {
        EXPECT_EQ(c.kind, CallKind::Wait);
        EXPECT_EQ(c.fd, -1);
        EXPECT_EQ(c.backend, BackendKind::Select);
    }
    expectPromptStop(*engine);
}

TEST(IoModelPresets, FourPresetsOfTheChapter) {
    for (const char* name : {"io-blocking", "io-threaded", "io-nonblocking", "io-select"}) {
        const Preset* p = findPreset(name);
        ASSERT_NE(p, nullptr) << name;
        ASSERT_EQ(p->listeners.size(), 1u);
        EXPECT_EQ(p->listeners[0].endpoint.port, 8080);
        EXPECT_EQ(p->listeners[0].backlog, 5);
        EXPECT_EQ(p->listeners[0].recvSize, 1024u);
        EXPECT_TRUE(p->listeners[0].behaviour.upper);
    }
    EXPECT_EQ(findPreset("io-blocking")->model, IoModel::Blocking);
    EXPECT_EQ(findPreset("io-threaded")->model, IoModel::Threaded);
    EXPECT_EQ(findPreset("io-nonblocking")->model, IoModel::NonBlocking);
    EXPECT_EQ(findPreset("io-select")->model, IoModel::Multiplexed);
    EXPECT_EQ(findPreset("io-select")->backend, BackendKind::Select);
}

// The IO-model servers serve one TCP echo listener: anything else is refused at start.
TEST(IoModelPresets, RefusesMoreThanOneListener) {
    EngineConfig config;
    config.model = IoModel::Blocking;
    config.listeners = {*parseListenSpec("127.0.0.1:0=upper", nullptr),
                        *parseListenSpec("127.0.0.1:0=upper", nullptr)};
    Engine engine(config);
    std::string error;
    EXPECT_FALSE(engine.start(&error));
    EXPECT_NE(error.find("exactly one TCP echo listener"), std::string::npos) << error;
}

namespace {

// The preset as its tutorial's code behaves (--as-written), on a free port.
std::unique_ptr<Engine> startAsWritten(const char* name) {
    Preset p = *findPreset(name);
    EXPECT_TRUE(applyAsWritten(p));
    EngineConfig config;
    config.listeners = p.listeners;
    config.listeners[0].endpoint.port = 0;
    config.model = p.model;
    config.timeoutMs = p.timeoutMs;
    return startEngine(config);
}

}  // namespace

// As written, the blocking loop never ends at EOF: recv() returns 0, send(b'') returns 0, again
// and again, and the next client waits in the accept queue for ever.
TEST(IoAsWritten, BlockingLoopSpinsAtEofAndServesNoOneElse) {
    auto engine = startAsWritten("io-blocking");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port);
    a.sendAll("hi");
    ASSERT_EQ(a.recvExactly(2), "HI");
    a.shutdownWrite();
    Client b = Client::connectTcp(port);
    b.sendAll("b");
    ASSERT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 1; }));
    Trace trace;
    int32_t fd = -1;
    size_t eofReads = 0, emptySends = 0;
    ASSERT_TRUE(waitUntil([&] {
        trace.calls.clear();
        trace.drainFrom(*engine);
        if (const SocketEvent* accepted = trace.last(EventKind::Accept))
            fd = accepted->fd;
        for (const CallRecord& c : trace.calls) {
            eofReads += c.kind == CallKind::Recv && c.fd == fd && c.ret == 0;
            emptySends += c.kind == CallKind::Send && c.fd == fd && c.ret == 0;
        }
        return eofReads >= 100 && emptySends >= 100;
    }));
    EXPECT_EQ(listenerQueue(*engine), 1);
    EXPECT_TRUE(nothingReceived(b));
    expectPromptStop(*engine);
}

#ifdef __linux__
// As written, the non-blocking server's connections block (Linux does not pass O_NONBLOCK on to
// an accepted socket): recv() on the first client holds everything up until it sends.
TEST(IoAsWritten, NonBlockingServerBlocksInRecvOnItsFirstClient) {
    auto engine = startAsWritten("io-nonblocking");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port);
    ASSERT_TRUE(waitUntil([] { return threadsInRecv() == 1; }));
    Client b = Client::connectTcp(port);
    b.sendAll("b");
    ASSERT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 1; }));
    EXPECT_TRUE(nothingReceived(b));
    a.sendAll("a");
    EXPECT_EQ(a.recvExactly(1), "A");
    // b is accepted now, but the next pass blocks in recv() on a again before reading b.
    ASSERT_TRUE(waitUntil([&] { return listenerQueue(*engine) == 0; }));
    ASSERT_TRUE(waitUntil([] { return threadsInRecv() == 1; }));
    EXPECT_TRUE(nothingReceived(b));
    a.sendAll("a2");
    EXPECT_EQ(a.recvExactly(2), "A2");
    EXPECT_EQ(b.recvExactly(1), "B");
    expectPromptStop(*engine);
}
#endif
