// SPDX-License-Identifier: GPL-3.0-or-later
// The cost of one non-blocking wait call against the number of watched descriptors, for one
// backend: the "select gets slow with many descriptors" lesson, measured rather than asserted.
// One cell registers K descriptors for reading (K-1 idle ends of socketpairs and one with a byte
// pending, opened last so that it has the highest number), checks that exactly the ready one is
// reported, then times many wait(0) calls in short rounds and keeps the median round. With
// traced set, each round is followed by one whose calls also fill a CallDraft (what recording
// the trace costs), so that background load hits both columns alike.
//
// bench/descriptor_scaling prints these cells as tables; the window's cost curve draws them.
// Nothing here is Qt, and nothing is shared between calls: cells may be measured on any thread.
// socketpair() does not exist on Windows, so there every cell reports Unavailable.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "core/poller/backend_kind.h"

namespace ss {

enum class WaitCostStatus : uint8_t {
    Measured,          // the medians below are valid
    OverBackendLimit,  // select: K descriptors do not fit below FD_SETSIZE (limit); none was set
    DescriptorLimit,   // the process may not open that many descriptors (limit: RLIMIT_NOFILE)
    Unavailable,       // this backend, or the measurement itself, does not exist here
    Failed,            // a system call failed, or the sanity check did; detail says which
    Cancelled,         // the cancel flag was raised before the cell was done
};

struct WaitCostOptions {
    int64_t budgetNs = 200'000'000;  // time spent timing calls, per column
    int rounds = 9;                  // rounds per column; the median round is reported
    bool traced = true;              // also time calls that record a CallDraft
};

struct WaitCostCell {
    BackendKind backend = BackendKind::Select;
    int descriptors = 0;  // watched by every timed call, the ready one included
    WaitCostStatus status = WaitCostStatus::Failed;
    std::string detail;  // one English sentence when not Measured (for logs and the bench)
    long limit = 0;      // the limit that stopped the cell (OverBackendLimit, DescriptorLimit)
    double nsPerWait = 0, nsPerWaitTraced = 0;  // medians; traced only with options.traced
    long calls = 0, callsTraced = 0;            // wait calls timed in all rounds
};

// Called between rounds with how much of the cell is done, from 0 to 1, on the measuring thread.
using WaitCostProgress = std::function<void(double done)>;

// Raises the soft RLIMIT_NOFILE to the hard limit (10,000 descriptors need more than the usual
// 1,024) and returns the soft limit now in force; 0 where the platform has no such limit.
long raiseDescriptorLimit();

// Measures one cell. cancel (may be null) is polled between batches of calls; when it becomes
// true the cell ends early with Cancelled. Descriptors are closed before it returns.
WaitCostCell measureWaitCost(BackendKind backend, int descriptors, const WaitCostOptions& options,
                             const std::atomic<bool>* cancel = nullptr,
                             const WaitCostProgress& progress = {});

}  // namespace ss
