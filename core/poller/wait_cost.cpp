// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/wait_cost.h"

#ifndef _WIN32
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "core/poller/clock.h"
#include "core/poller/poller.h"

namespace ss {

#ifdef _WIN32

long raiseDescriptorLimit() {
    return 0;
}

// Windows has no socketpair(), and loopback TCP pairs by the thousand would measure the TCP
// stack's set-up as much as the wait call; the measurement is POSIX only, and says so.
WaitCostCell measureWaitCost(BackendKind backend, int descriptors, const WaitCostOptions&,
                             const std::atomic<bool>*, const WaitCostProgress&) {
    WaitCostCell cell;
    cell.backend = backend;
    cell.descriptors = descriptors;
    cell.status = WaitCostStatus::Unavailable;
    cell.detail = "the wait-cost measurement needs socketpair(), which Windows does not have";
    return cell;
}

#else

namespace {

// Descriptors the process needs besides the cell's own: the standard streams, the poller's, and
// whatever else it has open (a window has dozens).
constexpr long kDescriptorHeadroom = 64;
// Calls made between two readings of the clock and the cancel flag: reading the clock costs
// about 20 ns, and a slow cell (poll at 10,000 descriptors takes most of a millisecond per call)
// must still stop close to its budget.
constexpr int kBatch = 8;
constexpr int kPairsPerCancelCheck = 64;

// The descriptors of one cell, closed on destruction.
class DescriptorSet {
public:
    DescriptorSet() = default;
    DescriptorSet(const DescriptorSet&) = delete;
    DescriptorSet& operator=(const DescriptorSet&) = delete;
    ~DescriptorSet() {
        for (int fd : m_fds)
            ::close(fd);
    }
    bool openPair(int out[2]) {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, out) != 0)
            return false;
        m_fds.push_back(out[0]);
        m_fds.push_back(out[1]);
        return true;
    }

private:
    std::vector<int> m_fds;
};

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

// Marks the cell as stopped for a reason; returns false so that callers can return it.
bool stop(WaitCostCell& cell, WaitCostStatus status, std::string detail, long limit = 0) {
    cell.status = status;
    cell.detail = std::move(detail);
    cell.limit = limit;
    return false;
}

bool overLimit(WaitCostCell& cell, int limit) {
    return stop(cell, WaitCostStatus::OverBackendLimit,
                std::to_string(cell.descriptors) + " descriptors do not fit below " +
                    std::string(backendName(cell.backend)) + "'s limit of " + std::to_string(limit),
                limit);
}

bool openFailed(WaitCostCell& cell) {
    const int code = errno;
    if (code == EMFILE || code == ENFILE)
        return stop(cell, WaitCostStatus::DescriptorLimit,
                    "cannot open " + std::to_string(cell.descriptors) +
                        " descriptors: " + std::strerror(code),
                    raiseDescriptorLimit());
    return stop(cell, WaitCostStatus::Failed,
                std::string("socketpair() failed: ") + std::strerror(code));
}

// Registers fd for reading, unless the backend cannot watch its number: select() must never see
// a descriptor at or above FD_SETSIZE (FD_SET would write out of bounds), so that is checked
// here, before the poller is asked.
bool watch(Poller& poller, int fd, WaitCostCell& cell) {
    const int limit = poller.descriptorLimit();
    if (limit > 0 && fd >= limit)
        return overLimit(cell, limit);
    std::string error;
    if (!poller.add(fd, kRead, &error))
        return stop(cell, WaitCostStatus::Failed, error);
    return true;
}

// Registers descriptors-1 idle descriptors (both ends of socketpairs; an odd one out keeps its
// unwatched peer open, so that it stays idle rather than reading EOF) and then the ready one,
// whose number it stores in *readyFd.
bool populate(Poller& poller, DescriptorSet& fds, WaitCostCell& cell,
              const std::atomic<bool>* cancel, int* readyFd) {
    const int idle = cell.descriptors - 1;
    for (int i = 0; i < idle; i += 2) {
        if (i % (2 * kPairsPerCancelCheck) == 0 && cancelled(cancel))
            return stop(cell, WaitCostStatus::Cancelled, "cancelled");
        int pair[2];
        if (!fds.openPair(pair))
            return openFailed(cell);
        if (!watch(poller, pair[0], cell) || (i + 1 < idle && !watch(poller, pair[1], cell)))
            return false;
    }
    int ready[2];
    if (!fds.openPair(ready))
        return openFailed(cell);
    if (::write(ready[1], "x", 1) != 1)
        return stop(cell, WaitCostStatus::Failed, "cannot make the ready descriptor readable");
    *readyFd = ready[0];
    return watch(poller, ready[0], cell);
}

