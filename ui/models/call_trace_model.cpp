// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/call_trace_model.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include <QStringList>

#include "core/poller/poller.h"
#include "ui/models/python_text.h"
#include "ui/models/selectors_text.h"
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

// How many descriptors a list shows in a cell (the rest are behind an ellipsis; the tooltip has
// them all). A cell is at most about 40 characters wide, so a few dozen is already more than fits;
// building and laying out the text of a thousand descriptors for every visible cell, 30 times a
// second, was most of the window's work under load.
constexpr size_t kCellItems = 48;
constexpr size_t kWhole = SIZE_MAX;

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
    const int row = index.row();
    const ss::CallRecord& c = call(row);
    switch (role) {
        case Qt::DisplayRole:
            return displayText(row, index.column(), kCellItems);
        case SortRole:
            return sortKey(row, index.column());
        case FdsRole:
            return QVariant::fromValue(allFds(c));
        case Qt::TextAlignmentRole: {
            const int column = index.column();
            const bool numeric = column <= Time || column == Return || column == Blocked;
            return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        }
        case Qt::ToolTipRole:
            return toolTip(row, index.column());
        case PythonResultRole:
            return shownPythonResult(row, kCellItems);
        case SelectorsOpsRole:
            return SelectorsText::opLines(selectorsStep(row));
    }
    return {};
}

QVariant CallTraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return trace_format::columnHeader(kColumns, section, role);
}

QString CallTraceModel::pythonLine(const ss::CallRecord& call, size_t limit) {
    return python_text::selectCall(call, limit) + pythonResult(call, limit);
}

QString CallTraceModel::pythonResult(const ss::CallRecord& call, size_t limit) {
    return QStringLiteral("  ->  ") + python_text::selectResult(call, limit);
}

QString CallTraceModel::selectorsLine(int row, size_t limit) const {
    return SelectorsText::line(call(row), selectorsStep(row), limit);
}

// The selectors form puts the calls on the selector object since the previous wait call in
// front, as the statements that ran before it: "sel.register(4, ...); events = sel.select()".
QString CallTraceModel::shownPythonLine(int row, size_t limit) const {
    if (m_pythonApi == ss::PythonApi::Selectors && call(row).kind == ss::CallKind::Wait)
        return SelectorsText::statements(selectorsStep(row), limit) + selectorsLine(row, limit);
    return pythonLine(call(row), limit);
}

QString CallTraceModel::shownPythonResult(int row, size_t limit) const {
    if (m_pythonApi == ss::PythonApi::Selectors && call(row).kind == ss::CallKind::Wait)
        return SelectorsText::result(call(row), selectorsStep(row), limit);
    return pythonResult(call(row), limit);
}

// The whole text of the cell, which the view may have elided. The Python column adds which empty
// lists went in as NULL, or in the selectors form the calls on the selector object since the
// previous wait call; the other cells add the call's Python line when it is short.
QString CallTraceModel::toolTip(int row, int column) const {
    const ss::CallRecord& c = call(row);
    QStringList lines;
    if (column == Python) {
        if (m_pythonApi == ss::PythonApi::Selectors)
            return selectorsToolTip(row);
        lines << pythonLine(c);
        const QString nulls = python_text::nullArguments(c);
        if (!nulls.isEmpty())
            lines << tr("%1: an empty list, which CPython passes to select() as a NULL pointer.")
                         .arg(nulls);
        return lines.join(QLatin1Char('\n'));
    }
    const QString text = displayText(row, column, kWhole);
    if (!text.isEmpty())
        lines << text;
    if (isNullSet(c, column))
        lines << tr(
            "The set was empty, so the server passed a NULL pointer instead, as CPython "
            "does; the kernel reports nothing for it.");
    const QString python = shownPythonLine(row, kWhole);
    if (python.size() <= kPythonInTipChars)
        lines << python;
    return lines.join(QLatin1Char('\n'));
}

QString CallTraceModel::selectorsToolTip(int row) const {
    const SelectorsStep& step = selectorsStep(row);
    QStringList lines;
    if (!step.ops.empty())
        lines << tr("Since the previous call:") << SelectorsText::opLines(step) << QString();
    lines << selectorsLine(row);
    const QString unknown = SelectorsText::unknownNote(step);
    if (!unknown.isEmpty())
        lines << unknown;
    return lines.join(QLatin1Char('\n'));
}

