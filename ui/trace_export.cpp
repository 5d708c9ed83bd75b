// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trace_export.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStringList>

#include <string_view>

#include "core/trace/json_lines.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/event_log_model.h"

namespace trace_export {

namespace {

// The records of both models as JSON lines, merged by time. At the same nanosecond the event
// goes first: the loop handles its sockets, then waits again.
ss::JsonLineWriter jsonLines(const CallTraceModel& calls, const EventLogModel& events) {
    ss::JsonLineWriter writer;
    int c = 0, e = 0;
    const int callRows = calls.rowCount(), eventRows = events.rowCount();
    while (c < callRows || e < eventRows) {
        if (e < eventRows && (c == callRows || events.event(e).timeNs <= calls.call(c).startNs))
            writer.appendEvent(events.event(e++));
        else
            writer.appendCall(calls.call(c++));
    }
    return writer;
}

QString cell(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("NULL");
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        case QJsonValue::String:
            return value.toString();
        case QJsonValue::Array: {
            QStringList fds;
            for (const QJsonValue item : value.toArray()) {
                if (!item.isDouble())  // "why", "changes": objects stay JSON
                    return QString::fromUtf8(
                        QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
                fds.append(cell(item));
            }
            return fds.join(QLatin1Char(' '));
        }
        default:
            return QString::fromUtf8(
                QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

// One line's keys, with "in" and "ready" opened up into in_read, ready_write ...
QHash<QString, QString> flatten(const QJsonObject& line, QStringList* columns) {
    QHash<QString, QString> row;
    const auto put = [&](const QString& key, const QString& text) {
        if (!columns->contains(key))
            columns->append(key);
        row.insert(key, text);
    };
    for (auto it = line.begin(); it != line.end(); ++it) {
        if (it.value().isObject()) {
            const QJsonObject inner = it.value().toObject();
            for (auto sub = inner.begin(); sub != inner.end(); ++sub)
                put(it.key() + QLatin1Char('_') + sub.key(), cell(sub.value()));
        } else {
            put(it.key(), cell(it.value()));
        }
    }
    return row;
}

// RFC 4180: a cell with a comma, a quote, a line break or an edge space is quoted.
QString csvCell(const QString& text) {
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                       text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray csvTable(std::string_view lines) {
    // The usual columns in the order a reader looks for them; keys of rarer events follow in
    // the order they first appear.
    QStringList columns = {
        QStringLiteral("type"),         QStringLiteral("n"),
        QStringLiteral("t_us"),         QStringLiteral("thread"),
        QStringLiteral("call"),         QStringLiteral("backend"),
        QStringLiteral("fd"),           QStringLiteral("timeout_ms"),
        QStringLiteral("in_read"),      QStringLiteral("in_write"),
        QStringLiteral("in_except"),    QStringLiteral("ready_read"),
        QStringLiteral("ready_write"),  QStringLiteral("ready_except"),
        QStringLiteral("ready_hangup"), QStringLiteral("ready_error"),
        QStringLiteral("ret"),          QStringLiteral("errno"),
        QStringLiteral("errno_name"),   QStringLiteral("blocked_us"),
        QStringLiteral("kind"),         QStringLiteral("role"),
        QStringLiteral("bytes"),        QStringLiteral("preview"),
        QStringLiteral("preview_hex"),  QStringLiteral("text"),
    };
    QList<QHash<QString, QString>> rows;
    size_t from = 0;
    while (from < lines.size()) {
        const size_t end = lines.find('\n', from);
        const std::string_view line = lines.substr(from, end - from);
        from = end + 1;
        const QJsonObject object =
            QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), qsizetype(line.size())))
                .object();
        rows.append(flatten(object, &columns));
    }
    QStringList out;
    out.reserve(rows.size() + 1);
    out.append(columns.join(QLatin1Char(',')));
    for (const auto& row : rows) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const QString& column : columns)
            cells.append(csvCell(row.value(column)));
        out.append(cells.join(QLatin1Char(',')));
    }
    return (out.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

}  // namespace

Format formatForPath(const QString& path) {
    return path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) ? Format::Csv
                                                                      : Format::JsonLines;
}

bool save(const QString& path, Format format, const CallTraceModel& calls,
          const EventLogModel& events, Saved* saved, QString* error) {
    const ss::JsonLineWriter lines = jsonLines(calls, events);
    const std::string_view text = lines.buffer();
    const QByteArray bytes = format == Format::Csv
                                 ? csvTable(text)
                                 : QByteArray::fromRawData(text.data(), qsizetype(text.size()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    if (saved)
        *saved = {calls.rowCount(), events.rowCount()};
    return true;
}

}  // namespace trace_export
