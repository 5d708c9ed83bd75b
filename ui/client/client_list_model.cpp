// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/client/client_list_model.h"

namespace {

int col(ClientListModel::Column column) {
    return static_cast<int>(column);
}

bool isNumeric(ClientListModel::Column column) {
    using C = ClientListModel::Column;
    return column == C::Id || column == C::LocalPort || column == C::Sent || column == C::Received;
}

}  // namespace

ClientListModel::ClientListModel(QObject* parent) : QAbstractTableModel(parent) {}

int ClientListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ClientListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : col(Column::Count);
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry& entry = m_entries.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
        case Qt::DisplayRole:
            return displayData(entry, column);
        case SortRole:
            return sortData(entry, column);
        case IdRole:
            return entry.id;
        case Qt::ToolTipRole:
            return column == Column::State ? entry.connection->lastError() : QVariant();
        case Qt::TextAlignmentRole:
            return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        default:
            return {};
    }
}

QVariant ClientListModel::displayData(const Entry& entry, Column column) const {
    const ClientConnection* c = entry.connection;
    switch (column) {
        case Column::Id:
            return QStringLiteral("#%1").arg(entry.id);
        case Column::Protocol:
            return c->protocolText();
        case Column::Peer:
            return c->peerText();
        case Column::LocalPort:
            return c->localPort() ? QVariant(c->localPort()) : QVariant();
        case Column::State:
            return c->stateText();
        case Column::Sent:
            return c->bytesSent();
        case Column::Received:
            return c->bytesReceived();
        case Column::Count:
            break;
    }
    return {};
}

QVariant ClientListModel::sortData(const Entry& entry, Column column) const {
    switch (column) {
        case Column::Id:
            return entry.id;
        case Column::LocalPort:
            return entry.connection->localPort();
        case Column::State:
            return static_cast<int>(entry.connection->state());
        default:
            return displayData(entry, column);
    }
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
        case Column::Id:
            return tr("Id");
        case Column::Protocol:
            return tr("Protocol");
        case Column::Peer:
            return tr("Peer");
        case Column::LocalPort:
            return tr("Local port");
        case Column::State:
            return tr("State");
        case Column::Sent:
            return tr("Sent");
        case Column::Received:
            return tr("Received");
        case Column::Count:
            break;
    }
    return {};
}

int ClientListModel::addClient(ClientConnection* connection) {
    const int row = static_cast<int>(m_entries.size());
    const int id = m_nextId++;
    connection->setParent(this);
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(Entry{id, connection});
    endInsertRows();
    // The local port and the state change together (on connect); counters change on traffic.
    connect(connection, &ClientConnection::stateChanged, this,
            [this, connection] { refreshCells(connection, Column::LocalPort, Column::State); });
    connect(connection, &ClientConnection::errorOccurred, this,
            [this, connection] { refreshCells(connection, Column::State, Column::State); });
    connect(connection, &ClientConnection::countersChanged, this,
            [this, connection] { refreshCells(connection, Column::Sent, Column::Received); });
    emit clientAdded(id);
    return id;
}

int ClientListModel::removeFinished() {
    int removed = 0;
    for (int row = static_cast<int>(m_entries.size()) - 1; row >= 0; --row) {
        ClientConnection* c = m_entries.at(row).connection;
        if (c->isOpen()) {
            continue;
        }
        beginRemoveRows(QModelIndex(), row, row);
        m_entries.removeAt(row);
        endRemoveRows();
        c->disconnect(this);
        c->deleteLater();
        ++removed;
    }
    return removed;
}

ClientConnection* ClientListModel::connectionAt(int row) const {
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).connection : nullptr;
}

int ClientListModel::idAt(int row) const {
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).id : 0;
}

int ClientListModel::rowOfId(int id) const {
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

void ClientListModel::refreshCells(const ClientConnection* connection, Column first, Column last) {
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).connection == connection) {
            emit dataChanged(index(row, col(first)), index(row, col(last)));
            return;
        }
    }
}