QString CallTraceModel::displayText(int row, int column, size_t limit) const {
    const ss::CallRecord& c = call(row);
    // The C word, as strace writes it: not translated.
    if (isNullSet(c, column))
        return QStringLiteral("NULL");
    switch (column) {
        case Number:
            return QString::number(c.number);
        case Time:
            return QString::number(c.startNs / 1e9, 'f', 3);
        case Backend:
            return trace_format::callName(c);
        case ReadIn:
            return trace_format::fdList(c.inRead, limit);
        case WriteIn:
            return trace_format::fdList(c.inWrite, limit);
        case ExceptIn:
            return trace_format::fdList(c.inExcept, limit);
        case Timeout:
            if (c.kind != ss::CallKind::Wait)
                return {};  // a socket call takes no timeout
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
            return m_pythonView ? shownPythonLine(row, limit) : QString();
    }
    return {};
}

QVariant CallTraceModel::sortKey(int row, int column) const {
    const ss::CallRecord& c = call(row);
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
    return displayText(row, column, kCellItems);
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
    std::vector<SelectorsStep> steps;
    steps.reserve(calls.size());
    for (const ss::CallRecord& c : calls)
        steps.push_back(c.kind == ss::CallKind::Wait ? m_registry.applyCall(c) : SelectorsStep{});
    insertCalls(calls, std::move(steps));
}

// One ordered stream was split into calls and events: they go to the selectors registry merged
// back by time, events first on a tie (an accept and its register() happen before the call that
// passes the new descriptor in). Lost records leave the registry knowing nothing it could have
// missed, before this batch and after it.
void CallTraceModel::appendBatch(const TraceBatch& batch) {
    const bool lost = batch.droppedTotal > m_droppedSeen;
    m_droppedSeen = batch.droppedTotal;
    if (lost)
        m_registry.forget();
    std::vector<SelectorsStep> steps;
    steps.reserve(batch.calls.size());
    auto event = batch.events.begin();
    for (const ss::CallRecord& c : batch.calls) {
        for (; event != batch.events.end() && event->timeNs <= c.startNs; ++event)
            m_registry.applyEvent(*event);
        steps.push_back(m_registry.applyCall(c));
    }
    for (; event != batch.events.end(); ++event)
        m_registry.applyEvent(*event);
    if (lost)
        m_registry.forget();
    insertCalls(batch.calls, std::move(steps));
}

void CallTraceModel::insertCalls(const std::vector<ss::CallRecord>& calls,
                                 std::vector<SelectorsStep> steps) {
    // A batch larger than the cap keeps only its newest calls.
    const size_t cap = static_cast<size_t>(m_maxRows);
    const size_t skip = calls.size() > cap ? calls.size() - cap : 0;
    const size_t incoming = calls.size() - skip;
    if (incoming == 0)
        return;
    trimTo(cap - incoming);
    const int first = rowCount();
    const auto from = static_cast<std::ptrdiff_t>(skip);
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(incoming) - 1);
    m_calls.insert(m_calls.end(), calls.begin() + from, calls.end());
    m_steps.insert(m_steps.end(), std::make_move_iterator(steps.begin() + from),
                   std::make_move_iterator(steps.end()));
    endInsertRows();
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

void CallTraceModel::setPythonApi(ss::PythonApi api) {
    if (api == m_pythonApi)
        return;
    m_pythonApi = api;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole, PythonResultRole, SortRole});
    emit pythonApiChanged(api);
}

// A new trace: its descriptors have nothing to do with the last one's.
void CallTraceModel::clear() {
    trimTo(0);
    m_registry.forget();
    m_droppedSeen = 0;
}

void CallTraceModel::trimTo(size_t rows) {
    if (m_calls.size() <= rows)
        return;
    const size_t excess = m_calls.size() - rows;
    beginRemoveRows(QModelIndex(), 0, static_cast<int>(excess) - 1);
    m_calls.erase(m_calls.begin(), m_calls.begin() + static_cast<std::ptrdiff_t>(excess));
    m_steps.erase(m_steps.begin(), m_steps.begin() + static_cast<std::ptrdiff_t>(excess));
    endRemoveRows();
}
