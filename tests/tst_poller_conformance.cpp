// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance tests for the readiness backends: every available backend must report the same
// conditions on real loopback TCP connections, and its draft must record exactly what went into
// and came out of the system call. One feature per test; every wait is bounded and a watchdog
// ends the process if a test hangs anyway.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/poller/clock.h"
#include "core/poller/poller.h"

#include "tests/support/raw_sockets.h"

#ifdef _WIN32
constexpr int kShutWrite = SD_SEND;
#else
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
constexpr int kShutWrite = SHUT_WR;
#endif

namespace {

using ss::BackendKind;
using ss::CallDraft;
using ss::NativeSocket;
using ss::Poller;
using ss::PollEvent;

using namespace ss::test::raw;

constexpr int kQuietWaitMs = 30;  // a wait that should time out

// The readiness bits reported for fd, or 0 when it is absent. Each fd must appear at most once.
uint8_t readyOf(const std::vector<PollEvent>& events, NativeSocket fd) {
    uint8_t bits = 0;
    int seen = 0;
    for (const PollEvent& e : events) {
        if (e.fd != fd)
            continue;
        bits = e.ready;
        ++seen;
    }
    EXPECT_LE(seen, 1) << "fd " << ss::fdNumber(fd) << " reported more than once";
    return bits;
}

std::vector<int32_t> sorted(std::vector<int32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

bool reportsHangupForZeroInterest(BackendKind kind) {
    return kind == BackendKind::Poll || kind == BackendKind::Epoll || kind == BackendKind::WsaPoll;
}

// Array-order backends list fds in registration order; the others in ascending fd order.
bool listsInArrayOrder(BackendKind kind) {
    return kind == BackendKind::Poll || kind == BackendKind::WsaPoll;
}

class PollerConformance : public ::testing::TestWithParam<BackendKind> {
protected:
    void SetUp() override {
        ss::initSocketPlatform();
        std::string error;
        m_poller = ss::createPoller(GetParam(), &error);
        ASSERT_TRUE(m_poller) << error;
        ASSERT_EQ(m_poller->kind(), GetParam());
        m_listener = listenLoopback();
        ASSERT_NE(m_listener.fd(), ss::kInvalidSocket);
    }

    Conn makeConn() {
        Conn c = connectPair(m_listener.fd());
        EXPECT_NE(c.server.fd(), ss::kInvalidSocket);
        return c;
    }

    void add(const Socket& s, uint8_t interest) {
        std::string error;
        ASSERT_TRUE(m_poller->add(s.fd(), interest, &error)) << error;
    }

    void modify(const Socket& s, uint8_t interest) {
        std::string error;
        ASSERT_TRUE(m_poller->modify(s.fd(), interest, &error)) << error;
    }

    std::vector<PollEvent> waitOnce(int timeoutMs, CallDraft* draft = nullptr,
                                    Poller* poller = nullptr) {
        std::vector<PollEvent> out;
        int err = 0;
        int ret = (poller ? poller : m_poller.get())->wait(timeoutMs, out, &err, draft);
        EXPECT_GE(ret, 0) << "err " << err;
        return out;
    }

    void expectQuiet(Poller* poller = nullptr) {
        CallDraft draft;
        auto out = waitOnce(kQuietWaitMs, &draft, poller);
        EXPECT_TRUE(out.empty());
        EXPECT_EQ(draft.ret, 0);
    }

    // A wait with no interest left in any descriptor: nothing may be reported. Windows cannot
    // wait on nothing: select() with every set empty, like WSAPoll() with no entries, fails at
    // once with WSAEINVAL instead of sleeping, and the backends pass that on as it is (the
    // engine never meets it: its wake-up socket is always watched). WSAPoll() does wait when
    // entries remain, even with events 0.
    void expectQuietWithoutInterest([[maybe_unused]] bool entriesRemain, Poller* poller = nullptr) {
        Poller* p = poller ? poller : m_poller.get();
#ifdef _WIN32
        if (p->kind() == BackendKind::Select || !entriesRemain) {
            CallDraft draft;
            std::vector<PollEvent> out;
            int err = 0;
            EXPECT_EQ(p->wait(kQuietWaitMs, out, &err, &draft), -1);
            EXPECT_EQ(err, WSAEINVAL);
            EXPECT_EQ(draft.ret, -1);
            EXPECT_EQ(draft.err, WSAEINVAL);
            EXPECT_TRUE(out.empty());
            return;
        }
#endif
        expectQuiet(p);
    }

    Watchdog m_watchdog{kTestBudget};
    std::unique_ptr<Poller> m_poller;
    Socket m_listener;
};

TEST_P(PollerConformance, ListenerReadableOnPendingConnection) {
    add(m_listener, ss::kRead);
    expectQuiet();
    Socket client = connectTo(m_listener.fd());
    ASSERT_TRUE(settle(m_listener.fd(), kSettleRead));
    auto out = waitOnce(kReadyWaitMs);
    EXPECT_EQ(readyOf(out, m_listener.fd()), ss::kRead);
    Socket accepted(::accept(m_listener.fd(), nullptr, nullptr));
    EXPECT_NE(accepted.fd(), ss::kInvalidSocket);
}

TEST_P(PollerConformance, ConnectionReadableOnData) {
    Conn c = makeConn();
    add(c.server, ss::kRead);
    expectQuiet();
    sendText(c.client, "hello");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    auto out = waitOnce(kReadyWaitMs);
    EXPECT_EQ(readyOf(out, c.server.fd()), ss::kRead);
    EXPECT_EQ(recvText(c.server), "hello");
}

TEST_P(PollerConformance, ConnectionReadableOnEofAndRecvReturnsZero) {
    Conn c = makeConn();
    add(c.server, ss::kRead);
    ASSERT_EQ(::shutdown(c.client.fd(), kShutWrite), 0);
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    auto out = waitOnce(kReadyWaitMs);
    uint8_t ready = readyOf(out, c.server.fd());
    EXPECT_TRUE(ready & ss::kRead);
    // kqueue flags EOF on the read filter (EV_EOF) and WSAPoll reports the FIN as POLLHUP;
    // select, poll and epoll report a half-close as plain readability (POLLHUP needs both
    // directions shut).
    bool hangup = GetParam() == BackendKind::Kqueue || GetParam() == BackendKind::WsaPoll;
    EXPECT_EQ((ready & ss::kHangup) != 0, hangup);
    char byte;
    EXPECT_EQ(ss::recvBytes(c.server.fd(), &byte, 1), 0);
}

TEST_P(PollerConformance, ConnectionWritable) {
    Conn c = makeConn();
    add(c.server, ss::kWrite);
    auto out = waitOnce(kReadyWaitMs);
    EXPECT_EQ(readyOf(out, c.server.fd()), ss::kWrite);
}

TEST_P(PollerConformance, ExceptOnOutOfBandData) {
    Conn c = makeConn();
    add(c.server, ss::kExcept);
    expectQuiet();
    ASSERT_EQ(::send(c.client.fd(), "!", 1, MSG_OOB), 1);
    ASSERT_TRUE(settle(c.server.fd(), kSettleOob));
    CallDraft draft;
    auto out = waitOnce(kReadyWaitMs, &draft);
    EXPECT_EQ(readyOf(out, c.server.fd()), ss::kExcept);
    EXPECT_EQ(draft.inExcept, std::vector<int32_t>{c.server.num()});
    EXPECT_TRUE(draft.inRead.empty());
    EXPECT_EQ(draft.readyExcept, std::vector<int32_t>{c.server.num()});
    EXPECT_TRUE(draft.readyRead.empty());
    char byte = 0;
    EXPECT_EQ(ss::recvBytes(c.server.fd(), &byte, 1, MSG_OOB), 1);
    EXPECT_EQ(byte, '!');
}

TEST_P(PollerConformance, RemovedDescriptorIsNoLongerReported) {
    Conn c = makeConn();
    Conn other = makeConn();
    add(c.server, ss::kRead);
    add(other.server, ss::kRead);
    sendText(c.client, "pending");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs), c.server.fd()), ss::kRead);
    m_poller->remove(c.server.fd());
    expectQuiet();  // the other connection is still watched
    EXPECT_EQ(recvText(c.server), "pending");
}

