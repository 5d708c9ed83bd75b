// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor table of a traced process read from outside (/proc/PID/fd and sock_diag), here
// of this test's own process: a listener with a connection waiting in its accept queue, and an
// accepted connection with bytes its peer sent that nobody has read yet.
#include <gtest/gtest.h>

#include <unistd.h>

#include <string>
#include <vector>

#include "core/tracer/socket_table.h"
#include "support/raw_sockets.h"
#include "support/test_net.h"

using namespace ss;
using namespace ss::test::raw;

namespace {

const DescriptorInfo* rowOf(const std::vector<DescriptorInfo>& rows, int fd) {
    for (const DescriptorInfo& r : rows)
        if (r.fd == fd)
            return &r;
    return nullptr;
}

std::vector<DescriptorInfo> tableOfThisProcess() {
    std::vector<DescriptorInfo> rows;
    std::string error;
    EXPECT_TRUE(tracer::socketTable(::getpid(), &rows, &error)) << error;
    return rows;
}

}  // namespace

TEST(SocketTable, ListenerAndConnectionWithTheirQueues) {
    Watchdog watchdog(kTestBudget);
    Socket listener = listenLoopback();
    ASSERT_TRUE(listener.fd() >= 0);
    Conn pair = connectPair(listener.fd());
    Socket waiting = connectTo(listener.fd());  // completed, not accepted
    sendText(pair.client, "hello");

    std::vector<DescriptorInfo> rows;
    ASSERT_TRUE(ss::test::waitUntil([&] {
        rows = tableOfThisProcess();
        const DescriptorInfo* l = rowOf(rows, listener.num());
        const DescriptorInfo* s = rowOf(rows, pair.server.num());
        return l && s && l->acceptQueue == 1 && s->kernelRecvQueue == 5;
    }));
    const std::string port = std::to_string(portOf(listener.fd()));
    const DescriptorInfo* l = rowOf(rows, listener.num());
    EXPECT_EQ(l->role, Role::Listener);
    EXPECT_EQ(l->local, "127.0.0.1:" + port);
    EXPECT_GE(l->acceptBacklog, 1);

    const DescriptorInfo* s = rowOf(rows, pair.server.num());
    EXPECT_EQ(s->role, Role::Connection);
    EXPECT_EQ(s->local, "127.0.0.1:" + port);
    EXPECT_EQ(s->peer, "127.0.0.1:" + std::to_string(portOf(pair.client.fd())));
    EXPECT_EQ(s->state, ConnState::Open);
    EXPECT_EQ(s->kernelSendQueue, 0);

    // The peer's FIN: the server's end waits in CLOSE_WAIT until the program closes it.
    pair.client = Socket();
    ASSERT_TRUE(ss::test::waitUntil([&] {
        rows = tableOfThisProcess();
        const DescriptorInfo* r = rowOf(rows, pair.server.num());
        return r && r->state == ConnState::HalfClosed;
    }));
    EXPECT_EQ(rowOf(rows, pair.client.num()), nullptr);
}

TEST(SocketTable, OnlySocketsInFdOrderAndAGoneProcessIsAnError) {
    Watchdog watchdog(kTestBudget);
    Socket a = listenLoopback();
    Socket b = listenLoopback();
    const std::vector<DescriptorInfo> rows = tableOfThisProcess();
    ASSERT_GE(rows.size(), 2u);
    for (size_t i = 1; i < rows.size(); ++i)
        EXPECT_LT(rows[i - 1].fd, rows[i].fd);
    for (const DescriptorInfo& r : rows)
        EXPECT_NE(r.fd, STDIN_FILENO);  // a terminal or a pipe, not a socket

    std::vector<DescriptorInfo> none;
    std::string error;
    EXPECT_FALSE(tracer::socketTable(0x3fffff, &none, &error));
    EXPECT_NE(error.find("/proc/4194303/fd"), std::string::npos) << error;
}
