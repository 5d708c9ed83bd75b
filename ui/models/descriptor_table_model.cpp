// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/descriptor_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>

#include <algorithm>
#include <utility>

#include "core/poller/poller.h"
#include "ui/models/trace_format.h"
#include "ui/models/why_text.h"
#include "ui/to_qstring.h"
#include "ui/trace_source.h"

namespace {

// The column titles and their one-sentence tooltips, in the order of DescriptorTableModel::Column.
const trace_format::ColumnText kColumns[] = {
    {QT_TRANSLATE_NOOP("TraceText", "Fd"),
     QT_TRANSLATE_NOOP("TraceText",
                       "The descriptor number: the small integer the kernel gave this socket.")},
    {QT_TRANSLATE_NOOP("TraceText", "Role"),
     QT_TRANSLATE_NOOP("TraceText",
                       "What the socket is for: a listener accepts, a connection talks to one "
                       "client, wakeup lets the GUI interrupt the wait.")},
    {QT_TRANSLATE_NOOP("TraceText", "Local"),
     QT_TRANSLATE_NOOP("TraceText", "The address and port on the server's side.")},
    {QT_TRANSLATE_NOOP("TraceText", "Peer"),
     QT_TRANSLATE_NOOP("TraceText", "The address and port of the client.")},
    {QT_TRANSLATE_NOOP("TraceText", "Interest"),
     QT_TRANSLATE_NOOP("TraceText",
                       "What the server asks the kernel to watch for: R = readable, "
                       "W = writable, X = exceptional (urgent data).")},
    {QT_TRANSLATE_NOOP("TraceText", "Ready"),
     QT_TRANSLATE_NOOP("TraceText",
                       "What the last wait call reported for this socket; lit when anything.")},
    {QT_TRANSLATE_NOOP("TraceText", "Recv-Q"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Bytes the kernel has received that the server has not read yet.")},
    {QT_TRANSLATE_NOOP("TraceText", "Send-Q"),
     QT_TRANSLATE_NOOP("TraceText", "Bytes the kernel still has to send to the client.")},
    {QT_TRANSLATE_NOOP("TraceText", "Accept-Q"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Connections waiting to be accepted, out of the listener's backlog.")},
    {QT_TRANSLATE_NOOP("TraceText", "App queue"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Replies the server has queued but not yet written: bytes (messages).")},
    {QT_TRANSLATE_NOOP("TraceText", "Bytes in"),
     QT_TRANSLATE_NOOP("TraceText", "Bytes the server has read from this socket.")},
    {QT_TRANSLATE_NOOP("TraceText", "Bytes out"),
     QT_TRANSLATE_NOOP("TraceText", "Bytes the server has written to this socket.")},
    {QT_TRANSLATE_NOOP("TraceText", "Age"),
     QT_TRANSLATE_NOOP("TraceText", "How long the socket has been open.")},
    {QT_TRANSLATE_NOOP("TraceText", "State"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Open, half-closed (the client stopped sending), backpressured (not read "
                       "until its queue drains), closing or closed.")},
};
static_assert(std::size(kColumns) == DescriptorTableModel::ColumnCount);

// Light, saturated backgrounds with black text: they stay readable on a washed-out projector
// and in a dark desktop theme alike.
constexpr QRgb kNewRgb = 0xff7ee07e;      // green: the descriptor just appeared
constexpr QRgb kClosedRgb = 0xffff8a80;   // red: the descriptor is gone
constexpr QRgb kChangedRgb = 0xffffe066;  // yellow: the value just changed
constexpr QRgb kReadyRgb = 0xff6fd0ff;    // blue: the last wait call reported it ready
constexpr QRgb kInRgb = 0xffd8e6f3;       // pale blue-grey: went into the shown call

void addBits(QHash<int, uint8_t>& bits, const std::vector<int32_t>& fds, uint8_t bit) {
    for (int32_t fd : fds)
        bits[fd] |= bit;
}

// R W X, and HUP / ERR where the backend reported them apart (poll, epoll, kqueue).
QString readyText(uint8_t bits) {
    QString text = trace_format::readiness(bits);
    if (bits & ss::kHangup)
        text += QStringLiteral(" HUP");
    if (bits & ss::kError)
        text += QStringLiteral(" ERR");
    return text;
}

QString optionalCount(int64_t value) {
    return value < 0 ? QString() : QString::number(value);
}

bool isNumericColumn(int column) {
    return column == DescriptorTableModel::Fd ||
           (column >= DescriptorTableModel::RecvQ && column <= DescriptorTableModel::Age);
}

}  // namespace

DescriptorTableModel::DescriptorTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DescriptorTableModel::setSource(TraceSource* source) {
    connect(source, &TraceSource::descriptorsUpdated, this, &DescriptorTableModel::setDescriptors);
    connect(source, &TraceSource::statsUpdated, this,
            [this](const ss::EngineStats& stats) { setCallNumber(stats.waitCalls); });
    connect(source, &TraceSource::started, this, &DescriptorTableModel::clear);
}

int DescriptorTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DescriptorTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DescriptorTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return displayText(row, column);
        case SortRole:
            return sortKey(row, column);
        case Qt::BackgroundRole:
            return background(row, column);
        case Qt::ForegroundRole:
            return foreground(row, column);
        case Qt::FontRole: {
            if (!inShownCall(row))
                return {};
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::TextAlignmentRole:
            return isNumericColumn(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant();
        case Qt::ToolTipRole:
            return toolTip(row, column);
        case FdRole:
            return row.info.fd;
        case RoleRole:
            return static_cast<int>(row.info.role);
    }
    return {};
}

QVariant DescriptorTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (m_callView && role == Qt::DisplayRole && section == Interest)
        return tr("In #%1").arg(m_callView->number);
    if (m_callView && role == Qt::DisplayRole && section == Ready)
        return tr("Ready #%1").arg(m_callView->number);
    return trace_format::columnHeader(kColumns, section, role);
}

std::optional<quint64> DescriptorTableModel::shownCall() const {
    return m_callView ? std::optional<quint64>(m_callView->number) : std::nullopt;
}

QList<int> DescriptorTableModel::shownCallMissingFds() const {
    QList<int> missing;
    if (!m_callView)
        return missing;
    auto present = [this](int fd) {
        return std::any_of(m_rows.begin(), m_rows.end(),
                           [fd](const Row& r) { return r.info.fd == fd && r.closedAt < 0; });
    };
    for (auto it = m_callView->in.cbegin(); it != m_callView->in.cend(); ++it)
        if (!present(it.key()))
            missing << it.key();
    std::sort(missing.begin(), missing.end());
    return missing;
}

bool DescriptorTableModel::inShownCall(const Row& row) const {
    return m_callView && row.closedAt < 0 &&
           (m_callView->in.contains(row.info.fd) || m_callView->out.contains(row.info.fd));
}

bool DescriptorTableModel::isClosedRow(int row) const {
    return row >= 0 && row < rowCount() && m_rows[static_cast<size_t>(row)].closedAt >= 0;
}

QString DescriptorTableModel::displayText(const Row& row, int column) const {
    const ss::DescriptorInfo& d = row.info;
    const bool hasAppQueue = d.role == ss::Role::Connection || d.role == ss::Role::Udp;
    switch (column) {
        case Fd:
            return QString::number(d.fd);
        case Role:
            return trace_format::role(d.role);
        case Local:
            return toQString(d.local);
        case Peer:
            return toQString(d.peer);
        case Interest:
            return trace_format::readiness(m_callView ? m_callView->in.value(d.fd) : d.interest);
        case Ready:
            return m_callView ? readyText(m_callView->out.value(d.fd))
                              : trace_format::readiness(d.lastReady);
        case RecvQ:
            return optionalCount(d.kernelRecvQueue);
        case SendQ:
            return optionalCount(d.kernelSendQueue);
        case AcceptQ:
            if (d.acceptQueue < 0)
                return {};
            return QStringLiteral("%1/%2")
                .arg(d.acceptQueue)
                .arg(d.acceptBacklog < 0 ? QStringLiteral("?") : QString::number(d.acceptBacklog));
        case AppQueue:
            return hasAppQueue
                       ? QStringLiteral("%1 (%2)").arg(d.appQueueBytes).arg(d.appQueueMessages)
                       : QString();
        case BytesIn:
            return QString::number(d.bytesIn);
        case BytesOut:
            return QString::number(d.bytesOut);
        case Age:
            return tr("%1 s").arg(d.ageSeconds, 0, 'f', 1);
        case State:
            return row.closedAt >= 0 ? tr("closed") : trace_format::connState(d.state);
    }
    return {};
}

QVariant DescriptorTableModel::sortKey(const Row& row, int column) const {
    const ss::DescriptorInfo& d = row.info;
    switch (column) {
        case Fd:
            return d.fd;
        case Role:
            return static_cast<int>(d.role);
        case Interest:
            return d.interest;
        case Ready:
            return d.lastReady;
        case RecvQ:
            return qint64(d.kernelRecvQueue);
        case SendQ:
            return qint64(d.kernelSendQueue);
        case AcceptQ:
            return qint64(d.acceptQueue);
        case AppQueue:
            return quint64(d.appQueueBytes);
        case BytesIn:
            return quint64(d.bytesIn);
        case BytesOut:
            return quint64(d.bytesOut);
        case Age:
            return d.ageSeconds;
    }
    return displayText(row, column);
}

bool DescriptorTableModel::flashing(qint64 since) const {
    return since >= 0 && m_call - since < m_flashCalls;
}

QVariant DescriptorTableModel::background(const Row& row, int column) const {
    if (row.closedAt >= 0)
        return QBrush(QColor(kClosedRgb));
    if (m_callView)
        return callViewBackground(row, column);
    if (flashing(row.addedAt))
        return QBrush(QColor(kNewRgb));
    if (column == Ready && row.info.lastReady != 0 && !m_flood)
        return QBrush(QColor(kReadyRgb));
    if (flashing(row.changedAt[static_cast<size_t>(column)]))
        return QBrush(QColor(kChangedRgb));
    return {};
}

// One call's view shows only what that call did: no flashes of what happened since.
QVariant DescriptorTableModel::callViewBackground(const Row& row, int column) const {
    if (column == Interest && m_callView->in.value(row.info.fd) != 0)
        return QBrush(QColor(kInRgb));
    if (column == Ready && m_callView->out.value(row.info.fd) != 0)
        return QBrush(QColor(kReadyRgb));
    return {};
}

QVariant DescriptorTableModel::foreground(const Row& row, int column) const {
    if (background(row, column).isValid())
        return QBrush(Qt::black);
    if (m_callView && !inShownCall(row))
        return QBrush(Qt::gray);  // not in the shown call
    return {};
}

// The Role cell names the behaviour; in a call's view the Ready cell says why it was ready.
QVariant DescriptorTableModel::toolTip(const Row& row, int column) const {
    if (column == Role && !row.info.behaviour.empty())
        return tr("Behaviour: %1").arg(toQString(row.info.behaviour));
    if (column != Ready || !m_callView || !inShownCall(row))
        return {};
    const auto facts = m_callView->why.constFind(row.info.fd);
    const uint8_t ready = m_callView->out.value(row.info.fd);
    if (facts == m_callView->why.cend() || ready == 0)
        return {};
    return WhyText::describe(&*facts, ready, row.info.role);
}

uint32_t DescriptorTableModel::changedColumns(const ss::DescriptorInfo& a,
                                              const ss::DescriptorInfo& b) {
    const bool differs[ColumnCount] = {
        false,
        a.role != b.role,
        a.local != b.local,
        a.peer != b.peer,
        a.interest != b.interest,
        a.lastReady != b.lastReady,
        a.kernelRecvQueue != b.kernelRecvQueue,
        a.kernelSendQueue != b.kernelSendQueue,
        a.acceptQueue != b.acceptQueue || a.acceptBacklog != b.acceptBacklog,
        a.appQueueBytes != b.appQueueBytes || a.appQueueMessages != b.appQueueMessages,
        a.bytesIn != b.bytesIn,
        a.bytesOut != b.bytesOut,
        a.ageSeconds != b.ageSeconds,
        a.state != b.state,
    };
    uint32_t mask = 0;
    for (int c = 0; c < ColumnCount; ++c)
        mask |= differs[c] ? (1u << c) : 0u;
    return mask;
}

void DescriptorTableModel::updateRow(int row, const ss::DescriptorInfo& info) {
    Row& r = m_rows[static_cast<size_t>(row)];
    const uint32_t mask = changedColumns(r.info, info);
    if (mask == 0)
        return;
    r.info = info;
    int first = ColumnCount, last = -1;
    for (int c = 0; c < ColumnCount; ++c) {
        if (!(mask & (1u << c)))
            continue;
        first = std::min(first, c);
        last = std::max(last, c);
        // Age ticks on every snapshot and Ready has its own light: neither flashes yellow.
        if (c != Age && c != Ready && !m_flood)
            r.changedAt[static_cast<size_t>(c)] = m_call;
    }
    emit dataChanged(index(row, first), index(row, last));
}

void DescriptorTableModel::markClosed(int row) {
    m_rows[static_cast<size_t>(row)].closedAt = m_call;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void DescriptorTableModel::insertRows(const std::vector<const ss::DescriptorInfo*>& added,
                                      bool flash) {
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(added.size()) - 1);
    for (const ss::DescriptorInfo* info : added) {
        Row row;
        row.info = *info;
        row.addedAt = flash ? m_call : -1;
        m_rows.push_back(row);
    }
    endInsertRows();
}

void DescriptorTableModel::applyDiff(const std::vector<ss::DescriptorInfo>& descriptors,
                                     bool flashNew) {
    QHash<int, size_t> incoming;
    for (size_t i = 0; i < descriptors.size(); ++i) {
        if (m_showWakeup || descriptors[i].role != ss::Role::Wakeup)
            incoming.insert(descriptors[i].fd, i);
    }
    const int existing = rowCount();
    for (int r = 0; r < existing; ++r) {
        const ss::DescriptorInfo& old = m_rows[static_cast<size_t>(r)].info;
        if (m_rows[static_cast<size_t>(r)].closedAt >= 0)
            continue;
        const auto it = incoming.constFind(old.fd);
        // A reused fd number with another role or address is another socket: close the row.
        const ss::DescriptorInfo* now = it == incoming.cend() ? nullptr : &descriptors[*it];
        if (!now || now->role != old.role || now->local != old.local || now->peer != old.peer) {
            markClosed(r);
            continue;
        }
        updateRow(r, *now);
        incoming.remove(old.fd);
    }
    std::vector<const ss::DescriptorInfo*> added;
    for (const ss::DescriptorInfo& info : descriptors) {
        if (incoming.contains(info.fd))
            added.push_back(&info);
    }
    insertRows(added, flashNew);
}

template <typename Predicate>
void DescriptorTableModel::removeRowsWhere(Predicate doomed) {
    // From the end, one beginRemoveRows per contiguous run, so the indexes above stay valid.
    for (int last = rowCount() - 1; last >= 0; --last) {
        if (!doomed(m_rows[static_cast<size_t>(last)]))
            continue;
        int first = last;
        while (first > 0 && doomed(m_rows[static_cast<size_t>(first - 1)]))
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        last = first;
    }
}

void DescriptorTableModel::setDescriptors(const std::vector<ss::DescriptorInfo>& descriptors) {
    const bool wasFlood = m_flood;
    m_flood = m_call - m_snapshotCall > qint64(kFloodCalls);
    m_snapshotCall = m_call;
    m_last = descriptors;
    // The first snapshot of a trace is the table as it is, not news: a replay that jumps begins
    // a new trace with every descriptor already open.
    applyDiff(descriptors, std::exchange(m_snapshotSinceClear, true));
    if (m_flood != wasFlood)
        emitAllChanged({Qt::BackgroundRole, Qt::ForegroundRole});
}

void DescriptorTableModel::setCallNumber(quint64 calls) {
    if (qint64(calls) == m_call)
        return;
    m_call = qint64(calls);
    expireHighlights();
}

void DescriptorTableModel::showCall(const ss::CallRecord& call) {
    CallView view;
    view.number = call.number;
    addBits(view.in, call.inRead, ss::kRead);
    addBits(view.in, call.inWrite, ss::kWrite);
    addBits(view.in, call.inExcept, ss::kExcept);
    addBits(view.out, call.readyRead, ss::kRead);
    addBits(view.out, call.readyWrite, ss::kWrite);
    addBits(view.out, call.readyExcept, ss::kExcept);
    addBits(view.out, call.readyHangup, ss::kHangup);
    addBits(view.out, call.readyError, ss::kError);
    for (const ss::ReadyFacts& facts : call.why)
        view.why.insert(facts.fd, facts);
    m_callView = std::move(view);
    emitAllChanged({});
    emit headerDataChanged(Qt::Horizontal, Interest, Ready);
}

void DescriptorTableModel::showLive() {
    if (!m_callView)
        return;
    m_callView.reset();
    emitAllChanged({});
    emit headerDataChanged(Qt::Horizontal, Interest, Ready);
}

void DescriptorTableModel::emitAllChanged(const QList<int>& roles) {
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), roles);
}

void DescriptorTableModel::setShowWakeup(bool show) {
    if (show == m_showWakeup)
        return;
    m_showWakeup = show;
    if (show)
        applyDiff(m_last, false);
    else
        removeRowsWhere([](const Row& r) { return r.info.role == ss::Role::Wakeup; });
}

void DescriptorTableModel::clear() {
    m_snapshotSinceClear = false;
    if (m_rows.empty())
        return;
    beginRemoveRows(QModelIndex(), 0, rowCount() - 1);
    m_rows.clear();
    endRemoveRows();
    m_last.clear();
    m_callView.reset();
    m_call = m_snapshotCall = 0;
    m_flood = false;
}

void DescriptorTableModel::expireHighlights() {
    for (int r = 0; r < rowCount(); ++r) {
        Row& row = m_rows[static_cast<size_t>(r)];
        bool expired = false;
        if (row.addedAt >= 0 && !flashing(row.addedAt)) {
            row.addedAt = -1;
            expired = true;
        }
        for (qint64& since : row.changedAt) {
            if (since >= 0 && !flashing(since)) {
                since = -1;
                expired = true;
            }
        }
        if (expired)
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1),
                             {Qt::BackgroundRole, Qt::ForegroundRole});
    }
    removeRowsWhere([this](const Row& r) { return r.closedAt >= 0 && !flashing(r.closedAt); });
}
