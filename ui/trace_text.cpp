// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trace_text.h"

#include <QCoreApplication>
#include <QStringList>

#include <iterator>

#include "core/net/platform.h"
#include "core/poller/poller.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/event_log_model.h"

namespace trace_text {

namespace {

QString translated(const char* text) {
    return QCoreApplication::translate("TraceText", text);
}

// Indexed by the enum's value; the static_asserts below catch an enum that grew.
const char* const kRoles[] = {
    QT_TRANSLATE_NOOP("TraceText", "listener"), QT_TRANSLATE_NOOP("TraceText", "connection"),
    QT_TRANSLATE_NOOP("TraceText", "udp"), QT_TRANSLATE_NOOP("TraceText", "wakeup")};
const char* const kStates[] = {
    QT_TRANSLATE_NOOP("TraceText", "open"), QT_TRANSLATE_NOOP("TraceText", "half-closed"),
    QT_TRANSLATE_NOOP("TraceText", "backpressured"), QT_TRANSLATE_NOOP("TraceText", "closing"),
    QT_TRANSLATE_NOOP("TraceText", "unwatched")};
const char* const kKinds[] = {
    QT_TRANSLATE_NOOP("TraceText", "listen"),
    QT_TRANSLATE_NOOP("TraceText", "accept"),
    QT_TRANSLATE_NOOP("TraceText", "refuse"),
    QT_TRANSLATE_NOOP("TraceText", "recv"),
    QT_TRANSLATE_NOOP("TraceText", "send"),
    QT_TRANSLATE_NOOP("TraceText", "datagram"),
    QT_TRANSLATE_NOOP("TraceText", "queue change"),
    QT_TRANSLATE_NOOP("TraceText", "half-close"),
    QT_TRANSLATE_NOOP("TraceText", "close"),
    QT_TRANSLATE_NOOP("TraceText", "error"),
    QT_TRANSLATE_NOOP("TraceText", "urgent"),
    QT_TRANSLATE_NOOP("TraceText", "backpressure on"),
    QT_TRANSLATE_NOOP("TraceText", "backpressure off"),
    QT_TRANSLATE_NOOP("TraceText", "watch"),
    QT_TRANSLATE_NOOP("TraceText", "unwatch"),
    QT_TRANSLATE_NOOP("TraceText", "backend"),
    QT_TRANSLATE_NOOP("TraceText", "mode"),
    QT_TRANSLATE_NOOP("TraceText", "wakeup"),
    QT_TRANSLATE_NOOP("TraceText", "accept paused"),
    QT_TRANSLATE_NOOP("TraceText", "note"),
};
const char* const kReasons[] = {QT_TRANSLATE_NOOP("TraceText", "peer closed"),
                                QT_TRANSLATE_NOOP("TraceText", "peer reset"),
                                QT_TRANSLATE_NOOP("TraceText", "error"),
                                QT_TRANSLATE_NOOP("TraceText", "server closed"),
                                QT_TRANSLATE_NOOP("TraceText", "refused"),
                                QT_TRANSLATE_NOOP("TraceText", "exceptional set")};
static_assert(std::size(kRoles) == size_t(ss::Role::Wakeup) + 1);
static_assert(std::size(kStates) == size_t(ss::ConnState::Unwatched) + 1);
static_assert(std::size(kKinds) == size_t(ss::EventKind::Note) + 1);
static_assert(std::size(kReasons) == size_t(ss::CloseReason::ExceptionalSet) + 1);

template <size_t N>
QString lookup(const char* const (&names)[N], size_t index) {
    return index < N ? translated(names[index])
                     : translated(QT_TRANSLATE_NOOP("TraceText", "unknown"));
}

struct ColumnText {
    const char* title;
    const char* tip;
};

const ColumnText kDescriptorColumns[] = {
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

const ColumnText kCallColumns[] = {
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

const ColumnText kEventColumns[] = {
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
static_assert(std::size(kDescriptorColumns) == DescriptorTableModel::ColumnCount);
static_assert(std::size(kCallColumns) == CallTraceModel::ColumnCount);
static_assert(std::size(kEventColumns) == EventLogModel::ColumnCount);

template <size_t N>
QVariant header(const ColumnText (&columns)[N], int column, int role) {
    if (column < 0 || size_t(column) >= N)
        return {};
    if (role == Qt::DisplayRole)
        return translated(columns[column].title);
    if (role == Qt::ToolTipRole)
        return translated(columns[column].tip);
    return {};
}

#undef TT

}  // namespace

QString fromStd(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString readiness(uint8_t bits) {
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1Char((bits & ss::kRead) ? 'R' : '-'))
        .arg(QLatin1Char((bits & ss::kWrite) ? 'W' : '-'))
        .arg(QLatin1Char((bits & ss::kExcept) ? 'X' : '-'));
}

QString role(ss::Role role) {
    return lookup(kRoles, size_t(role));
}

QString connState(ss::ConnState state) {
    return lookup(kStates, size_t(state));
}

QString eventKind(ss::EventKind kind) {
    return lookup(kKinds, size_t(kind));
}

QString closeReason(ss::CloseReason reason) {
    return lookup(kReasons, size_t(reason));
}

QString errorName(int err) {
    const char* name = ss::socketErrorName(err);
    return name && *name ? QString::fromLatin1(name) : QString::number(err);
}

QString fdList(const std::vector<int32_t>& fds) {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(fds.size()));
    for (int32_t fd : fds)
        parts << QString::number(fd);
    return parts.join(QStringLiteral(", "));
}

QVariant columnHeader(Table table, int column, int role) {
    switch (table) {
        case Table::Descriptors:
            return header(kDescriptorColumns, column, role);
        case Table::Calls:
            return header(kCallColumns, column, role);
        case Table::Events:
            return header(kEventColumns, column, role);
    }
    return {};
}

}  // namespace trace_text
