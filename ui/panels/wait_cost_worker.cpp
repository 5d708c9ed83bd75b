// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/wait_cost_worker.h"

#include <cmath>

namespace {

constexpr int kStepsPerCell = 1000;
// Rounds per cell: the curve needs a stable median, not the bench's precision.
constexpr int kRounds = 5;

}  // namespace

WaitCostWorker::WaitCostWorker(QObject* parent) : QObject(parent) {}

void WaitCostWorker::measure(const QVector<int>& sizes, int budgetMs) {
    const std::vector<ss::BackendKind> kinds = ss::availableBackends();
    const int cellCount = static_cast<int>(kinds.size()) * sizes.size();
    int cellIndex = 0;
    for (ss::BackendKind kind : kinds) {
        for (int size : sizes) {
            if (m_cancel.load())
                break;
            const bool more = measureCell(kind, size, cellIndex++, cellCount, budgetMs);
            if (!more) {
                cellIndex += static_cast<int>(sizes.size() - sizes.indexOf(size) - 1);
                break;
            }
        }
    }
    const bool cancelled = m_cancel.load();
    if (!cancelled)
        emit progressChanged(cellCount * kStepsPerCell, cellCount * kStepsPerCell);
    emit finished(cancelled);
}

bool WaitCostWorker::measureCell(ss::BackendKind kind, int size, int cellIndex, int cellCount,
                                 int budgetMs) {
    const int total = cellCount * kStepsPerCell;
    const int base = cellIndex * kStepsPerCell;
    emit progressChanged(base, total);
    ss::WaitCostOptions options;
    options.budgetNs = int64_t{budgetMs} * 1'000'000;
    options.rounds = kRounds;
    options.traced = false;  // the lesson is the system call's cost; the bench has the rest
    const ss::WaitCostCell cell =
        ss::measureWaitCost(kind, size, options, &m_cancel, [&](double done) {
            emit progressChanged(base + static_cast<int>(std::lround(done * kStepsPerCell)), total);
        });
    const int backend = static_cast<int>(kind);
    switch (cell.status) {
        case ss::WaitCostStatus::Measured:
            emit cellMeasured(backend, size, cell.nsPerWait);
            return true;
        case ss::WaitCostStatus::Cancelled:
            return false;
        case ss::WaitCostStatus::OverBackendLimit:
        case ss::WaitCostStatus::DescriptorLimit:
        case ss::WaitCostStatus::Unavailable:
            emit cellSkipped(backend, size, static_cast<int>(cell.status), cell.limit,
                             QString::fromStdString(cell.detail));
            return false;
        case ss::WaitCostStatus::Failed:
            break;
    }
    emit cellSkipped(backend, size, static_cast<int>(cell.status), cell.limit,
                     QString::fromStdString(cell.detail));
    return true;  // a failed cell says nothing about the next size
}
