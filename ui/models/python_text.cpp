// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/python_text.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QHash>
#include <QStringList>

#include "core/poller/poller.h"
#include "ui/models/trace_format.h"

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

namespace {

struct EventNames {
    const char* in;
    const char* out;
    const char* pri;
    const char* hup;
    const char* err;
};

QString pyList(const std::vector<int32_t>& fds, size_t limit) {
    return QLatin1Char('[') + trace_format::fdList(fds, limit) + QLatin1Char(']');
}

}  // namespace

QString python_text::seconds(int ms) {
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + QStringLiteral(".0");
    QString text = QString::number(ms / 1000.0, 'f', 3);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    return text;
}

namespace {

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
        args += QStringLiteral(", ") + python_text::seconds(call.timeoutMs);
    return QStringLiteral("r, w, x = select.select(%1)").arg(args);
}

}  // namespace

QString python_text::selectCall(const ss::CallRecord& call, size_t limit) {
    // The socket calls of the IO-models chapter's servers, as its tutorial writes them.
    switch (call.kind) {
        case ss::CallKind::Accept:
            return QStringLiteral("conn, addr = server.accept()");
        case ss::CallKind::Recv:
            return QStringLiteral("data = conn.recv(1024)");
        case ss::CallKind::Send:
            return QStringLiteral("conn.send(data.upper())");
        case ss::CallKind::Other:  // a traced program's socket, bind, listen ... call
            return QStringLiteral("%1(%2)").arg(QLatin1String(ss::syscallName(call.syscall).data()),
                                                QString::fromStdString(call.args));
        case ss::CallKind::Wait:
            break;
    }
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
                .arg(blocks ? QString() : python_text::seconds(call.timeoutMs));
        case ss::BackendKind::Kqueue:
            return QStringLiteral("kq.control(None, %1, %2)")
                .arg(std::max<size_t>(1, call.inRead.size() + call.inWrite.size()))
                .arg(blocks ? QStringLiteral("None") : python_text::seconds(call.timeoutMs));
    }
    return {};
}

QString python_text::selectResult(const ss::CallRecord& call, size_t limit) {
    static constexpr EventNames kPoll{"POLLIN", "POLLOUT", "POLLPRI", "POLLHUP", "POLLERR"};
    static constexpr EventNames kEpoll{"EPOLLIN", "EPOLLOUT", "EPOLLPRI", "EPOLLHUP", "EPOLLERR"};
    static constexpr EventNames kKqueue{"KQ_FILTER_READ", "KQ_FILTER_WRITE", "KQ_FILTER_READ",
                                        "KQ_EV_EOF", "KQ_EV_ERROR"};
    if (call.ret < 0 && call.kind != ss::CallKind::Wait &&
        trace_format::errorName(call.err) == QLatin1String("EAGAIN"))
        return QStringLiteral("BlockingIOError");
    if (call.ret < 0)
        return QStringLiteral("OSError(%1)").arg(trace_format::errorName(call.err));
    switch (call.kind) {
        case ss::CallKind::Accept:
            return QStringLiteral("conn = fd %1").arg(call.ret);
        case ss::CallKind::Recv:
            return call.ret == 0 ? QStringLiteral("b''") : QStringLiteral("%1 bytes").arg(call.ret);
        case ss::CallKind::Send:
        case ss::CallKind::Other:
            return QString::number(call.ret);
        case ss::CallKind::Wait:
            break;
    }
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

QString python_text::nullArguments(const ss::CallRecord& call) {
    QStringList names;
    if (call.nullSets & ss::kRead)
        names << QStringLiteral("rlist");
    if (call.nullSets & ss::kWrite)
        names << QStringLiteral("wlist");
    if (call.nullSets & ss::kExcept)
        names << QStringLiteral("xlist");
    return names.join(QStringLiteral(", "));
}
