// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/trace_format.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <iterator>

#include "core/net/platform.h"
#include "core/poller/poller.h"
#include "core/server/busy_loop.h"
#include "core/trace/engine_text.h"
#include "ui/to_qstring.h"

namespace trace_format {

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
    QT_TRANSLATE_NOOP("TraceText", "exception"),
    QT_TRANSLATE_NOOP("TraceText", "busy loop"),
    QT_TRANSLATE_NOOP("TraceText", "spawn"),
    QT_TRANSLATE_NOOP("TraceText", "exit"),
};
const char* const kReasons[] = {QT_TRANSLATE_NOOP("TraceText", "peer closed"),
                                QT_TRANSLATE_NOOP("TraceText", "peer reset"),
                                QT_TRANSLATE_NOOP("TraceText", "error"),
                                QT_TRANSLATE_NOOP("TraceText", "server closed"),
                                QT_TRANSLATE_NOOP("TraceText", "refused"),
                                QT_TRANSLATE_NOOP("TraceText", "exceptional set")};
static_assert(std::size(kRoles) == size_t(ss::Role::Wakeup) + 1);
static_assert(std::size(kStates) == size_t(ss::ConnState::Unwatched) + 1);
static_assert(std::size(kKinds) == size_t(ss::kLastEventKind) + 1);
static_assert(std::size(kReasons) == size_t(ss::CloseReason::ExceptionalSet) + 1);

template <size_t N>
QString lookup(const char* const (&names)[N], size_t index) {
    return index < N ? translated(names[index])
                     : translated(QT_TRANSLATE_NOOP("TraceText", "unknown"));
}

}  // namespace

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

QString eventText(const ss::SocketEvent& event) {
    if (event.kind == ss::EventKind::Listen || event.kind == ss::EventKind::Accept ||
        event.kind == ss::EventKind::Backend)
        return QString::fromStdString(event.text);  // an address, a spec, backend names: data
    return engineText(event.text);
}

QString engineText(const std::string& text) {
    ss::ParsedText parsed;
    if (!ss::parseEngineText(text, &parsed))
        return QString::fromStdString(text);
    QString result = QCoreApplication::translate("EngineText", ss::engineTemplate(parsed.id));
    for (const std::string& arg : parsed.args)
        result = result.arg(engineText(arg));
    return result;
}

// A traced program's calls by their system call's name ("pselect6", "sendto(6)"); the
// engine's by its backend or kind.
QString callName(const ss::CallRecord& call) {
    const bool traced = call.syscall != ss::Syscall::None;
    if (call.kind == ss::CallKind::Wait)
        return toQString(traced ? ss::syscallName(call.syscall) : ss::backendName(call.backend));
    const std::string_view name =
        traced ? ss::syscallName(call.syscall) : ss::callKindName(call.kind);
    const QString text = call.fd < 0 ? QStringLiteral("%1()").arg(toQString(name))
                                     : QStringLiteral("%1(%2)").arg(toQString(name)).arg(call.fd);
    return call.thread == 0 ? text
                            : QCoreApplication::translate("TraceText", "%1 · thread %2")
                                  .arg(text)
                                  .arg(call.thread);
}

QString busyLoop(const ss::EngineStats& stats) {
    if (!stats.busyLoop)
        return {};
    return QCoreApplication::translate("TraceText", "busy loop: %1 calls/s, %2")
        .arg(QLocale().toString(qint64(stats.callsPerSecond)),
             engineText(
                 ss::spinText({static_cast<ss::SpinReason>(stats.busyReason), stats.busyFd})));
}

QString errorName(int err) {
    const char* name = ss::socketErrorName(err);
    return name && *name ? QString::fromLatin1(name) : QString::number(err);
}

ListWindow listWindow(size_t count, size_t limit) {
    if (count <= limit || limit < 2)
        return {count, 0};
    const size_t tail = std::max<size_t>(1, limit / 4);
    return {limit - tail, tail};
}

QString fdList(const std::vector<int32_t>& fds, size_t limit) {
    const ListWindow window = listWindow(fds.size(), limit);
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(window.head) + static_cast<qsizetype>(window.tail) + 1);
    for (size_t i = 0; i < window.head; ++i)
        parts << QString::number(fds[i]);
    if (window.cut()) {
        parts << QString(QChar(0x2026));
        for (size_t i = fds.size() - window.tail; i < fds.size(); ++i)
            parts << QString::number(fds[i]);
    }
    return parts.join(QStringLiteral(", "));
}

QVariant columnHeader(const ColumnText* columns, size_t count, int column, int role) {
    if (column < 0 || size_t(column) >= count)
        return {};
    if (role == Qt::DisplayRole)
        return translated(columns[column].title);
    if (role == Qt::ToolTipRole)
        return translated(columns[column].tip);
    return {};
}

}  // namespace trace_format
