// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>

#include "core/poller/backend_kind.h"
#include "core/poller/wait_cost.h"

// Measures the cost curve off the UI thread: it lives on a QThread of the cost curve panel and
// measures one core/poller/wait_cost cell after the other, every backend of this build at every
// size, reporting each cell as it is done. Backends and statuses travel as ints, so that the
// queued signals need no registered types.
class WaitCostWorker : public QObject {
    Q_OBJECT

public:
    explicit WaitCostWorker(QObject* parent = nullptr);

    // Called on the UI thread before measure() is queued: a cancel() that arrives before the
    // worker starts then still counts, which resetting the flag in measure() would lose.
    void arm() { m_cancel.store(false); }
    // Thread-safe: the running cell stops at its next batch of calls and measure() returns.
    void cancel() { m_cancel.store(true); }

public slots:
    // sizes ascending. A backend that stops at a limit (select at FD_SETSIZE) skips its larger
    // sizes, with one cellSkipped() for the first of them.
    void measure(const QVector<int>& sizes, int budgetMs);

signals:
    void cellMeasured(int backend, int descriptors, double nsPerWait);
    // status is an ss::WaitCostStatus; detail is the core's English sentence, for failures.
    void cellSkipped(int backend, int descriptors, int status, qlonglong limit,
                     const QString& detail);
    // done of total, in steps of a thousandth of a cell.
    void progressChanged(int done, int total);
    void finished(bool cancelled);

private:
    // Measures one cell; false when the backend's larger sizes are to be skipped.
    bool measureCell(ss::BackendKind kind, int size, int cellIndex, int cellCount, int budgetMs);

    std::atomic<bool> m_cancel{false};
};