// Times wait(0) calls until the budget is spent; returns ns per call (0 when cancelled) and adds
// to *calls.
double timeWaits(Poller& poller, CallDraft* draft, int64_t budgetNs, long* calls,
                 const std::atomic<bool>* cancel) {
    std::vector<PollEvent> out;
    int err = 0;
    const int64_t start = monotonicNs();
    int64_t now = start;
    long n = 0;
    while (now - start < budgetNs) {
        for (int i = 0; i < kBatch; ++i)
            poller.wait(0, out, &err, draft);
        n += kBatch;
        now = monotonicNs();
        if (cancelled(cancel))
            return 0;
    }
    *calls += n;
    return static_cast<double>(now - start) / static_cast<double>(n);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Warms the caches (and sizes the draft's vectors), then alternates plain and traced rounds.
void timeCell(Poller& poller, const WaitCostOptions& options, WaitCostCell& cell,
              const std::atomic<bool>* cancel, const WaitCostProgress& progress) {
    const int rounds = std::max(1, options.rounds);
    const int64_t roundNs = options.budgetNs / rounds;
    CallDraft draft;
    long warm = 0;
    timeWaits(poller, nullptr, options.budgetNs / 20, &warm, cancel);
    if (options.traced)
        timeWaits(poller, &draft, options.budgetNs / 20, &warm, cancel);
    std::vector<double> plain, traced;
    for (int round = 0; round < rounds && !cancelled(cancel); ++round) {
        plain.push_back(timeWaits(poller, nullptr, roundNs, &cell.calls, cancel));
        if (options.traced)
            traced.push_back(timeWaits(poller, &draft, roundNs, &cell.callsTraced, cancel));
        if (progress)
            progress(static_cast<double>(round + 1) / rounds);
    }
    if (cancelled(cancel)) {
        stop(cell, WaitCostStatus::Cancelled, "cancelled");
        return;
    }
    cell.nsPerWait = median(plain);
    cell.nsPerWaitTraced = options.traced ? median(traced) : 0;
    cell.status = WaitCostStatus::Measured;
}

// A cell that cannot be set up at all is refused before any descriptor is opened.
bool admitCell(const Poller& poller, WaitCostCell& cell) {
    if (cell.descriptors < 1)
        return stop(cell, WaitCostStatus::Failed, "a cell watches at least one descriptor");
    const int limit = poller.descriptorLimit();
    if (limit > 0 && cell.descriptors > limit)
        return overLimit(cell, limit);
    const long open = raiseDescriptorLimit();
    if (open > 0 && cell.descriptors + kDescriptorHeadroom > open)
        return stop(cell, WaitCostStatus::DescriptorLimit,
                    "the process may open only " + std::to_string(open) + " descriptors", open);
    return true;
}

}  // namespace

long raiseDescriptorLimit() {
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return 0;
    if (lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &lim);
        ::getrlimit(RLIMIT_NOFILE, &lim);
    }
    return lim.rlim_cur == RLIM_INFINITY ? 0 : static_cast<long>(lim.rlim_cur);
}

WaitCostCell measureWaitCost(BackendKind backend, int descriptors, const WaitCostOptions& options,
                             const std::atomic<bool>* cancel, const WaitCostProgress& progress) {
    WaitCostCell cell;
    cell.backend = backend;
    cell.descriptors = descriptors;
    std::string why;
    std::unique_ptr<Poller> poller = createPoller(backend, &why);
    if (!poller) {
        stop(cell, WaitCostStatus::Unavailable, why);
        return cell;
    }
    if (!admitCell(*poller, cell))
        return cell;
    DescriptorSet fds;
    int readyFd = -1;
    if (!populate(*poller, fds, cell, cancel, &readyFd))
        return cell;
    std::vector<PollEvent> out;
    int err = 0;
    if (poller->wait(0, out, &err, nullptr) != 1 || out.size() != 1 || out[0].fd != readyFd) {
        stop(cell, WaitCostStatus::Failed,
             "sanity check failed: the ready descriptor was not the only one reported");
        return cell;
    }
    timeCell(*poller, options, cell, cancel, progress);
    return cell;
}

#endif

}  // namespace ss