TEST_P(PollerConformance, ModifyChangesWhatIsReported) {
    Conn c = makeConn();
    sendText(c.client, "x");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    add(c.server, ss::kRead);
    EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs), c.server.fd()), ss::kRead);
    modify(c.server, ss::kWrite);
    EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs), c.server.fd()), ss::kWrite);
    modify(c.server, ss::kWrite);  // unchanged: must still succeed (and skip the system call)
    modify(c.server, 0);
    expectQuietWithoutInterest(true);
    modify(c.server, ss::kRead | ss::kWrite);
    EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs), c.server.fd()), ss::kRead | ss::kWrite);
}

TEST_P(PollerConformance, InterestZeroWithPendingDataReportsNothing) {
    Conn c = makeConn();
    add(c.server, 0);
    sendText(c.client, "ignored");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    expectQuietWithoutInterest(true);
}

TEST_P(PollerConformance, InterestZeroStillReportsResetWhereTheKernelDoes) {
    Conn c = makeConn();
    add(c.server, 0);
    linger hard{};
    hard.l_onoff = 1;
    hard.l_linger = 0;  // close() now sends RST: error and hang-up on the other end
    ::setsockopt(c.client.fd(), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&hard),
                 sizeof hard);
    c.client = Socket();
    ASSERT_TRUE(settle(c.server.fd(), 0));  // POLLHUP/POLLERR arrive even with events 0
    if (!reportsHangupForZeroInterest(GetParam())) {
        // select and kqueue report only what was asked for: nothing is registered.
        expectQuietWithoutInterest(true);
        return;
    }
    CallDraft draft;
    auto out = waitOnce(kQuietWaitMs, &draft);
    std::vector<int32_t> self{c.server.num()};
    // poll, epoll and WSAPoll always report HUP and ERR; the loop reads (kRead) to learn of
    // the reset.
    EXPECT_EQ(readyOf(out, c.server.fd()), ss::kHangup | ss::kError | ss::kRead);
    EXPECT_EQ(draft.readyHangup, self);
    EXPECT_EQ(draft.readyError, self);
    EXPECT_TRUE(draft.readyRead.empty());
    EXPECT_EQ(draft.ret, 1);
}

