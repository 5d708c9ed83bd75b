// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace_text.h"

#include <QCoreApplication>
#include <QStringList>

#include <iterator>

#include "call_trace_model.h"
#include "descriptor_table_model.h"
#include "event_log_model.h"
#include "net/platform.h"
#include "poller/poller.h"

namespace trace_text {

namespace {

#define TT(text) QT_TRANSLATE_NOOP("TraceText", text)

QString translated(const char* text) {
    return QCoreApplication::translate("TraceText", text);
}

// Indexed by the enum's value; the static_asserts below catch an enum that grew.
const char* const kRoles[] = {TT("listener"), TT("connection"), TT("udp"), TT("wakeup")};
const char* const kStates[] = {TT("open"), TT("half-closed"), TT("backpressured"), TT("closing"),
                               TT("unwatched")};
const char* const kKinds[] = {
    TT("listen"),
    TT("accept"),
    TT("refuse"),
    TT("recv"),
    TT("send"),
    TT("datagram"),
    TT("queue change"),
    TT("half-close"),
    TT("close"),
    TT("error"),
    TT("urgent"),
    TT("backpressure on"),
    TT("backpressure off"),
    TT("watch"),
    TT("unwatch"),
    TT("backend"),
    TT("mode"),
    TT("wakeup"),
    TT("accept paused"),
    TT("note"),
};
const char* const kReasons[] = {TT("peer closed"),   TT("peer reset"), TT("error"),
                                TT("server closed"), TT("refused"),    TT("exceptional set")};
static_assert(std::size(kRoles) == size_t(ss::Role::Wakeup) + 1);
static_assert(std::size(kStates) == size_t(ss::ConnState::Unwatched) + 1);
static_assert(std::size(kKinds) == size_t(ss::EventKind::Note) + 1);
static_assert(std::size(kReasons) == size_t(ss::CloseReason::ExceptionalSet) + 1);

template <size_t N>
QString lookup(const char* const (&names)[N], size_t index) {
    return index < N ? translated(names[index]) : translated(TT("unknown"));
}

struct ColumnText {
    const char* title;
    const char* tip;
};

const ColumnText kDescriptorColumns[] = {
    {TT("Fd"), TT("The descriptor number: the small integer the kernel gave this socket.")},
    {TT("Role"), TT("What the socket is for: a listener accepts, a connection talks to one "
                    "client, wakeup lets the GUI interrupt the wait.")},
    {TT("Local"), TT("The address and port on the server's side.")},
    {TT("Peer"), TT("The address and port of the client.")},
    {TT("Interest"), TT("What the server asks the kernel to watch for: R = readable, "
                        "W = writable, X = exceptional (urgent data).")},
    {TT("Ready"), TT("What the last wait call reported for this socket; lit when anything.")},
    {TT("Recv-Q"), TT("Bytes the kernel has received that the server has not read yet.")},
    {TT("Send-Q"), TT("Bytes the kernel still has to send to the client.")},
    {TT("Accept-Q"), TT("Connections waiting to be accepted, out of the listener's backlog.")},
    {TT("App queue"), TT("Replies the server has queued but not yet written: bytes (messages).")},
    {TT("Bytes in"), TT("Bytes the server has read from this socket.")},
    {TT("Bytes out"), TT("Bytes the server has written to this socket.")},
    {TT("Age"), TT("How long the socket has been open.")},
    {TT("State"), TT("Open, half-closed (the client stopped sending), backpressured (not read "
                     "until its queue drains), closing or closed.")},
};

const ColumnText kCallColumns[] = {
    {TT("#"), TT("The wait call's number, counted from the server's start.")},
    {TT("Time"), TT("When the call began, in seconds since the server started.")},
    {TT("Backend"), TT("Which system call waited: select, poll, epoll, kqueue or WSAPoll.")},
    {TT("Read in"), TT("Descriptors the server asked about: is there something to read?")},
    {TT("Write in"), TT("Descriptors the server asked about: is there room to write?")},
    {TT("Except in"), TT("Descriptors the server asked about: has urgent data arrived?")},
    {TT("Timeout"), TT("How long the call may wait when nothing is ready; block means forever.")},
    {TT("Ready read"), TT("Descriptors the kernel said can be read without waiting: data, a new "
                          "connection or end of stream (HUP and ERR mark hang-ups and errors).")},
    {TT("Ready write"), TT("Descriptors the kernel said can be written without waiting.")},
    {TT("Ready except"), TT("Descriptors the kernel said have urgent (out-of-band) data.")},
    {TT("Return"), TT("What the call returned: how many are ready, 0 on timeout, or -1 and the "
                      "error.")},
    {TT("Blocked"), TT("How long the server sat inside the call, waiting.")},
    {TT("Python"), TT("The same call written as the Python tutorials write it.")},
};

const ColumnText kEventColumns[] = {
    {TT("Time"), TT("When it happened, in seconds since the server started.")},
    {TT("Kind"), TT("What happened: accept, recv, send, close and so on.")},
    {TT("Fd"), TT("The descriptor it happened on.")},
    {TT("Role"), TT("What that descriptor is for: listener, connection, udp or wakeup.")},
    {TT("Bytes"), TT("How many bytes were received, sent or are queued.")},
    {TT("Detail"), TT("More about it: the peer's address, why a socket closed, the error.")},
    {TT("Preview"), TT("The first bytes of the data: as text when readable, else in hex.")},
    {TT("Hex"), TT("The first bytes of the data in hexadecimal.")},
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
