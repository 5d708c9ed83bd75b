// SPDX-License-Identifier: GPL-3.0-or-later
// The wait-cost cell that bench/descriptor_scaling prints and the cost curve draws: every backend
// of this build measures a small cell with real socketpairs, select() reports its FD_SETSIZE
// limit instead of handing a descriptor beyond it to FD_SET, and a raised cancel flag ends a
// cell early. No time is asserted: only that a time was measured.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

#include "core/net/platform.h"
#include "core/poller/backend_kind.h"
#include "core/poller/wait_cost.h"
#include "tests/support/raw_sockets.h"
#include "tests/support/test_net.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

namespace {

using ss::BackendKind;
using ss::WaitCostStatus;
using ss::test::raw::kTestBudget;
using ss::test::raw::Watchdog;

ss::WaitCostOptions smallOptions() {
    ss::WaitCostOptions options;
    options.budgetNs = 3'000'000;
    options.rounds = 3;
    options.traced = true;
    return options;
}

#ifdef _WIN32

TEST(WaitCost, SaysItIsNotAvailableOnWindows) {
    ss::initSocketPlatform();
    for (BackendKind kind : ss::availableBackends()) {
        const ss::WaitCostCell cell = ss::measureWaitCost(kind, 10, smallOptions());
        EXPECT_EQ(cell.status, WaitCostStatus::Unavailable);
        EXPECT_FALSE(cell.detail.empty());
        EXPECT_EQ(cell.calls, 0);
    }
}

#else

class WaitCost : public ::testing::TestWithParam<BackendKind> {
protected:
    void SetUp() override { ss::initSocketPlatform(); }
};

// 21 idle descriptors and the ready one: the odd idle one's peer stays open and unwatched. While
// the cell runs, the process really has every requested descriptor open.
TEST_P(WaitCost, MeasuresAPositiveTimeForTheDescriptorsRequested) {
    Watchdog watchdog(kTestBudget);
    constexpr int kDescriptors = 22;
    const int before = ss::test::openDescriptorCount();
    int openWhileMeasuring = 0;
    const ss::WaitCostCell cell =
        ss::measureWaitCost(GetParam(), kDescriptors, smallOptions(), nullptr, [&](double) {
            openWhileMeasuring = std::max(openWhileMeasuring, ss::test::openDescriptorCount());
        });
    ASSERT_EQ(cell.status, WaitCostStatus::Measured) << cell.detail;
    EXPECT_EQ(cell.backend, GetParam());
    EXPECT_EQ(cell.descriptors, kDescriptors);
    EXPECT_GT(cell.nsPerWait, 0);
    EXPECT_GT(cell.nsPerWaitTraced, 0);
    EXPECT_GT(cell.calls, 0);
    EXPECT_GT(cell.callsTraced, 0);
    EXPECT_GE(openWhileMeasuring - before, kDescriptors);
    EXPECT_EQ(ss::test::openDescriptorCount(), before);  // all closed again
}

// The window's curve skips the traced column: it is not measured then.
TEST_P(WaitCost, UntracedCellTimesOnlyPlainCalls) {
    Watchdog watchdog(kTestBudget);
    ss::WaitCostOptions options = smallOptions();
    options.traced = false;
    const ss::WaitCostCell cell = ss::measureWaitCost(GetParam(), 10, options);
    ASSERT_EQ(cell.status, WaitCostStatus::Measured) << cell.detail;
    EXPECT_GT(cell.nsPerWait, 0);
    EXPECT_EQ(cell.callsTraced, 0);
}

// Cancelled from the progress callback after the first round: no second round is timed, nothing
// is reported as measured, and every descriptor is closed.
TEST_P(WaitCost, CancelStopsTheCellEarly) {
    Watchdog watchdog(kTestBudget);
    ss::WaitCostOptions options = smallOptions();
    options.budgetNs = 400'000'000;
    options.rounds = 20;
    std::atomic<bool> cancel{false};
    int rounds = 0;
    const int before = ss::test::openDescriptorCount();
    const ss::WaitCostCell cell =
        ss::measureWaitCost(GetParam(), 100, options, &cancel, [&](double done) {
            ++rounds;
            EXPECT_LT(done, 1.0);
            cancel = true;
        });
    EXPECT_EQ(cell.status, WaitCostStatus::Cancelled);
    EXPECT_EQ(rounds, 1);
    EXPECT_EQ(cell.nsPerWait, 0);
    EXPECT_EQ(ss::test::openDescriptorCount(), before);
}

TEST_P(WaitCost, CancelledBeforeStartOpensNothing) {
    std::atomic<bool> cancel{true};
    int rounds = 0;
    const ss::WaitCostCell cell =
        ss::measureWaitCost(GetParam(), 1000, smallOptions(), &cancel, [&](double) { ++rounds; });
    EXPECT_EQ(cell.status, WaitCostStatus::Cancelled);
    EXPECT_EQ(rounds, 0);
    EXPECT_EQ(cell.calls, 0);
}

INSTANTIATE_TEST_SUITE_P(AvailableBackends, WaitCost, ::testing::ValuesIn(ss::availableBackends()),
                         [](const ::testing::TestParamInfo<BackendKind>& info) {
                             return std::string(ss::backendName(info.param));
                         });

// More descriptors than select() can hold: refused before any is opened, with the limit.
TEST(WaitCostSelect, ReportsFdSetSizeForTooManyDescriptors) {
    ss::initSocketPlatform();
    const int before = ss::test::openDescriptorCount();
    const ss::WaitCostCell cell =
        ss::measureWaitCost(BackendKind::Select, FD_SETSIZE + 10, smallOptions());
    EXPECT_EQ(cell.status, WaitCostStatus::OverBackendLimit);
    EXPECT_EQ(cell.limit, FD_SETSIZE);
    EXPECT_EQ(cell.calls, 0);
    EXPECT_NE(cell.detail.find(std::to_string(FD_SETSIZE)), std::string::npos) << cell.detail;
    EXPECT_EQ(ss::test::openDescriptorCount(), before);
}

// Few enough descriptors, but with the low numbers taken the cell's own reach past FD_SETSIZE:
// the cell stops at the first such descriptor and reports the limit. Had it called FD_SET there,
// a fortified build would abort and an unfortified one write past the set.
TEST(WaitCostSelect, StopsAtTheFirstDescriptorBeyondFdSetSize) {
    Watchdog watchdog(kTestBudget);
    ss::initSocketPlatform();
    if (ss::raiseDescriptorLimit() < FD_SETSIZE + 200)
        GTEST_SKIP() << "RLIMIT_NOFILE is too low to fill the descriptors below FD_SETSIZE";
    std::vector<int> fillers{::open("/dev/null", O_RDONLY)};
    ASSERT_GE(fillers.front(), 0);
    while (fillers.back() >= 0 && fillers.back() < FD_SETSIZE - 50)
        fillers.push_back(::dup(fillers.front()));
    ASSERT_GE(fillers.back(), 0);
    const ss::WaitCostCell cell = ss::measureWaitCost(BackendKind::Select, 100, smallOptions());
    for (int fd : fillers)
        ::close(fd);
    EXPECT_EQ(cell.status, WaitCostStatus::OverBackendLimit) << cell.detail;
    EXPECT_EQ(cell.limit, FD_SETSIZE);
    EXPECT_EQ(cell.calls, 0);
}

TEST(WaitCostUnavailable, ABackendThisBuildLacksIsReportedNotMeasured) {
    const auto available = ss::availableBackends();
    for (BackendKind kind : {BackendKind::Select, BackendKind::Poll, BackendKind::Epoll,
                             BackendKind::Kqueue, BackendKind::WsaPoll}) {
        if (std::find(available.begin(), available.end(), kind) != available.end())
            continue;
        const ss::WaitCostCell cell = ss::measureWaitCost(kind, 10, smallOptions());
        EXPECT_EQ(cell.status, WaitCostStatus::Unavailable) << ss::backendName(kind);
        EXPECT_EQ(cell.calls, 0);
    }
}

#endif

}  // namespace
