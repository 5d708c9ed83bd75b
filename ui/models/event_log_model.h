// SPDX-License-Identifier: GPL-3.0-or-later
// What happened to the sockets (accept, recv, send, close, refuse, error ...), one row per
// event as the trace recorded it. Events arrive in batches (one beginInsertRows per batch);
// the history is capped and the oldest rows leave in one beginRemoveRows block. The long cells
// (detail, preview, hex) carry their whole text as a tooltip, so a view may elide them.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <deque>
#include <vector>

#include "core/trace/trace_types.h"
#include "ui/trace_source.h"

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Kind, Fd, Role, Bytes, Detail, Preview, Hex, ColumnCount };
    enum ItemRole {
        KindRole = Qt::UserRole + 1,  // int: static_cast<int>(ss::EventKind)
        FdRole,                       // int: the descriptor, -1 when none
        SortRole,                     // a numeric key where the column is numeric, else the text
    };

    static constexpr int kDefaultMaxRows = 20000;

    explicit EventLogModel(QObject* parent = nullptr);

    // Takes the events of every batch `source` delivers, and starts empty with each of its runs.
    void setSource(TraceSource* source);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int maxRows() const { return m_maxRows; }
    const ss::SocketEvent& event(int row) const { return m_events[static_cast<size_t>(row)]; }

    // The event's text, plus the close reason or the error text when it has one.
    static QString detailText(const ss::SocketEvent& event);
    // The bytes as text when they are printable UTF-8 (\r \n \t shown escaped), else as hex.
    static QString previewText(const std::string& bytes);
    static QString hexText(const std::string& bytes);

public slots:
    void appendEvents(const std::vector<ss::SocketEvent>& events);
    void appendBatch(const TraceBatch& batch);
    void setMaxRows(int rows);
    void clear();

private:
    QString displayText(const ss::SocketEvent& event, int column) const;
    QVariant toolTip(const ss::SocketEvent& event, int column) const;
    void trimTo(size_t rows);

    std::deque<ss::SocketEvent> m_events;
    int m_maxRows = kDefaultMaxRows;
};
