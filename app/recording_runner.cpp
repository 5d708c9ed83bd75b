// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recording_runner.h"

#include <QFile>

#include <cstdio>
#include <string>

#include "app/cli_options.h"
#include "core/net/platform.h"
#include "core/trace/json_lines.h"
#include "ui/recording/line_reader.h"
#include "ui/recording/record_line.h"

namespace {

// Lines per write: a batch, as the live headless mode writes.
constexpr int kLinesPerFlush = 4096;

int fail(const std::string& message) {
    std::fprintf(stderr, "selectscope: error: %s\n", message.c_str());
    return 1;
}

void append(ss::JsonLineWriter& out, const record_line::Parsed& parsed, const QByteArray& line,
            const ss::TraceMode& trace) {
    switch (parsed.type) {
        case record_line::Type::Start:
        case record_line::Type::Summary:
            out.appendLine(std::string_view(line.constData(), size_t(line.size())));
            out.appendLine("\n");
            break;
        case record_line::Type::Call:
            if (trace.calls)
                out.appendCall(parsed.call);
            break;
        case record_line::Type::Event:
            if (trace.events)
                out.appendEvent(parsed.event);
            break;
    }
}

}  // namespace

int runRecording(const CliOptions& options) {
    ss::initSocketPlatform();  // SIGPIPE ignored: a reader that goes away fails fwrite()
    QFile file(QString::fromStdString(options.openPath));
    if (!file.open(QIODevice::ReadOnly))
        return fail(options.openPath + ": " + file.errorString().toStdString());
    ss::JsonLineWriter out;
    record_line::Parsed parsed;
    QString error;
    LineReader reader(&file);
    QByteArray line;
    uint64_t offset = 0;
    for (;;) {
        const LineReader::Result read = reader.next(&line, &offset);
        if (read == LineReader::Result::End)
            break;
        if (read == LineReader::Result::Error)
            return fail(options.openPath + ": " + file.errorString().toStdString());
        const int64_t number = reader.lineNumber() + (read == LineReader::Result::TooLong);
        if (read == LineReader::Result::TooLong)
            error = QStringLiteral("longer than %1 bytes").arg(LineReader::kMaxLineBytes);
        if (read == LineReader::Result::TooLong || !record_line::parse(line, &parsed, &error)) {
            out.flushTo(stdout);
            return fail(options.openPath + ":" + std::to_string(number) + ": " +
                        error.toStdString());
        }
        append(out, parsed, line, options.engine.trace);
        if (number % kLinesPerFlush == 0 && !out.flushTo(stdout))
            return 0;
    }
    out.flushTo(stdout);
    return 0;
}
