// SPDX-License-Identifier: GPL-3.0-or-later
// The wait calls the server made, one row each, exactly as the trace recorded them: the sets
// passed in, the sets that came back, the timeout, the return value and how long the call
// blocked. Calls arrive in batches (one beginInsertRows per batch) and the history is capped:
// the oldest rows go in one beginRemoveRows block, so an hour of class costs bounded memory.
// A select() set passed as a NULL pointer (because it was empty, as CPython passes it) shows as
// NULL, in and ready alike; an empty set that was passed shows as an empty cell. Every cell's
// tooltip holds its whole text, so a view may elide cells freely.
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <cstdint>
#include <deque>
#include <vector>

#include "core/trace/trace_types.h"
#include "ui/trace_source.h"

class CallTraceModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Number,
        Time,
        Backend,
        ReadIn,
        WriteIn,
        ExceptIn,
        Timeout,
        ReadyRead,
        ReadyWrite,
        ReadyExcept,
        Return,
        Blocked,
        Python,  // the call as one line of Python; empty unless pythonView() is on
        ColumnCount
    };
    enum ItemRole {
        FdsRole = Qt::UserRole + 1,  // QList<int>: every fd in the call, in and ready, sorted
        SortRole,                    // a numeric key where the column is numeric, else the text
        PythonResultRole,  // QString: the tail of the Python line, "  ->  " and what came back
    };

    static constexpr int kDefaultMaxRows = 5000;

    explicit CallTraceModel(QObject* parent = nullptr);

    // Takes the calls of every batch `source` delivers, and starts empty with each of its runs.
    void setSource(TraceSource* source);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int maxRows() const { return m_maxRows; }
    bool pythonView() const { return m_pythonView; }
    const ss::CallRecord& call(int row) const { return m_calls[static_cast<size_t>(row)]; }
    // The row of the call with that number, or -1 when it is not (or no longer) in the table.
    int rowOfCall(uint64_t number) const;

    // The call as the Python tutorials would write it, e.g.
    //   r, w, x = select.select([3, 5], [5], [3, 5], 1.0)  ->  [5], [5], []
    // With a limit, each list shows at most that many items around an ellipsis (as the cells do).
    static QString pythonLine(const ss::CallRecord& call, size_t limit = SIZE_MAX);
    // The part of pythonLine() after the call: "  ->  [5], [5], []".
    static QString pythonResult(const ss::CallRecord& call, size_t limit = SIZE_MAX);

public slots:
    void appendCalls(const std::vector<ss::CallRecord>& calls);
    void appendBatch(const TraceBatch& batch);
    void setMaxRows(int rows);
    // Fills the Python column (views hide it while this is off; see pythonViewChanged).
    void setPythonView(bool on);
    void clear();

signals:
    void pythonViewChanged(bool on);

private:
    QString displayText(const ss::CallRecord& call, int column, size_t limit) const;
    QVariant sortKey(const ss::CallRecord& call, int column) const;
    QString toolTip(const ss::CallRecord& call, int column) const;
    void trimTo(size_t rows);

    std::deque<ss::CallRecord> m_calls;
    int m_maxRows = kDefaultMaxRows;
    bool m_pythonView = false;
};
