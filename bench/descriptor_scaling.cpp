// SPDX-License-Identifier: GPL-3.0-or-later
// descriptor_scaling: how the cost of one non-blocking wait grows with the number of watched
// descriptors, per backend. For each backend and K it registers K idle connected descriptors
// (both ends of K/2 socketpairs) plus one descriptor with data pending, all with read interest,
// then times many wait(0) calls without a draft (tracing off) and with one (the recording cost),
// in alternating rounds, and reports the median round (about 0.2 s per column, 30 ms with
// --quick). select() stops where descriptors no longer fit below FD_SETSIZE. The measuring
// itself is core/poller/wait_cost, which the window's cost curve uses too; this program only
// chooses the sizes and prints the cells.
//
// Usage: descriptor_scaling [--quick]
// Prints a per-backend table, the backends side by side per K, and one JSON object per cell.
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/net/platform.h"
#include "core/poller/wait_cost.h"

namespace {

using ss::BackendKind;
using Cell = ss::WaitCostCell;

constexpr int kSizes[] = {10, 100, 1000, 10000};
constexpr int kRounds = 9;  // per cell and column; the median is reported

// K idle descriptors plus the ready one: the unit counts every watched descriptor.
Cell measure(BackendKind kind, int k, int64_t budgetNs) {
    ss::WaitCostOptions options;
    options.budgetNs = budgetNs;
    options.rounds = kRounds;
    options.traced = true;
    Cell cell = ss::measureWaitCost(kind, k + 1, options);
    cell.descriptors = k;
    return cell;
}

bool ok(const Cell& c) {
    return c.status == ss::WaitCostStatus::Measured;
}

const Cell* findCell(const std::vector<Cell>& cells, BackendKind kind, int k) {
    for (const Cell& c : cells) {
        if (c.backend == kind && c.descriptors == k)
            return &c;
    }
    return nullptr;
}

void printPerBackend(const std::vector<Cell>& cells) {
    std::printf("\n%-8s %6s %12s %8s %14s %8s %10s\n", "backend", "K", "ns/wait", "x K=10",
                "ns/wait+draft", "x K=10", "draft +ns");
    for (const Cell& c : cells) {
        const char* name = ss::backendName(c.backend).data();
        if (!ok(c)) {
            std::printf("%-8s %6d   skipped: %s\n", name, c.descriptors, c.detail.c_str());
            continue;
        }
        const Cell* base = findCell(cells, c.backend, kSizes[0]);
        bool haveBase = base && ok(*base);
        std::printf("%-8s %6d %12.0f %8.2f %14.0f %8.2f %10.0f\n", name, c.descriptors, c.nsPerWait,
                    haveBase ? c.nsPerWait / base->nsPerWait : 0.0, c.nsPerWaitTraced,
                    haveBase ? c.nsPerWaitTraced / base->nsPerWaitTraced : 0.0,
                    c.nsPerWaitTraced - c.nsPerWait);
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
            if (c && ok(*c))
                std::printf(" %12.0f", withDraft ? c->nsPerWaitTraced : c->nsPerWait);
            else
                std::printf(" %12s", "-");
        }
        std::printf("\n");
    }
}

void printJson(const std::vector<Cell>& cells) {
    std::printf("\n");
    for (const Cell& c : cells) {
        const char* name = ss::backendName(c.backend).data();
        if (!ok(c)) {
            std::printf(
                "{\"bench\":\"descriptor_scaling\",\"backend\":\"%s\",\"k\":%d,"
                "\"skipped\":\"%s\"}\n",
                name, c.descriptors, c.detail.c_str());
            continue;
        }
        std::printf(
            "{\"bench\":\"descriptor_scaling\",\"backend\":\"%s\",\"k\":%d,"
            "\"ns_per_wait\":%.1f,\"ns_per_wait_draft\":%.1f,\"calls\":%ld,"
            "\"calls_draft\":%ld}\n",
            name, c.descriptors, c.nsPerWait, c.nsPerWaitTraced, c.calls, c.callsTraced);
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
    std::printf("RLIMIT_NOFILE soft limit: %ld\n", ss::raiseDescriptorLimit());
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
