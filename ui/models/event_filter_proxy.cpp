// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/event_filter_proxy.h"

#include "ui/models/event_log_model.h"

static_assert(static_cast<unsigned>(ss::kLastEventKind) < 32, "one bit per kind in m_kinds");

EventFilterProxy::EventFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(EventLogModel::SortRole);
}

bool EventFilterProxy::isKindShown(ss::EventKind kind) const {
    return (m_kinds & bit(kind)) != 0;
}

void EventFilterProxy::setFdFilter(int fd) {
    if (fd == m_fd)
        return;
    m_fd = fd;
    invalidateFilter();
}

void EventFilterProxy::setKindShown(ss::EventKind kind, bool shown) {
    const uint32_t kinds = shown ? (m_kinds | bit(kind)) : (m_kinds & ~bit(kind));
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    invalidateFilter();
}

void EventFilterProxy::showAllKinds() {
    if (m_kinds == ~0u)
        return;
    m_kinds = ~0u;
    invalidateFilter();
}

void EventFilterProxy::setTextFilter(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_fd != kAnyFd && first.data(EventLogModel::FdRole).toInt() != m_fd)
        return false;
    const int kind = first.data(EventLogModel::KindRole).toInt();
    if (kind < 0 || kind >= 32 || !(m_kinds & (1u << kind)))
        return false;
    return m_text.isEmpty() || matchesText(sourceRow, sourceParent);
}

bool EventFilterProxy::matchesText(int sourceRow, const QModelIndex& sourceParent) const {
    for (int column : {EventLogModel::Detail, EventLogModel::Preview}) {
        const QString cell =
            sourceModel()->index(sourceRow, column, sourceParent).data().toString();
        if (cell.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