TEST_P(PollerConformance, SwitchingBackendMidSessionKeepsReadinessAndData) {
    int switched = 0;
    for (BackendKind other : ss::availableBackends()) {
        if (other == GetParam())
            continue;
        std::string error;
        auto second = ss::createPoller(other, &error);
        ASSERT_TRUE(second) << error;
        Conn c = makeConn();
        add(c.server, ss::kRead);
        sendText(c.client, "abc");
        ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
        EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs), c.server.fd()), ss::kRead);
        ASSERT_TRUE(second->add(c.server.fd(), ss::kRead, &error)) << error;
        m_poller->remove(c.server.fd());
        expectQuietWithoutInterest(false);
        EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs, nullptr, second.get()), c.server.fd()), ss::kRead)
            << "after switching to " << ss::backendName(other);
        EXPECT_EQ(recvText(c.server), "abc");
        second->remove(c.server.fd());
        ++switched;
    }
    if (switched == 0)
        GTEST_SKIP() << "only one backend is available";
}

TEST_P(PollerConformance, DraftRecordsExactlyWhatWentInAndCameOut) {
    Conn a = makeConn(), b = makeConn(), c = makeConn(), d = makeConn();
    sendText(a.client, "a");
    sendText(d.client, "d");
    ASSERT_TRUE(settle(a.server.fd(), kSettleRead));
    ASSERT_TRUE(settle(d.server.fd(), kSettleRead));
    // Registration order differs from fd order, to tell array order from ascending order.
    add(d.server, ss::kRead | ss::kWrite);
    add(a.server, ss::kRead);
    add(c.server, ss::kRead);
    add(b.server, ss::kWrite);
    const BackendKind kind = GetParam();
    std::vector<int32_t> inRead{d.server.num(), a.server.num(), c.server.num()};
    std::vector<int32_t> inWrite{d.server.num(), b.server.num()};
    std::vector<int32_t> readyRead{d.server.num(), a.server.num()};
    std::vector<int32_t> readyWrite{d.server.num(), b.server.num()};
    if (!listsInArrayOrder(kind)) {
        inRead = sorted(inRead), inWrite = sorted(inWrite);
        readyRead = sorted(readyRead), readyWrite = sorted(readyWrite);
    }
    // select and kqueue count each (fd, condition); poll and epoll count descriptors.
    int ret = (kind == BackendKind::Select || kind == BackendKind::Kqueue) ? 4 : 3;
    bool kernelOrder = kind == BackendKind::Epoll || kind == BackendKind::Kqueue;
    CallDraft draft;
    for (int round = 0; round < 2; ++round) {  // a reused draft must not accumulate
        auto out = waitOnce(kReadyWaitMs, &draft);
        EXPECT_EQ(draft.inRead, inRead);
        EXPECT_EQ(draft.inWrite, inWrite);
        EXPECT_TRUE(draft.inExcept.empty());
        // epoll and kqueue return the kernel's ready-list order, which the draft keeps.
        EXPECT_EQ(kernelOrder ? sorted(draft.readyRead) : draft.readyRead, readyRead);
        EXPECT_EQ(kernelOrder ? sorted(draft.readyWrite) : draft.readyWrite, readyWrite);
        EXPECT_TRUE(draft.readyExcept.empty());
        EXPECT_TRUE(draft.readyHangup.empty());
        EXPECT_TRUE(draft.readyError.empty());
        EXPECT_EQ(draft.ret, ret);
        EXPECT_EQ(draft.err, 0);
        EXPECT_EQ(draft.timeoutMs, kReadyWaitMs);
        EXPECT_GT(draft.startNs, 0);
        EXPECT_GE(draft.durationNs, 0);
        EXPECT_LT(draft.durationNs, int64_t{kReadyWaitMs} * 1000000);
        ASSERT_EQ(out.size(), 3u);
        EXPECT_EQ(readyOf(out, a.server.fd()), ss::kRead);
        EXPECT_EQ(readyOf(out, b.server.fd()), ss::kWrite);
        EXPECT_EQ(readyOf(out, d.server.fd()), ss::kRead | ss::kWrite);
    }
}

