// SPDX-License-Identifier: GPL-3.0-or-later
// select()'s limit, the one backend limit that is about descriptor values (POSIX) or counts
// (Windows): a descriptor past FD_SETSIZE is refused with a clear error and never handed to
// FD_SET, and the sets keep working for the others.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/poller/poller.h"
#include "tests/support/raw_sockets.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

using ss::BackendKind;
using ss::CallDraft;
using ss::PollEvent;
using namespace ss::test::raw;

#ifndef _WIN32
// Raises the soft descriptor limit so fd 1500 can exist; restores it afterwards.
class ScopedFdLimit {
public:
    bool raiseTo(rlim_t wanted) {
        if (::getrlimit(RLIMIT_NOFILE, &m_saved) != 0)
            return false;
        if (m_saved.rlim_cur >= wanted)
            return true;
        if (m_saved.rlim_max != RLIM_INFINITY && m_saved.rlim_max < wanted)
            return false;
        rlimit raised = m_saved;
        raised.rlim_cur = wanted;
        m_changed = ::setrlimit(RLIMIT_NOFILE, &raised) == 0;
        return m_changed;
    }
    ~ScopedFdLimit() {
        if (m_changed)
            ::setrlimit(RLIMIT_NOFILE, &m_saved);
    }

private:
    rlimit m_saved{};
    bool m_changed = false;
};

TEST(SelectLimit, RefusesDescriptorAtOrAboveFdSetSizeWithoutTouchingIt) {
    Watchdog watchdog(kTestBudget);
    constexpr int kHighFd = 1500;
    static_assert(kHighFd >= FD_SETSIZE, "the test needs an fd beyond select's limit");
    ScopedFdLimit limit;
    if (!limit.raiseTo(2048))
        GTEST_SKIP() << "RLIMIT_NOFILE hard limit is below 2048";
    if (::fcntl(kHighFd, F_GETFD) != -1)
        GTEST_SKIP() << "fd 1500 is already in use";
    ss::initSocketPlatform();
    Socket listener = listenLoopback();
    Conn c = connectPair(listener.fd());
    ASSERT_NE(c.server.fd(), ss::kInvalidSocket);
    ASSERT_EQ(::dup2(c.server.fd(), kHighFd), kHighFd);
    Socket high(kHighFd);

    std::string error;
    auto poller = ss::createPoller(BackendKind::Select, &error);
    ASSERT_TRUE(poller) << error;
    EXPECT_EQ(poller->descriptorLimit(), FD_SETSIZE);
    EXPECT_FALSE(poller->add(high.fd(), ss::kRead, &error));
    EXPECT_EQ(error, "fd 1500 >= FD_SETSIZE (" + std::to_string(FD_SETSIZE) +
                         "): select() cannot watch it");
    EXPECT_FALSE(poller->modify(high.fd(), ss::kRead, &error));
    poller->remove(high.fd());  // not watched: a no-op, and must not touch the sets either

    ASSERT_TRUE(poller->add(c.server.fd(), ss::kRead, &error)) << error;
    sendText(c.client, "still works");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    CallDraft draft;
    std::vector<PollEvent> out;
    int err = 0;
    ASSERT_EQ(poller->wait(kReadyWaitMs, out, &err, &draft), 1) << err;
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].fd, c.server.fd());
    EXPECT_EQ(draft.inRead, std::vector<int32_t>{c.server.num()});
    EXPECT_EQ(draft.readyRead, std::vector<int32_t>{c.server.num()});
}
#else
// A bound loopback UDP socket that nobody sends to: it fills a set and stays quiet.
Socket idleUdpSocket() {
    Socket s(::socket(AF_INET, SOCK_DGRAM, 0));
    sockaddr_in addr = loopback(0);
    if (::bind(s.fd(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        return Socket();
    return s;
}

// Winsock's fd_set is a counted array of handles: FD_SETSIZE bounds how many sockets one set
// holds, whatever their values. Socket number FD_SETSIZE + 1 is refused without touching any
// fd_set (FD_SET would silently leave it out of a full set), and the full set still works.
TEST(SelectLimit, RefusesSocketBeyondFdSetSizeWithoutTouchingIt) {
    Watchdog watchdog(kTestBudget);
    ss::initSocketPlatform();
    std::string error;
    auto poller = ss::createPoller(BackendKind::Select, &error);
    ASSERT_TRUE(poller) << error;
    EXPECT_EQ(poller->descriptorLimit(), 0);  // a limit on the count, not on values
    Socket listener = listenLoopback();
    Conn c = connectPair(listener.fd());
    ASSERT_NE(c.server.fd(), ss::kInvalidSocket);
    ASSERT_TRUE(poller->add(c.server.fd(), ss::kRead, &error)) << error;
    std::vector<Socket> fillers;
    while (fillers.size() + 1 < FD_SETSIZE) {
        fillers.push_back(idleUdpSocket());
        ASSERT_NE(fillers.back().fd(), ss::kInvalidSocket);
        ASSERT_TRUE(poller->add(fillers.back().fd(), ss::kRead, &error)) << error;
    }
    Socket extra = idleUdpSocket();
    ASSERT_NE(extra.fd(), ss::kInvalidSocket);
    EXPECT_FALSE(poller->add(extra.fd(), ss::kRead, &error));
    EXPECT_EQ(error, "socket " + std::to_string(extra.num()) + " would be socket number " +
                         std::to_string(FD_SETSIZE + 1) + " > FD_SETSIZE (" +
                         std::to_string(FD_SETSIZE) + "): select() cannot watch it");
    EXPECT_FALSE(poller->modify(extra.fd(), ss::kRead, &error));
    poller->remove(extra.fd());  // not watched: a no-op, and must not touch the sets either

    sendText(c.client, "still works");
    ASSERT_TRUE(settle(c.server.fd(), kSettleRead));
    CallDraft draft;
    std::vector<PollEvent> out;
    int err = 0;
    ASSERT_EQ(poller->wait(kReadyWaitMs, out, &err, &draft), 1) << err;
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].fd, c.server.fd());
    EXPECT_EQ(draft.inRead.size(), size_t(FD_SETSIZE));
    EXPECT_EQ(draft.readyRead, std::vector<int32_t>{c.server.num()});

    // Once a socket leaves, the set has room again.
    poller->remove(fillers.back().fd());
    EXPECT_TRUE(poller->add(extra.fd(), ss::kRead, &error)) << error;
}
#endif  // !_WIN32

}  // namespace
