// SPDX-License-Identifier: GPL-3.0-or-later
// Sits between the EventLogModel and its view: shows only the events of one descriptor (when
// set), of the chosen kinds, and whose Detail or Preview contains a piece of text (ignoring
// case). Sorts by EventLogModel::SortRole, so times and byte counts sort as numbers.
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

#include <cstdint>

#include "core/trace/trace_types.h"

class EventFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    static constexpr int kAnyFd = -1;

    explicit EventFilterProxy(QObject* parent = nullptr);

    int fdFilter() const { return m_fd; }
    bool isKindShown(ss::EventKind kind) const;
    QString textFilter() const { return m_text; }

public slots:
    // kAnyFd shows every descriptor's events.
    void setFdFilter(int fd);
    void setKindShown(ss::EventKind kind, bool shown);
    void showAllKinds();
    void setTextFilter(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    static uint32_t bit(ss::EventKind kind) { return 1u << static_cast<unsigned>(kind); }
    bool matchesText(int sourceRow, const QModelIndex& sourceParent) const;

    int m_fd = kAnyFd;
    uint32_t m_kinds = ~0u;  // one bit per ss::EventKind
    QString m_text;
};