TEST_P(PollerConformance, TimeoutExpiryReturnsZeroAfterAboutTheTimeout) {
    Conn c = makeConn();
    add(c.server, ss::kRead);
    constexpr int kTimeoutMs = 100;
    CallDraft draft;
    std::vector<PollEvent> out;
    int err = -1;
    int64_t before = ss::monotonicNs();
    int ret = m_poller->wait(kTimeoutMs, out, &err, &draft);
    int64_t elapsed = ss::monotonicNs() - before;
    EXPECT_EQ(ret, 0);
    EXPECT_EQ(err, 0);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(draft.ret, 0);
    EXPECT_EQ(draft.timeoutMs, kTimeoutMs);
    EXPECT_EQ(draft.inRead, std::vector<int32_t>{c.server.num()});
    EXPECT_TRUE(draft.readyRead.empty() && draft.readyWrite.empty() && draft.readyExcept.empty());
    EXPECT_TRUE(draft.readyHangup.empty() && draft.readyError.empty());
    EXPECT_GE(draft.durationNs, int64_t{kTimeoutMs} * 1000000 / 2);
    EXPECT_GE(elapsed, draft.durationNs);
}

// select() gets an empty set as NULL, as CPython's select.select() passes it, and the draft
// says which; the other backends have no sets to pass as NULL.
TEST_P(PollerConformance, EmptySetsAreRecordedAsNullForSelectOnly) {
    Conn c = makeConn();
    add(c.server, ss::kRead | ss::kExcept);
    CallDraft draft;
    waitOnce(kQuietWaitMs, &draft);
    EXPECT_EQ(draft.inRead, std::vector<int32_t>{c.server.num()});
    EXPECT_EQ(draft.inExcept, std::vector<int32_t>{c.server.num()});
    EXPECT_TRUE(draft.inWrite.empty());
    EXPECT_EQ(draft.nullSets, GetParam() == BackendKind::Select ? ss::kWrite : 0);
    modify(c.server, ss::kWrite);
    waitOnce(kReadyWaitMs, &draft);
    EXPECT_EQ(draft.readyWrite, std::vector<int32_t>{c.server.num()});
    EXPECT_EQ(draft.nullSets, GetParam() == BackendKind::Select ? ss::kRead | ss::kExcept : 0);
}

