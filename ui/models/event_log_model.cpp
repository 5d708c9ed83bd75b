// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/event_log_model.h"

#include <QByteArray>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>

#include "core/net/platform.h"
#include "ui/models/trace_format.h"
#include "ui/to_qstring.h"

namespace {

// The column titles and their one-sentence tooltips, in the order of EventLogModel::Column.
const trace_format::ColumnText kColumns[] = {
    {QT_TRANSLATE_NOOP("TraceText", "Time"),
     QT_TRANSLATE_NOOP("TraceText", "When it happened, in seconds since the server started.")},
    {QT_TRANSLATE_NOOP("TraceText", "Kind"),
     QT_TRANSLATE_NOOP("TraceText", "What happened: accept, recv, send, close and so on.")},
    {QT_TRANSLATE_NOOP("TraceText", "Fd"),
     QT_TRANSLATE_NOOP("TraceText", "The descriptor it happened on.")},
    {QT_TRANSLATE_NOOP("TraceText", "Role"),
     QT_TRANSLATE_NOOP("TraceText",
                       "What that descriptor is for: listener, connection, udp or wakeup.")},
    {QT_TRANSLATE_NOOP("TraceText", "Bytes"),
     QT_TRANSLATE_NOOP("TraceText", "How many bytes were received, sent or are queued.")},
    {QT_TRANSLATE_NOOP("TraceText", "Detail"),
     QT_TRANSLATE_NOOP("TraceText",
                       "More about it: the peer's address, why a socket closed, the error.")},
    {QT_TRANSLATE_NOOP("TraceText", "Preview"),
     QT_TRANSLATE_NOOP("TraceText",
                       "The first bytes of the data: as text when readable, else in hex.")},
    {QT_TRANSLATE_NOOP("TraceText", "Hex"),
     QT_TRANSLATE_NOOP("TraceText", "The first bytes of the data in hexadecimal.")},
};
static_assert(std::size(kColumns) == EventLogModel::ColumnCount);

bool hasByteCount(ss::EventKind kind) {
    switch (kind) {
        case ss::EventKind::Recv:
        case ss::EventKind::Send:
        case ss::EventKind::Datagram:
        case ss::EventKind::QueueChange:
        case ss::EventKind::Urgent:
            return true;
        default:
            return false;
    }
}

// What the kind adds to the event's own text: why it closed, the queue's message count ...
QString kindDetail(const ss::SocketEvent& e) {
    switch (e.kind) {
        case ss::EventKind::Accept:
            return EventLogModel::tr("on listener fd %1").arg(e.aux);
        case ss::EventKind::Close:
            return trace_format::closeReason(static_cast<ss::CloseReason>(e.aux));
        case ss::EventKind::QueueChange:
            return EventLogModel::tr("%n message(s) queued", "", static_cast<int>(e.aux));
        case ss::EventKind::AcceptPaused:
            return EventLogModel::tr("accepting again in %1 ms").arg(e.aux);
        case ss::EventKind::Wakeup:
            return EventLogModel::tr("%n command(s) handled", "", static_cast<int>(e.bytes));
        default:
            return {};
    }
}

}  // namespace

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::setSource(TraceSource* source) {
    connect(source, &TraceSource::batchReady, this, &EventLogModel::appendBatch);
    connect(source, &TraceSource::started, this, &EventLogModel::clear);
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ss::SocketEvent& e = event(index.row());
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return displayText(e, column);
        case KindRole:
            return static_cast<int>(e.kind);
        case FdRole:
            return e.fd;
        case SortRole:
            if (column == Time)
                return qint64(e.timeNs);
            if (column == Fd)
                return e.fd;
            if (column == Bytes)
                return qint64(e.bytes);
            return displayText(e, column);
        case Qt::TextAlignmentRole:
            return column == Time || column == Fd || column == Bytes
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant();
        case Qt::ToolTipRole:
            return toolTip(e, column);
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return trace_format::columnHeader(kColumns, section, role);
}

QString EventLogModel::displayText(const ss::SocketEvent& e, int column) const {
    switch (column) {
        case Time:
            return QString::number(e.timeNs / 1e9, 'f', 3);
        case Kind:
            return trace_format::eventKind(e.kind);
        case Fd:
            return e.fd < 0 ? QString() : QString::number(e.fd);
        case Role:
            return e.fd < 0 ? QString() : trace_format::role(e.role);
        case Bytes:
            return hasByteCount(e.kind) ? QString::number(e.bytes) : QString();
        case Detail:
            return detailText(e);
        case Preview:
            return previewText(e.preview);
        case Hex:
            return hexText(e.preview);
    }
    return {};
}

// The columns a view may elide carry their whole text here.
QVariant EventLogModel::toolTip(const ss::SocketEvent& e, int column) const {
    if (column != Detail && column != Preview && column != Hex)
        return {};
    const QString text = displayText(e, column);
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString EventLogModel::detailText(const ss::SocketEvent& e) {
    QStringList parts;
    if (!e.text.empty())
        parts << trace_format::eventText(e);
    const QString extra = kindDetail(e);
    if (!extra.isEmpty())
        parts << extra;
    if (e.err != 0) {
        parts << QStringLiteral("%1 (%2)").arg(toQString(ss::socketErrorText(e.err)),
                                               trace_format::errorName(e.err));
    }
    return parts.join(QStringLiteral(" — "));
}

QString EventLogModel::previewText(const std::string& bytes) {
    if (bytes.empty())
        return {};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    if (decoder.hasError())
        return hexText(bytes);
    QString text;
    text.reserve(decoded.size());
    for (QChar c : decoded) {
        if (c == QLatin1Char('\r'))
            text += QStringLiteral("\\r");
        else if (c == QLatin1Char('\n'))
            text += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            text += QStringLiteral("\\t");
        else if (c.isPrint() || c.isSurrogate())
            text += c;
        else
            return hexText(bytes);  // control bytes: the text would lie about what arrived
    }
    return text;
}

QString EventLogModel::hexText(const std::string& bytes) {
    return QString::fromLatin1(
        QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toHex(' '));
}

void EventLogModel::appendEvents(const std::vector<ss::SocketEvent>& events) {
    // A batch larger than the cap keeps only its newest events.
    const size_t cap = static_cast<size_t>(m_maxRows);
    const size_t skip = events.size() > cap ? events.size() - cap : 0;
    const size_t incoming = events.size() - skip;
    if (incoming == 0)
        return;
    trimTo(cap - incoming);
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(incoming) - 1);
    m_events.insert(m_events.end(), events.begin() + static_cast<std::ptrdiff_t>(skip),
                    events.end());
    endInsertRows();
}

void EventLogModel::appendBatch(const TraceBatch& batch) {
    appendEvents(batch.events);
}

void EventLogModel::setMaxRows(int rows) {
    m_maxRows = std::max(1, rows);
    trimTo(static_cast<size_t>(m_maxRows));
}

void EventLogModel::clear() {
    trimTo(0);
}

void EventLogModel::trimTo(size_t rows) {
    if (m_events.size() <= rows)
        return;
    const size_t excess = m_events.size() - rows;
    beginRemoveRows(QModelIndex(), 0, static_cast<int>(excess) - 1);
    m_events.erase(m_events.begin(), m_events.begin() + static_cast<std::ptrdiff_t>(excess));
    endRemoveRows();
}
