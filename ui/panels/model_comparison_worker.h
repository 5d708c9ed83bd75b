// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>

#include "core/models/model_comparison.h"

// Runs the IO-models comparison off the UI thread: it lives on a QThread of the comparison panel
// and runs core/models/model_comparison's runModel() for one preset after the other, reporting
// each run as it ends. A run that was cancelled is not reported: its numbers are not a run's.
class ModelComparisonWorker : public QObject {
    Q_OBJECT

public:
    explicit ModelComparisonWorker(QObject* parent = nullptr);

    // Called on the UI thread before run() is queued, so that an early cancel() still counts.
    void arm() { m_cancel.store(false); }
    // Thread-safe: the running model's clients stop within a poll tick and run() returns.
    void cancel() { m_cancel.store(true); }

public slots:
    void run(const QStringList& presets, int slowHoldMs);

signals:
    void modelStarted(int row);
    void modelMeasured(int row, const ss::ModelRun& run);
    void finished(bool cancelled);

private:
    std::atomic<bool> m_cancel{false};
};

Q_DECLARE_METATYPE(ss::ModelRun)
