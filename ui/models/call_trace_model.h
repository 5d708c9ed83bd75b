// SPDX-License-Identifier: GPL-3.0-or-later
// The wait calls the server made, one row each, exactly as the trace recorded them: the sets
// passed in, the sets that came back, the timeout, the return value and how long the call
// blocked. Calls arrive in batches (one beginInsertRows per batch) and the history is capped:
// the oldest rows go in one beginRemoveRows block, so an hour of class costs bounded memory.
// A select() set passed as a NULL pointer (because it was empty, as CPython passes it) shows as
// NULL, in and ready alike; an empty set that was passed shows as an empty cell. Every cell's
// tooltip holds its whole text, so a view may elide cells freely.
// The Python column writes each call in the Python API of the tutorial it follows: select.select()
// (and the poll, epoll and kqueue objects), or the selectors module's sel.select() with the
// (key, mask) pairs and callbacks, which needs the socket events too: a batch's events feed a
// SelectorsRegistry, and each call keeps the SelectorsStep it made.
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <cstdint>
#include <deque>
#include <vector>

#include "core/server/presets.h"
#include "core/trace/trace_types.h"
#include "ui/models/selectors_registry.h"
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
        Python,  // the call as one line of Python (see pythonApi()); empty unless pythonView()
        ColumnCount
    };
    enum ItemRole {
        FdsRole = Qt::UserRole + 1,  // QList<int>: every fd in the call, in and ready, sorted
        SortRole,                    // a numeric key where the column is numeric, else the text
        PythonResultRole,  // QString: the tail of the Python line, "  ->  " and what came back
        // QStringList: the selectors form's calls on the selector object since the previous
        // wait call, "sel.register(5, selectors.EVENT_READ, read)" ...
        SelectorsOpsRole,
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
    // The form of the Python column: select.select() or the selectors module.
    ss::PythonApi pythonApi() const { return m_pythonApi; }
    const ss::CallRecord& call(int row) const { return m_calls[static_cast<size_t>(row)]; }
    const SelectorsStep& selectorsStep(int row) const { return m_steps[static_cast<size_t>(row)]; }
    // The row of the call with that number, or -1 when it is not (or no longer) in the table.
    int rowOfCall(uint64_t number) const;

    // The call as the Python tutorials would write it, e.g.
    //   r, w, x = select.select([3, 5], [5], [3, 5], 1.0)  ->  [5], [5], []
    // With a limit, each list shows at most that many items around an ellipsis (as the cells do).
    static QString pythonLine(const ss::CallRecord& call, size_t limit = SIZE_MAX);
    // The part of pythonLine() after the call: "  ->  [5], [5], []".
    static QString pythonResult(const ss::CallRecord& call, size_t limit = SIZE_MAX);
    // The call of a row in the selectors form, e.g.
    //   events = sel.select(1.0)  ->  [(fd 5, EVENT_READ) → read]
    QString selectorsLine(int row, size_t limit = SIZE_MAX) const;
    // The row's line and its tail in the form pythonApi() picks; the selectors form's line
    // begins with the row's ops, "sel.register(4, selectors.EVENT_READ, read); events = ...".
    QString shownPythonLine(int row, size_t limit = SIZE_MAX) const;
    QString shownPythonResult(int row, size_t limit = SIZE_MAX) const;

public slots:
    // Calls without their events: the selectors form then knows only what the calls' sets say.
    void appendCalls(const std::vector<ss::CallRecord>& calls);
    void appendBatch(const TraceBatch& batch);
    void setMaxRows(int rows);
    // Fills the Python column (views hide it while this is off; see pythonViewChanged).
    void setPythonView(bool on);
    void setPythonApi(ss::PythonApi api);
    void clear();

signals:
    void pythonViewChanged(bool on);
    void pythonApiChanged(ss::PythonApi api);

private:
    QString displayText(int row, int column, size_t limit) const;
    QVariant sortKey(int row, int column) const;
    QString toolTip(int row, int column) const;
    QString selectorsToolTip(int row) const;
    void insertCalls(const std::vector<ss::CallRecord>& calls, std::vector<SelectorsStep> steps);
    void trimTo(size_t rows);

    std::deque<ss::CallRecord> m_calls;
    std::deque<SelectorsStep> m_steps;  // one per call, in the same order
    SelectorsRegistry m_registry;
    uint64_t m_droppedSeen = 0;
    int m_maxRows = kDefaultMaxRows;
    bool m_pythonView = false;
    ss::PythonApi m_pythonApi = ss::PythonApi::Select;
};
