// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/selectors_text.h"

#include <algorithm>

#include "core/poller/poller.h"
#include "ui/models/python_text.h"
#include "ui/models/trace_format.h"

namespace {

constexpr QChar kArrow(0x2192);

QString callbackName(SelectorsCallback callback) {
    switch (callback) {
        case SelectorsCallback::Accept:
            return QStringLiteral("accept");
        case SelectorsCallback::Read:
            return QStringLiteral("read");
        case SelectorsCallback::Unknown:
            break;
    }
    return QStringLiteral("?");
}

// "EVENT_READ | EVENT_WRITE", each name after `prefix`; "0" for none.
QString eventNames(uint8_t events, const QString& prefix) {
    QStringList names;
    if (events & ss::kRead)
        names << prefix + QStringLiteral("EVENT_READ");
    if (events & ss::kWrite)
        names << prefix + QStringLiteral("EVENT_WRITE");
    return names.isEmpty() ? QStringLiteral("0") : names.join(QStringLiteral(" | "));
}

// What modify() passes as data: the callback, or the key's own data when the records do not
// name it (modify() without data would set it to None).
QString dataArgument(const SelectorsOp& op) {
    if (op.callback == SelectorsCallback::Unknown)
        return QStringLiteral("sel.get_key(%1).data").arg(op.fd);
    return callbackName(op.callback);
}

QString pair(const SelectorsReady& ready) {
    return QStringLiteral("(fd %1, %2) %3 %4")
        .arg(ready.fd)
        .arg(eventNames(ready.mask, QString()))
        .arg(kArrow)
        .arg(callbackName(ready.callback));
}

}  // namespace

QString SelectorsText::opLine(const SelectorsOp& op) {
    const QString events = eventNames(op.events, QStringLiteral("selectors."));
    switch (op.kind) {
        case SelectorsOp::Kind::Register:
            return QStringLiteral("sel.register(%1, %2, %3)")
                .arg(op.fd)
                .arg(events, callbackName(op.callback));
        case SelectorsOp::Kind::Modify:
            return QStringLiteral("sel.modify(%1, %2, %3)")
                .arg(op.fd)
                .arg(events, dataArgument(op));
        case SelectorsOp::Kind::Unregister:
            return QStringLiteral("sel.unregister(%1)").arg(op.fd);
    }
    return {};
}

QStringList SelectorsText::opLines(const SelectorsStep& step) {
    QStringList lines;
    for (const SelectorsOp& op : step.ops)
        lines << opLine(op);
    return lines;
}

QString SelectorsText::statements(const SelectorsStep& step, size_t limit) {
    const size_t count = step.ops.size();
    const trace_format::ListWindow window = trace_format::listWindow(count, limit);
    QString text;
    for (size_t i = 0; i < window.head; ++i)
        text += opLine(step.ops[i]) + QStringLiteral("; ");
    if (window.cut()) {
        text += QString(QChar(0x2026)) + QStringLiteral("; ");
        for (size_t i = count - window.tail; i < count; ++i)
            text += opLine(step.ops[i]) + QStringLiteral("; ");
    }
    return text;
}

QString SelectorsText::call(const ss::CallRecord& call) {
    if (call.timeoutMs < 0)
        return QStringLiteral("events = sel.select()");
    return QStringLiteral("events = sel.select(%1)").arg(python_text::seconds(call.timeoutMs));
}

QString SelectorsText::result(const ss::CallRecord& call, const SelectorsStep& step, size_t limit) {
    const QString arrow = QStringLiteral("  ->  ");
    if (call.ret < 0)
        return arrow + QStringLiteral("OSError(%1)").arg(trace_format::errorName(call.err));
    const size_t count = step.ready.size();
    const trace_format::ListWindow window = trace_format::listWindow(count, limit);
    QStringList items;
    for (size_t i = 0; i < window.head; ++i)
        items << pair(step.ready[i]);
    if (window.cut()) {
        items << QString(QChar(0x2026));
        for (size_t i = count - window.tail; i < count; ++i)
            items << pair(step.ready[i]);
    }
    return arrow + QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString SelectorsText::line(const ss::CallRecord& call, const SelectorsStep& step, size_t limit) {
    return SelectorsText::call(call) + result(call, step, limit);
}

QString SelectorsText::unknownNote(const SelectorsStep& step) {
    const bool unknown = std::any_of(step.ready.begin(), step.ready.end(), [](const auto& r) {
        return r.callback == SelectorsCallback::Unknown;
    });
    if (!unknown)
        return {};
    return tr(
        "?: the descriptor was registered before the oldest record this list has seen, so "
        "the callback in its key's data is not known.");
}
