// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/model_comparison_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <cmath>

#include "ui/to_qstring.h"

namespace {

const QColor kWeakness(0xb7, 0x1c, 0x1c);

int clientCount(const ss::ModelRun& run) {
    return int(run.clients.clients.size());
}

// Milliseconds with as many decimals as a small number needs to say something; a second or
// more in seconds.
QString formatMs(double ms) {
    if (ms >= 1000)
        return ModelComparisonModel::tr("%1 s").arg(QLocale().toString(ms / 1000, 'f', 2));
    const int decimals = ms < 10 ? 2 : ms < 100 ? 1 : 0;
    return ModelComparisonModel::tr("%1 ms").arg(QLocale().toString(ms, 'f', decimals));
}

}  // namespace

ModelComparisonModel::ModelComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelComparisonModel::setPresets(const QStringList& presets) {
    beginResetModel();
    m_presets = presets;
    m_runs.assign(size_t(presets.size()), std::nullopt);
    m_running = -1;
    endResetModel();
}

void ModelComparisonModel::clearResults() {
    setPresets(m_presets);
}

void ModelComparisonModel::setResult(int row, const ss::ModelRun& run) {
    if (row < 0 || row >= rowCount())
        return;
    m_runs[size_t(row)] = run;
    rowChanged(row);
}

bool ModelComparisonModel::hasResult(int row) const {
    return row >= 0 && row < rowCount() && m_runs[size_t(row)].has_value();
}

const ss::ModelRun* ModelComparisonModel::run(int row) const {
    return hasResult(row) ? &*m_runs[size_t(row)] : nullptr;
}

void ModelComparisonModel::setRunning(int row) {
    const int before = m_running;
    m_running = row;
    rowChanged(before);
    rowChanged(row);
}

void ModelComparisonModel::rowChanged(int row) {
    if (row < 0 || row >= rowCount())
        return;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, row, row);
}

int ModelComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_presets.size());
}

int ModelComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelComparisonModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const std::optional<ss::ModelRun>& run = m_runs[size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignCenter);
    if (!run) {
        if (role == Qt::DisplayRole && index.row() == m_running && index.column() == 0)
            return tr("running…");
        return {};
    }
    if (!run->error.empty()) {
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? tr("did not start") : QString();
        return role == Qt::ToolTipRole ? toQString(run->error) : QVariant();
    }
    switch (role) {
        case Qt::DisplayRole:
            return display(*run, index.column());
        case ValueRole:
            return value(*run, index.column());
        case Qt::ForegroundRole:
            return isWeakness(*run, index.column()) ? QBrush(kWeakness) : QVariant();
        case Qt::FontRole:
            if (isWeakness(*run, index.column())) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            if (index.column() == SecondWaitColumn || index.column() == ServedColumn) {
                QStringList lines;
                for (int i = 0; i < clientCount(*run); ++i) {
                    const ss::ScriptedClient& c = run->clients.clients[size_t(i)];
                    lines << (c.served ? tr("Client %1: answered after %2")
                                             .arg(i + 1)
                                             .arg(formatMs(c.waitMs))
                                       : tr("Client %1: not served (%2)")
                                             .arg(i + 1)
                                             .arg(toQString(c.error)));
                }
                return lines.join(QLatin1Char('\n'));
            }
            return columnToolTip(index.column());
        default:
            return {};
    }
}

QVariant ModelComparisonModel::display(const ss::ModelRun& run, int column) const {
    const QLocale locale;
    switch (column) {
        case ServedColumn:
            return tr("%1 of %2").arg(run.clients.served()).arg(clientCount(run));
        case AlongsideColumn:
            return tr("%1 of %2").arg(run.clients.servedWhileSlowHeld()).arg(clientCount(run));
        case SecondWaitColumn: {
            const double ms = run.clients.clients[1].waitMs;
            return ms < 0 ? tr("not served") : formatMs(ms);
        }
        case CpuColumn:
            return tr("%1 %").arg(locale.toString(run.cpuPercent, 'f', 1));
        case ThreadsColumn:
            return locale.toString(run.threads);
        case CallsColumn:
            return locale.toString(qlonglong(std::llround(run.callsPerSecond)));
        default:
            return {};
    }
}

QVariant ModelComparisonModel::value(const ss::ModelRun& run, int column) const {
    switch (column) {
        case ServedColumn:
            return double(run.clients.served());
        case AlongsideColumn:
            return double(run.clients.servedWhileSlowHeld());
        case SecondWaitColumn:
            return run.clients.clients[1].waitMs;
        case CpuColumn:
            return run.cpuPercent;
        case ThreadsColumn:
            return double(run.threads);
        case CallsColumn:
            return run.callsPerSecond;
        default:
            return {};
    }
}

bool ModelComparisonModel::isWeakness(const ss::ModelRun& run, int column) const {
    switch (column) {
        case ServedColumn:
            return run.clients.served() < clientCount(run);
        case AlongsideColumn:
            return run.clients.servedWhileSlowHeld() < clientCount(run);
        case SecondWaitColumn:
            return run.clients.clients[1].waitMs < 0 ||
                   run.clients.clients[1].waitMs >= kLongWaitMs;
        case CpuColumn:
            return run.cpuPercent >= kSpinningCpuPercent;
        default:
            return false;
    }
}

QVariant ModelComparisonModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation == Qt::Horizontal) {
        if (role == Qt::DisplayRole)
            return columnTitle(section);
        if (role == Qt::ToolTipRole)
            return columnToolTip(section);
        return {};
    }
    if (section < 0 || section >= rowCount())
        return {};
    if (role == Qt::DisplayRole)
        return modelTitle(m_presets[section]);
    if (role == Qt::ToolTipRole)
        return tr("Preset %1").arg(m_presets[section]);
    if (role == Qt::FontRole && section == m_running) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QString ModelComparisonModel::modelTitle(const QString& preset) {
    if (preset == QLatin1String("io-blocking"))
        return tr("Blocking");
    if (preset == QLatin1String("io-threaded"))
        return tr("Threaded");
    if (preset == QLatin1String("io-nonblocking"))
        return tr("Non-blocking");
    if (preset == QLatin1String("io-select"))
        return tr("select()");
    return preset;
}

QString ModelComparisonModel::columnTitle(int column) const {
    switch (column) {
        case ServedColumn:
            return tr("Served");
        case AlongsideColumn:
            return tr("At once");
        case SecondWaitColumn:
            return tr("#2 waited");
        case CpuColumn:
            return tr("CPU");
        case ThreadsColumn:
            return tr("Threads");
        case CallsColumn:
            return tr("Calls/s");
        default:
            return {};
    }
}

QString ModelComparisonModel::columnToolTip(int column) const {
    switch (column) {
        case ServedColumn:
            return tr("Clients that got every reply, byte for byte.");
        case AlongsideColumn:
            return tr(
                "Clients answered while client 1 kept its connection open and idle: a server "
                "that serves one client at a time answers client 1 only.");
        case SecondWaitColumn:
            return tr("Client 2's wait: from its message to the last byte of its reply.");
        case CpuColumn:
            return tr("CPU time of the server's threads over the run, in percent of one core.");
        case ThreadsColumn:
            return tr("The most server threads alive at once.");
        case CallsColumn:
            return tr(
                "Wait calls and accept, recv and send calls the server made, per second of "
                "the run, EAGAIN returns included.");
        default:
            return {};
    }
}
