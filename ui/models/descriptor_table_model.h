// SPDX-License-Identifier: GPL-3.0-or-later
// One row per descriptor the server watches, fed with the engine's snapshots. Each snapshot is
// diffed by fd: new descriptors are inserted (green), changed cells are updated in place (yellow)
// and vanished descriptors stay marked closed (red) before their row goes, as TCPView does it.
// The Ready cell is lit while the last wait call reported the descriptor ready. Nothing is
// reset: views keep their selection and scroll position.
//
// Evidence is counted in wait calls, not seconds (setCallNumber): a highlight lasts until the
// server has made flashCalls() more calls, so while it is paused nothing fades, and one Step
// ends it. Under load, when more than kFloodCalls calls passed between two snapshots, values
// change on every row and no change can be told apart: then no cell flashes yellow and no
// Ready cell is lit, and the table reads as numbers instead of turning solid colour.
//
// showCall() turns the table into one call's view: for each descriptor, which sets it went in
// (In, pale) and which it came back ready in (Ready, blue), with the rows that were not in the
// call greyed out, until showLive(). A Ready cell's tooltip then says why the descriptor was
// ready, when the call carries the kernel facts sampled for it (ui/models/why_text.h).
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QString>

#include <array>
#include <optional>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"

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

    static constexpr int kDefaultFlashCalls = 1;
    static constexpr quint64 kFloodCalls = 100;

    explicit DescriptorTableModel(QObject* parent = nullptr);

    // Follows the descriptor snapshots and the call count of `source`, and starts empty with
    // each of its runs.
    void setSource(TraceSource* source);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    bool showWakeup() const { return m_showWakeup; }
    // How many wait calls new, changed and closed rows stay highlighted.
    int flashCalls() const { return m_flashCalls; }
    void setFlashCalls(int calls) { m_flashCalls = calls; }
    // True while the row's descriptor has vanished and the row waits to be removed.
    bool isClosedRow(int row) const;
    // The call whose view the table shows, if any (showCall).
    std::optional<quint64> shownCall() const;
    // The descriptors of the shown call that have no row (closed since), ascending.
    QList<int> shownCallMissingFds() const;

public slots:
    void setDescriptors(const std::vector<ss::DescriptorInfo>& descriptors);
    // The number of wait calls the server has made so far; highlights age by it.
    void setCallNumber(quint64 calls);
    void showCall(const ss::CallRecord& call);
    void showLive();
    void setShowWakeup(bool show);
    void clear();

private:
    // One call's view: the bits each descriptor went in with and came back ready with.
    struct CallView {
        quint64 number = 0;
        QHash<int, uint8_t> in, out;
        QHash<int, ss::ReadyFacts> why;
    };
    struct Row {
        ss::DescriptorInfo info;
        qint64 addedAt = -1;                        // call number; green while flashing
        qint64 closedAt = -1;                       // red while flashing, then removed
        std::array<qint64, ColumnCount> changedAt;  // yellow while flashing
        Row() { changedAt.fill(-1); }
    };

    QString displayText(const Row& row, int column) const;
    QVariant sortKey(const Row& row, int column) const;
    QVariant background(const Row& row, int column) const;
    QVariant callViewBackground(const Row& row, int column) const;
    QVariant foreground(const Row& row, int column) const;
    QVariant toolTip(const Row& row, int column) const;
    bool inShownCall(const Row& row) const;
    bool flashing(qint64 since) const;
    static uint32_t changedColumns(const ss::DescriptorInfo& a, const ss::DescriptorInfo& b);

    void updateRow(int row, const ss::DescriptorInfo& info);
    void markClosed(int row);
    void insertRows(const std::vector<const ss::DescriptorInfo*>& added, bool flash);
    void applyDiff(const std::vector<ss::DescriptorInfo>& descriptors, bool flashNew);
    template <typename Predicate>
    void removeRowsWhere(Predicate doomed);
    void expireHighlights();
    void emitAllChanged(const QList<int>& roles);

    std::vector<Row> m_rows;
    std::vector<ss::DescriptorInfo> m_last;  // the latest snapshot, to re-apply on a toggle
    std::optional<CallView> m_callView;
    bool m_showWakeup = true;
    int m_flashCalls = kDefaultFlashCalls;
    qint64 m_call = 0;          // wait calls made so far
    qint64 m_snapshotCall = 0;  // m_call at the previous snapshot
    bool m_snapshotSinceClear = false;
    bool m_flood = false;       // more than kFloodCalls calls between the last two snapshots
};
