// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/model_comparison_worker.h"

#include <chrono>

ModelComparisonWorker::ModelComparisonWorker(QObject* parent) : QObject(parent) {}

void ModelComparisonWorker::run(const QStringList& presets, int slowHoldMs) {
    for (int row = 0; row < presets.size(); ++row) {
        if (m_cancel.load())
            break;
        emit modelStarted(row);
        const ss::ModelRun result = ss::runModel(presets[row].toStdString(),
                                                 std::chrono::milliseconds(slowHoldMs), &m_cancel);
        if (m_cancel.load())
            break;
        emit modelMeasured(row, result);
    }
    emit finished(m_cancel.load());
}
