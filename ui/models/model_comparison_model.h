// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "core/models/model_comparison.h"

// The IO-models comparison as a table: one row per model (io-blocking, io-threaded,
// io-nonblocking, io-select), one column per measure of its run. A row is empty until its run
// has ended. A value that shows the model's weakness (clients kept waiting behind the slow one,
// a core spent spinning) is drawn in red, as the run measured it, not as the chapter says.
class ModelComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ServedColumn,      // "3 of 3"
        AlongsideColumn,   // "at once": served while client 1 held its connection
        SecondWaitColumn,  // the second client's wait, ms
        CpuColumn,         // the server threads' CPU, % of one core
        ThreadsColumn,     // the most server threads at once
        CallsColumn,       // system calls per second
        ColumnCount
    };
    // The measured number behind a cell (double; invalid while the row has no run).
    static constexpr int ValueRole = Qt::UserRole + 1;
    // A second client kept waiting at least this long was not served alongside the slow one.
    static constexpr double kLongWaitMs = 100;
    static constexpr double kSpinningCpuPercent = 50;

    explicit ModelComparisonModel(QObject* parent = nullptr);

    // The rows, in order; clears every result.
    void setPresets(const QStringList& presets);
    QStringList presets() const { return m_presets; }
    void clearResults();
    void setResult(int row, const ss::ModelRun& run);
    bool hasResult(int row) const;
    // The run of a row; null while it has none.
    const ss::ModelRun* run(int row) const;
    // The row whose run is going on, drawn as such; -1 for none.
    void setRunning(int row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Blocking" ... for a preset of the comparison; the preset name for any other.
    static QString modelTitle(const QString& preset);

private:
    QVariant display(const ss::ModelRun& run, int column) const;
    QVariant value(const ss::ModelRun& run, int column) const;
    bool isWeakness(const ss::ModelRun& run, int column) const;
    QString columnTitle(int column) const;
    QString columnToolTip(int column) const;
    void rowChanged(int row);

    QStringList m_presets;
    std::vector<std::optional<ss::ModelRun>> m_runs;
    int m_running = -1;
};
