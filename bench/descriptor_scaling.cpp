// SPDX-License-Identifier: GPL-3.0-or-later
// descriptor_scaling: how the cost of one non-blocking wait grows with the number of watched
// descriptors, per backend. For each backend and K it registers K idle connected descriptors
// (both ends of K/2 socketpairs) plus one descriptor with data pending, all with read interest,
// then times many wait(0) calls without a draft (tracing off) and with one (the recording cost),
// in alternating rounds, and reports the median round (about 0.2 s per column, 30 ms with
// --quick). select() stops where descriptors no longer fit below FD_SETSIZE.
//
// Usage: descriptor_scaling [--quick]
// Prints a per-backend table, the backends side by side per K, and one JSON object per cell.
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/poller/clock.h"
#include "core/poller/poller.h"

namespace {

using ss::BackendKind;

constexpr int kSizes[] = {10, 100, 1000, 10000};
constexpr int kRounds = 9;  // per cell and column; the median is reported

struct Cell {
    BackendKind kind;
    int k = 0;
    bool ok = false;
    std::string skipped;  // why the cell could not be measured
    double nsPlain = 0, nsDraft = 0;
    long callsPlain = 0, callsDraft = 0;
};

// Descriptors of one cell, closed on destruction.
class DescriptorSet {
public:
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

void raiseDescriptorLimit() {
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return;
    lim.rlim_cur = lim.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &lim);
    ::getrlimit(RLIMIT_NOFILE, &lim);
    std::printf("RLIMIT_NOFILE soft limit: %llu\n", static_cast<unsigned long long>(lim.rlim_cur));
}

// Registers K idle descriptors and one ready one; returns the ready fd or -1 with *why set.
int populate(ss::Poller& poller, DescriptorSet& fds, int k, std::string* why) {
    for (int i = 0; i < k / 2; ++i) {
        int pair[2];
        if (!fds.openPair(pair)) {
            *why = "cannot open " + std::to_string(k) + " descriptors: " + std::strerror(errno);
            return -1;
        }
        if (!poller.add(pair[0], ss::kRead, why) || !poller.add(pair[1], ss::kRead, why))
            return -1;
    }
    int ready[2];
    if (!fds.openPair(ready)) {
        *why = std::string("cannot open the ready pair: ") + std::strerror(errno);
        return -1;
    }
    if (::write(ready[1], "x", 1) != 1 || !poller.add(ready[0], ss::kRead, why))
        return -1;
    return ready[0];
}

// Times wait(0) calls until the budget is spent; returns ns per call and adds to *calls.
double timeWaits(ss::Poller& poller, ss::CallDraft* draft, int64_t budgetNs, long* calls) {
    std::vector<ss::PollEvent> out;
    int err = 0;
    const int64_t start = ss::monotonicNs();
    int64_t now = start;
    long n = 0;
    while (now - start < budgetNs) {
        // Small batches: reading the clock costs ~20 ns, and a slow cell (poll at K=10000 takes
        // milliseconds per call) must still stop close to its budget.
        for (int i = 0; i < 8; ++i)
            poller.wait(0, out, &err, draft);
        n += 8;
        now = ss::monotonicNs();
    }
    *calls += n;
    return static_cast<double>(now - start) / static_cast<double>(n);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Alternates short rounds with and without a draft so that background load on the machine hits
// both columns alike, and reports the median round of each.
void timeCell(ss::Poller& poller, int64_t budgetNs, Cell* cell) {
    ss::CallDraft draft;
    long warm = 0;
    timeWaits(poller, nullptr, budgetNs / 20, &warm);  // warm caches, size the draft's vectors
    timeWaits(poller, &draft, budgetNs / 20, &warm);
    std::vector<double> plain, drafted;
    for (int round = 0; round < kRounds; ++round) {
        plain.push_back(timeWaits(poller, nullptr, budgetNs / kRounds, &cell->callsPlain));
        drafted.push_back(timeWaits(poller, &draft, budgetNs / kRounds, &cell->callsDraft));
    }
    cell->nsPlain = median(plain);
    cell->nsDraft = median(drafted);
}

Cell measure(BackendKind kind, int k, int64_t budgetNs) {
    Cell cell;
    cell.kind = kind;
    cell.k = k;
    std::string why;
    auto poller = ss::createPoller(kind, &why);
    DescriptorSet fds;
    int readyFd = poller ? populate(*poller, fds, k, &why) : -1;
    if (readyFd < 0) {
        cell.skipped = why;
        return cell;
    }
    std::vector<ss::PollEvent> out;
    int err = 0;
    if (poller->wait(0, out, &err, nullptr) != 1 || out.size() != 1 || out[0].fd != readyFd) {
        cell.skipped = "sanity check failed: the ready descriptor was not the only one reported";
        return cell;
    }
    timeCell(*poller, budgetNs, &cell);
    cell.ok = true;
    return cell;
}

const Cell* findCell(const std::vector<Cell>& cells, BackendKind kind, int k) {
    for (const Cell& c : cells) {
        if (c.kind == kind && c.k == k)
            return &c;
    }
    return nullptr;
}

void printPerBackend(const std::vector<Cell>& cells) {
    std::printf("\n%-8s %6s %12s %8s %14s %8s %10s\n", "backend", "K", "ns/wait", "x K=10",
                "ns/wait+draft", "x K=10", "draft +ns");
    for (const Cell& c : cells) {
        const char* name = ss::backendName(c.kind).data();
        if (!c.ok) {
            std::printf("%-8s %6d   skipped: %s\n", name, c.k, c.skipped.c_str());
            continue;
        }
        const Cell* base = findCell(cells, c.kind, kSizes[0]);
        bool haveBase = base && base->ok;
        std::printf("%-8s %6d %12.0f %8.2f %14.0f %8.2f %10.0f\n", name, c.k, c.nsPlain,
                    haveBase ? c.nsPlain / base->nsPlain : 0.0, c.nsDraft,
                    haveBase ? c.nsDraft / base->nsDraft : 0.0, c.nsDraft - c.nsPlain);
    }
}

void printSideBySide(const std::vector<Cell>& cells, bool withDraft) {
    auto kinds = ss::availableBackends();
    std::printf("\nns per wait(0), %s draft\n%6s", withDraft ? "with a" : "without a", "K");
    for (BackendKind kind : kinds)
        std::printf(" %12s", ss::backendName(kind).data());
    std::printf("\n");
    for (int k : kSizes) {
        std::printf("%6d", k);
        for (BackendKind kind : kinds) {
            const Cell* c = findCell(cells, kind, k);
            if (c && c->ok)
                std::printf(" %12.0f", withDraft ? c->nsDraft : c->nsPlain);
            else
                std::printf(" %12s", "-");
        }
        std::printf("\n");
    }
}

void printJson(const std::vector<Cell>& cells) {
    std::printf("\n");
    for (const Cell& c : cells) {
        const char* name = ss::backendName(c.kind).data();
        if (!c.ok) {
            std::printf(
                "{\"bench\":\"descriptor_scaling\",\"backend\":\"%s\",\"k\":%d,"
                "\"skipped\":\"%s\"}\n",
                name, c.k, c.skipped.c_str());
            continue;
        }
        std::printf(
            "{\"bench\":\"descriptor_scaling\",\"backend\":\"%s\",\"k\":%d,"
            "\"ns_per_wait\":%.1f,\"ns_per_wait_draft\":%.1f,\"calls\":%ld,"
            "\"calls_draft\":%ld}\n",
            name, c.k, c.nsPlain, c.nsDraft, c.callsPlain, c.callsDraft);
    }
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            quick = true;
        } else {
            std::fprintf(stderr, "usage: %s [--quick]\n", argv[0]);
            return 2;
        }
    }
    ss::initSocketPlatform();
    raiseDescriptorLimit();
    const int64_t budgetNs = quick ? 30'000'000 : 200'000'000;
    std::vector<Cell> cells;
    for (BackendKind kind : ss::availableBackends()) {
        for (int k : kSizes)
            cells.push_back(measure(kind, k, budgetNs));
    }
    printPerBackend(cells);
    printSideBySide(cells, false);
    printSideBySide(cells, true);
    printJson(cells);
    return 0;
}
