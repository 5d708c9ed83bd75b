// SPDX-License-Identifier: GPL-3.0-or-later
// One row per descriptor the server watches, fed with the engine's snapshots. Each snapshot is
// diffed by fd: new descriptors are inserted (green for a moment), changed cells are updated in
// place (yellow for a moment) and vanished descriptors stay a moment marked closed (red) before
// their row goes, as TCPView does it. The Ready cell is lit while the last wait call reported
// the descriptor ready. Nothing is reset: views keep their selection and scroll position.
#pragma once

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <array>
#include <vector>

#include "core/server/engine_config.h"

class TraceSource;

class DescriptorTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Fd,
        Role,
        Local,
        Peer,
        Interest,
        Ready,
        RecvQ,
        SendQ,
        AcceptQ,
        AppQueue,
        BytesIn,
        BytesOut,
        Age,
        State,
        ColumnCount
    };
    enum ItemRole {
        FdRole = Qt::UserRole + 1,  // int: the descriptor number
        RoleRole,                   // int: static_cast<int>(ss::Role)
        SortRole,                   // a numeric key where the column is numeric, else the text
    };

    static constexpr int kDefaultFlashMs = 1000;

    explicit DescriptorTableModel(QObject* parent = nullptr);

    // Follows the descriptor snapshots of `source`, and starts empty with each of its runs.
    void setSource(TraceSource* source);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    bool showWakeup() const { return m_showWakeup; }
    // How long new, changed and closed rows stay highlighted (tests shorten it).
    void setFlashDurationMs(int ms) { m_flashMs = ms; }
    // True while the row's descriptor has vanished and the row waits to be removed.
    bool isClosedRow(int row) const;

public slots:
    void setDescriptors(const std::vector<ss::DescriptorInfo>& descriptors);
    // Rows of these descriptors are shown in bold (the call selected in the trace view).
    void setHighlightedFds(const QSet<int>& fds);
    void setShowWakeup(bool show);
    void clear();

private:
    struct Row {
        ss::DescriptorInfo info;
        qint64 addedAt = -1;                        // ms on m_clock; green until addedAt + flash
        qint64 closedAt = -1;                       // red until closedAt + flash, then removed
        std::array<qint64, ColumnCount> changedAt;  // yellow until changedAt + flash
        Row() { changedAt.fill(-1); }
    };

    QString displayText(const Row& row, int column) const;
    QVariant sortKey(const Row& row, int column) const;
    QVariant background(const Row& row, int column) const;
    bool flashing(qint64 since) const;
    static uint32_t changedColumns(const ss::DescriptorInfo& a, const ss::DescriptorInfo& b);

    void updateRow(int row, const ss::DescriptorInfo& info);
    void markClosed(int row);
    void insertRows(const std::vector<const ss::DescriptorInfo*>& added, bool flash);
    void applyDiff(const std::vector<ss::DescriptorInfo>& descriptors, bool flashNew);
    template <typename Predicate>
    void removeRowsWhere(Predicate doomed);
    void expireHighlights();
    void startExpiryTimer();

    std::vector<Row> m_rows;
    std::vector<ss::DescriptorInfo> m_last;  // the latest snapshot, to re-apply on a toggle
    QSet<int> m_highlighted;
    bool m_showWakeup = true;
    int m_flashMs = kDefaultFlashMs;
    QElapsedTimer m_clock;
    QTimer m_expiryTimer;
};
