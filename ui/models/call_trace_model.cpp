// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/call_trace_model.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include <QHash>
#include <QStringList>

#include "core/poller/poller.h"
#include "ui/models/trace_format.h"
#include "ui/to_qstring.h"

namespace {

// The column titles and their one-sentence tooltips, in the order of CallTraceModel::Column.
const trace_format::ColumnText kColumns[] = {
    {QT_TRANSLATE_NOOP("TraceText", "#"),
     QT_TRANSLATE_NOOP("TraceText", "The wait call's number, counted from the server's start.")},
    {QT_TRANSLATE_NOOP("TraceText", "Time"),
     QT_TRANSLATE_NOOP("TraceText", "When the call began, in seconds since the server started.")},
    {QT_TRANSLATE_NOOP("TraceText", "Backend"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Which system call waited: select, poll, epoll, kqueue or WSAPoll.")},
    {QT_TRANSLATE_NOOP("TraceText", "Read in"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Descriptors the server asked about: is there something to read?")},
    {QT_TRANSLATE_NOOP("TraceText", "Write in"),
     QT_TRANSLATE_NOOP("TraceText", "Descriptors the server asked about: is there room to write?")},
    {QT_TRANSLATE_NOOP("TraceText", "Except in"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Descriptors the server asked about: has urgent data arrived?")},
    {QT_TRANSLATE_NOOP("TraceText", "Timeout"),
     QT_TRANSLATE_NOOP("TraceText",
                       "How long the call may wait when nothing is ready; block means forever.")},
    {QT_TRANSLATE_NOOP("TraceText", "Ready read"),
     QT_TRANSLATE_NOOP("TraceText",
                       "Descriptors the kernel said can be read without waiting: data, a new "
                       "connection or end of stream (HUP and ERR mark hang-ups and errors).")},
    {QT_TRANSLATE_NOOP("TraceText", "Ready write"),
     QT_TRANSLATE_NOOP("TraceText", "Descriptors the kernel said can be written without waiting.")},
    {QT_TRANSLATE_NOOP("TraceText", "Ready except"),
     QT_TRANSLATE_NOOP("TraceText", "Descriptors the kernel said have urgent (out-of-band) data.")},
    {QT_TRANSLATE_NOOP("TraceText", "Return"),
     QT_TRANSLATE_NOOP("TraceText",
                       "What the call returned: how many are ready, 0 on timeout, or -1 and the "
                       "error.")},
    {QT_TRANSLATE_NOOP("TraceText", "Blocked"),
     QT_TRANSLATE_NOOP("TraceText", "How long the server sat inside the call, waiting.")},
    {QT_TRANSLATE_NOOP("TraceText", "Python"),
     QT_TRANSLATE_NOOP("TraceText", "The same call written as the Python tutorials write it.")},
};
static_assert(std::size(kColumns) == CallTraceModel::ColumnCount);

// The Python column speaks the tutorials' language. select() takes the three lists and returns
// three lists:
//   r, w, x = select.select([3, 5], [5], [3, 5], 1.0)  ->  [5], [5], []
//   r, w, x = select.select([3], [], [])  ->  [3], [], []          (timeout -1: no 4th argument)
// poll and epoll objects hold the interest list themselves (register() was called before), so
// their line shows only the timeout and the (fd, events) pairs that came back:
//   poll.poll(1000)  ->  [(5, POLLIN)]         timeout in milliseconds, poll.poll() blocks
//   ep.poll(1.0)  ->  [(5, EPOLLIN|EPOLLOUT)]  timeout in seconds, ep.poll() blocks
//   kq.control(None, 2, 1.0)  ->  [(5, KQ_FILTER_READ)]   (a simplified view of the kevents)
// WSAPoll has no Python binding; it is shown in the poll form. A failed call shows the error
// Python would raise, e.g.  ->  OSError(EINTR).

struct EventNames {
    const char* in;
    const char* out;
    const char* pri;
    const char* hup;
    const char* err;
};

// How many descriptors a list shows in a cell (the rest are behind an ellipsis; the tooltip has
// them all). A cell is at most about 40 characters wide, so a few dozen is already more than fits;
// building and laying out the text of a thousand descriptors for every visible cell, 30 times a
// second, was most of the window's work under load.
constexpr size_t kCellItems = 48;
constexpr size_t kWhole = SIZE_MAX;

QString pyList(const std::vector<int32_t>& fds, size_t limit) {
    return QLatin1Char('[') + trace_format::fdList(fds, limit) + QLatin1Char(']');
}

// 1000 -> "1.0", 250 -> "0.25": what a Python programmer would type.
QString pySeconds(int ms) {
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + QStringLiteral(".0");
    QString text = QString::number(ms / 1000.0, 'f', 3);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    return text;
}

// The (fd, events) pairs in the order the descriptors first appear; `where` finds a pair by fd.
using Pairs = std::vector<std::pair<int32_t, QStringList>>;
void addBits(Pairs& pairs, QHash<int32_t, size_t>& where, const std::vector<int32_t>& fds,
             const char* name) {
    for (int32_t fd : fds) {
        auto it = where.constFind(fd);
        if (it == where.cend()) {
            it = where.insert(fd, pairs.size());
            pairs.push_back({fd, QStringList()});
        }
        pairs[*it].second << QLatin1String(name);
    }
}

QString pyEvents(const ss::CallRecord& call, const EventNames& names, size_t limit) {
    Pairs pairs;
    QHash<int32_t, size_t> where;
    addBits(pairs, where, call.readyRead, names.in);
    addBits(pairs, where, call.readyWrite, names.out);
    addBits(pairs, where, call.readyExcept, names.pri);
    addBits(pairs, where, call.readyHangup, names.hup);
    addBits(pairs, where, call.readyError, names.err);
    const trace_format::ListWindow window = trace_format::listWindow(pairs.size(), limit);
    auto item = [&pairs](size_t i) {
        return QStringLiteral("(%1, %2)").arg(pairs[i].first).arg(pairs[i].second.join('|'));
    };
    QStringList items;
    for (size_t i = 0; i < window.head; ++i)
        items << item(i);
    if (window.cut()) {
        items << QString(QChar(0x2026));
        for (size_t i = pairs.size() - window.tail; i < pairs.size(); ++i)
            items << item(i);
    }
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString pySelect(const ss::CallRecord& call, size_t limit) {
    QString args = pyList(call.inRead, limit) + QStringLiteral(", ") + pyList(call.inWrite, limit) +
                   QStringLiteral(", ") + pyList(call.inExcept, limit);
    if (call.timeoutMs >= 0)
        args += QStringLiteral(", ") + pySeconds(call.timeoutMs);
    return QStringLiteral("r, w, x = select.select(%1)").arg(args);
}

QString pyCall(const ss::CallRecord& call, size_t limit) {
    const bool blocks = call.timeoutMs < 0;
    switch (call.backend) {
        case ss::BackendKind::Select:
            return pySelect(call, limit);
        case ss::BackendKind::Poll:
        case ss::BackendKind::WsaPoll:
            return blocks ? QStringLiteral("poll.poll()")
                          : QStringLiteral("poll.poll(%1)").arg(call.timeoutMs);
        case ss::BackendKind::Epoll:
            return QStringLiteral("ep.poll(%1)")
                .arg(blocks ? QString() : pySeconds(call.timeoutMs));
        case ss::BackendKind::Kqueue:
            return QStringLiteral("kq.control(None, %1, %2)")
                .arg(std::max<size_t>(1, call.inRead.size() + call.inWrite.size()))
                .arg(blocks ? QStringLiteral("None") : pySeconds(call.timeoutMs));
    }
    return {};
}

QString pyResult(const ss::CallRecord& call, size_t limit) {
    static constexpr EventNames kPoll{"POLLIN", "POLLOUT", "POLLPRI", "POLLHUP", "POLLERR"};
    static constexpr EventNames kEpoll{"EPOLLIN", "EPOLLOUT", "EPOLLPRI", "EPOLLHUP", "EPOLLERR"};
    static constexpr EventNames kKqueue{"KQ_FILTER_READ", "KQ_FILTER_WRITE", "KQ_FILTER_READ",
                                        "KQ_EV_EOF", "KQ_EV_ERROR"};
    if (call.ret < 0)
        return QStringLiteral("OSError(%1)").arg(trace_format::errorName(call.err));
    switch (call.backend) {
        case ss::BackendKind::Select:
            return pyList(call.readyRead, limit) + QStringLiteral(", ") +
                   pyList(call.readyWrite, limit) + QStringLiteral(", ") +
                   pyList(call.readyExcept, limit);
        case ss::BackendKind::Epoll:
            return pyEvents(call, kEpoll, limit);
        case ss::BackendKind::Kqueue:
            return pyEvents(call, kKqueue, limit);
        default:
            return pyEvents(call, kPoll, limit);
    }
}

// The select() set a column shows (ss::kRead, kWrite or kExcept); 0 for the other columns.
uint8_t setBit(int column) {
    switch (column) {
        case CallTraceModel::ReadIn:
        case CallTraceModel::ReadyRead:
            return ss::kRead;
        case CallTraceModel::WriteIn:
        case CallTraceModel::ReadyWrite:
            return ss::kWrite;
        case CallTraceModel::ExceptIn:
        case CallTraceModel::ReadyExcept:
            return ss::kExcept;
    }
    return 0;
}

// A set passed as a NULL pointer has no ready list either: the kernel had nowhere to write one.
bool isNullSet(const ss::CallRecord& call, int column) {
    const uint8_t bit = setBit(column);
    return bit != 0 && (call.nullSets & bit) != 0;
}

// select.select(rlist, wlist, xlist): the names of the arguments CPython passed as NULL.
QString nullArguments(const ss::CallRecord& call) {
    QStringList names;
    if (call.nullSets & ss::kRead)
        names << QStringLiteral("rlist");
    if (call.nullSets & ss::kWrite)
        names << QStringLiteral("wlist");
    if (call.nullSets & ss::kExcept)
        names << QStringLiteral("xlist");
    return names.join(QStringLiteral(", "));
}

// Longer Python lines stay out of the other cells' tooltips: a call with hundreds of descriptors
// would bury the cell's own text under three screens of numbers.
constexpr qsizetype kPythonInTipChars = 200;

// Ready read, plus the hang-ups and errors that poll-like backends report on their own.
QString readyReadText(const ss::CallRecord& call, size_t limit) {
    QString text = trace_format::fdList(call.readyRead, limit);
    if (!call.readyHangup.empty())
        text += QStringLiteral("  HUP: ") + trace_format::fdList(call.readyHangup, limit);
    if (!call.readyError.empty())
        text += QStringLiteral("  ERR: ") + trace_format::fdList(call.readyError, limit);
    return text.trimmed();
}

QList<int> allFds(const ss::CallRecord& call) {
    QList<int> fds;
    for (const auto* list :
         {&call.inRead, &call.inWrite, &call.inExcept, &call.readyRead, &call.readyWrite,
          &call.readyExcept, &call.readyHangup, &call.readyError})
        fds.append(QList<int>(list->begin(), list->end()));
    std::sort(fds.begin(), fds.end());
    fds.erase(std::unique(fds.begin(), fds.end()), fds.end());
    return fds;
}

}  // namespace

CallTraceModel::CallTraceModel(QObject* parent) : QAbstractTableModel(parent) {}

void CallTraceModel::setSource(TraceSource* source) {
    connect(source, &TraceSource::batchReady, this, &CallTraceModel::appendBatch);
    connect(source, &TraceSource::started, this, &CallTraceModel::clear);
}

int CallTraceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_calls.size());
}

int CallTraceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallTraceModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ss::CallRecord& c = call(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return displayText(c, index.column(), kCellItems);
        case SortRole:
            return sortKey(c, index.column());
        case FdsRole:
            return QVariant::fromValue(allFds(c));
        case Qt::TextAlignmentRole: {
            const int column = index.column();
            const bool numeric = column <= Time || column == Return || column == Blocked;
            return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        }
        case Qt::ToolTipRole:
            return toolTip(c, index.column());
        case PythonResultRole:
            return pythonResult(c, kCellItems);
    }
    return {};
}

QVariant CallTraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return trace_format::columnHeader(kColumns, section, role);
}

QString CallTraceModel::pythonLine(const ss::CallRecord& call, size_t limit) {
    return pyCall(call, limit) + pythonResult(call, limit);
}

QString CallTraceModel::pythonResult(const ss::CallRecord& call, size_t limit) {
    return QStringLiteral("  ->  ") + pyResult(call, limit);
}

// The whole text of the cell, which the view may have elided. The Python column adds which empty
// lists went in as NULL; the other cells add the call's Python line when it is short.
QString CallTraceModel::toolTip(const ss::CallRecord& c, int column) const {
    QStringList lines;
    if (column == Python) {
        lines << pythonLine(c);
        const QString nulls = nullArguments(c);
        if (!nulls.isEmpty())
            lines << tr("%1: an empty list, which CPython passes to select() as a NULL pointer.")
                         .arg(nulls);
        return lines.join(QLatin1Char('\n'));
    }
    const QString text = displayText(c, column, kWhole);
    if (!text.isEmpty())
        lines << text;
    if (isNullSet(c, column))
        lines << tr(
            "The set was empty, so the server passed a NULL pointer instead, as CPython "
            "does; the kernel reports nothing for it.");
    const QString python = pythonLine(c);
    if (python.size() <= kPythonInTipChars)
        lines << python;
    return lines.join(QLatin1Char('\n'));
}

QString CallTraceModel::displayText(const ss::CallRecord& c, int column, size_t limit) const {
    // The C word, as strace writes it: not translated.
    if (isNullSet(c, column))
        return QStringLiteral("NULL");
    switch (column) {
        case Number:
            return QString::number(c.number);
        case Time:
            return QString::number(c.startNs / 1e9, 'f', 3);
        case Backend:
            return toQString(ss::backendName(c.backend));
        case ReadIn:
            return trace_format::fdList(c.inRead, limit);
        case WriteIn:
            return trace_format::fdList(c.inWrite, limit);
        case ExceptIn:
            return trace_format::fdList(c.inExcept, limit);
        case Timeout:
            return c.timeoutMs < 0 ? tr("block") : tr("%1 s").arg(c.timeoutMs / 1000.0, 0, 'f', 3);
        case ReadyRead:
            return readyReadText(c, limit);
        case ReadyWrite:
            return trace_format::fdList(c.readyWrite, limit);
        case ReadyExcept:
            return trace_format::fdList(c.readyExcept, limit);
        case Return:
            return c.ret < 0
                       ? QStringLiteral("%1 %2").arg(c.ret).arg(trace_format::errorName(c.err))
                       : QString::number(c.ret);
        case Blocked:
            return c.durationNs < 1000000 ? tr("%1 µs").arg(c.durationNs / 1000)
                                          : tr("%1 ms").arg(c.durationNs / 1e6, 0, 'f', 1);
        case Python:
            return m_pythonView ? pythonLine(c, limit) : QString();
    }
    return {};
}

QVariant CallTraceModel::sortKey(const ss::CallRecord& c, int column) const {
    switch (column) {
        case Number:
            return quint64(c.number);
        case Time:
            return qint64(c.startNs);
        case Timeout:
            return c.timeoutMs < 0 ? std::numeric_limits<int>::max() : c.timeoutMs;
        case Return:
            return c.ret;
        case Blocked:
            return qint64(c.durationNs);
    }
    return displayText(c, column, kCellItems);
}

// The calls arrive in number order, so the table is sorted by number.
int CallTraceModel::rowOfCall(uint64_t number) const {
    const auto it = std::lower_bound(
        m_calls.begin(), m_calls.end(), number,
        [](const ss::CallRecord& call, uint64_t wanted) { return call.number < wanted; });
    if (it == m_calls.end() || it->number != number)
        return -1;
    return static_cast<int>(it - m_calls.begin());
}

void CallTraceModel::appendCalls(const std::vector<ss::CallRecord>& calls) {
    // A batch larger than the cap keeps only its newest calls.
    const size_t cap = static_cast<size_t>(m_maxRows);
    const size_t skip = calls.size() > cap ? calls.size() - cap : 0;
    const size_t incoming = calls.size() - skip;
    if (incoming == 0)
        return;
    trimTo(cap - incoming);
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(incoming) - 1);
    m_calls.insert(m_calls.end(), calls.begin() + static_cast<std::ptrdiff_t>(skip), calls.end());
    endInsertRows();
}

void CallTraceModel::appendBatch(const TraceBatch& batch) {
    appendCalls(batch.calls);
}

void CallTraceModel::setMaxRows(int rows) {
    m_maxRows = std::max(1, rows);
    trimTo(static_cast<size_t>(m_maxRows));
}

void CallTraceModel::setPythonView(bool on) {
    if (on == m_pythonView)
        return;
    m_pythonView = on;
    if (rowCount() > 0)
        emit dataChanged(index(0, Python), index(rowCount() - 1, Python), {Qt::DisplayRole});
    emit pythonViewChanged(on);
}

void CallTraceModel::clear() {
    trimTo(0);
}

void CallTraceModel::trimTo(size_t rows) {
    if (m_calls.size() <= rows)
        return;
    const size_t excess = m_calls.size() - rows;
    beginRemoveRows(QModelIndex(), 0, static_cast<int>(excess) - 1);
    m_calls.erase(m_calls.begin(), m_calls.begin() + static_cast<std::ptrdiff_t>(excess));
    endRemoveRows();
}
