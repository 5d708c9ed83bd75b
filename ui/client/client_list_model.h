// SPDX-License-Identifier: GPL-3.0-or-later
// The client panel's open clients, one row each. The model owns the ClientConnection objects and
// follows their signals with dataChanged() on the cells that changed: rows are inserted and
// removed, never reset, so the view keeps its selection while traffic flows.
#pragma once

#include <QAbstractTableModel>
#include <QVector>

#include "ui/client/client_connection.h"

class ClientListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Column { Id, Protocol, Peer, LocalPort, State, Sent, Received, Count };
    enum Role {
        IdRole = Qt::UserRole + 1,  // int: the client's number, stable while it exists
        SortRole,                   // numbers as numbers, for a QSortFilterProxyModel
    };

    explicit ClientListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Takes ownership; returns the new client's id (1, 2, 3 ... never reused).
    int addClient(ClientConnection* connection);
    // Removes (and deletes later) every client that is Closed or in Error; returns how many.
    int removeFinished();

    ClientConnection* connectionAt(int row) const;
    int idAt(int row) const;
    int rowOfId(int id) const;

signals:
    void clientAdded(int id);

private:
    struct Entry {
        int id = 0;
        ClientConnection* connection = nullptr;
    };

    QVariant displayData(const Entry& entry, Column column) const;
    QVariant sortData(const Entry& entry, Column column) const;
    void refreshCells(const ClientConnection* connection, Column first, Column last);

    QVector<Entry> m_entries;
    int m_nextId = 1;
};