#ifdef __linux__
// With a wait mask, a signal that the mask unblocks interrupts the call: -1 with EINTR, recorded
// as such, with the same sets as any other call. A signal sent before the call starts is not
// lost: it stays pending (blocked) and cuts the call short as soon as the mask is installed.
TEST_P(PollerConformance, WaitMaskLetsOnlyTheUnblockedSignalInterrupt) {
    struct sigaction action {};
    action.sa_handler = [](int) {};
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};
    ASSERT_EQ(sigaction(SIGUSR2, &action, &previous), 0);
    sigset_t block, waitMask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &block, &waitMask), 0);
    sigdelset(&waitMask, SIGUSR2);
    m_poller->setWaitMask(&waitMask);
    Conn c = makeConn();
    add(c.server, ss::kRead);

    // Sent before the call: pending until the call unblocks it, then EINTR at once.
    ASSERT_EQ(pthread_kill(pthread_self(), SIGUSR2), 0);
    CallDraft draft;
    std::vector<PollEvent> out;
    int err = 0;
    EXPECT_EQ(m_poller->wait(10 * 1000, out, &err, &draft), -1);
    EXPECT_EQ(err, EINTR);
    EXPECT_EQ(draft.ret, -1);
    EXPECT_EQ(draft.err, EINTR);
    EXPECT_EQ(draft.inRead, std::vector<int32_t>{c.server.num()});
    EXPECT_TRUE(out.empty());
    EXPECT_LT(draft.durationNs, int64_t{5} * 1000 * 1000000);

    // Sent from another thread, most likely while the call blocks; sent before it, it would be
    // pending and give the same result, so the pause is not a synchronisation.
    const pthread_t waiter = pthread_self();
    std::thread sender([waiter] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        pthread_kill(waiter, SIGUSR2);
    });
    EXPECT_EQ(m_poller->wait(10 * 1000, out, &err, &draft), -1);
    sender.join();
    EXPECT_EQ(err, EINTR);

    // Nothing pending: the call times out as usual, and data still comes back ready.
    expectQuiet();
    sendText(c.client, "x");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    EXPECT_EQ(readyOf(waitOnce(kReadyWaitMs), c.server.fd()), ss::kRead);

    pthread_sigmask(SIG_UNBLOCK, &block, nullptr);
    sigaction(SIGUSR2, &previous, nullptr);
}
#endif

std::string backendParamName(const ::testing::TestParamInfo<BackendKind>& info) {
    return std::string(ss::backendName(info.param));
}

INSTANTIATE_TEST_SUITE_P(AvailableBackends, PollerConformance,
                         ::testing::ValuesIn(ss::availableBackends()), backendParamName);

TEST(BackendRegistry, NamesRoundTripAndAutoIsBest) {
    auto kinds = ss::availableBackends();
    ASSERT_FALSE(kinds.empty());
    EXPECT_EQ(ss::bestBackend(), kinds.front());
    EXPECT_EQ(ss::parseBackend("auto"), ss::bestBackend());
    EXPECT_EQ(ss::parseBackend("no-such-backend"), std::nullopt);
    for (BackendKind kind : kinds) {
        EXPECT_EQ(ss::parseBackend(ss::backendName(kind)), kind);
        EXPECT_FALSE(ss::backendSummary(kind).empty());
        std::string error;
        EXPECT_TRUE(ss::createPoller(kind, &error)) << error;
    }
}

TEST(BackendRegistry, UnavailableBackendIsRefusedWithAClearError) {
#if defined(__linux__)
    std::string error;
    EXPECT_EQ(ss::createPoller(BackendKind::Kqueue, &error), nullptr);
    EXPECT_EQ(error, "kqueue is not available on this platform");
#elif defined(_WIN32)
    // WSAPoll takes the place of poll() on Windows.
    std::string error;
    EXPECT_EQ(ss::createPoller(BackendKind::Poll, &error), nullptr);
    EXPECT_EQ(error, "poll is not available on this platform");
#else
    GTEST_SKIP() << "written for Linux and Windows, where kqueue or poll is the unavailable one";
#endif
}

}  // namespace
