// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/recording_index.h"

#include <QElapsedTimer>
#include <QFile>

#include "ui/recording/line_reader.h"

namespace recording {

namespace {
// A chunk at most this often, so that the window's slider and progress bar follow.
constexpr qint64 kChunkIntervalMs = 100;

QString damageMessage(const QString& path, int64_t line, const QString& what) {
    return QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(what);
}
}  // namespace

void applyLine(const record_line::Parsed& parsed, ReplayState* state) {
    if (parsed.type == record_line::Type::Call)
        state->apply(parsed.call);
    else if (parsed.type == record_line::Type::Event)
        state->apply(parsed.event);
}

void RecordingIndexer::run() {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit finished(QStringLiteral("%1: %2").arg(m_path, file.errorString()));
        return;
    }
    LineReader reader(&file);
    reader.seek(0, 1);
    IndexChunk chunk;
    chunk.fileSize = uint64_t(file.size());
    ReplayState state;
    uint64_t lastCheckpoint = 0;
    size_t calls = 0;
    QElapsedTimer sinceChunk;
    sinceChunk.start();
    QByteArray line;
    uint64_t offset = 0;
    record_line::Parsed parsed;
    QString error;
    for (;;) {
        if (m_cancelled)
            return;
        const LineReader::Result result = reader.next(&line, &offset);
        if (result == LineReader::Result::End) {
            if (reader.lineNumber() == 0)
                error = QStringLiteral("%1: the file is empty").arg(m_path);
            break;
        }
        if (result != LineReader::Result::Line) {
            error = result == LineReader::Result::TooLong
                        ? damageMessage(
                              m_path, reader.lineNumber() + 1,
                              QStringLiteral("longer than %1 bytes").arg(LineReader::kMaxLineBytes))
                        : QStringLiteral("%1: %2").arg(m_path, file.errorString());
            break;
        }
        if (!record_line::parse(line, &parsed, &error)) {
            error = damageMessage(m_path, reader.lineNumber(), error);
            break;
        }
        const bool first = reader.lineNumber() == 1;
        if (first != (parsed.type == record_line::Type::Start)) {
            error = damageMessage(m_path, reader.lineNumber(),
                                  first ? QStringLiteral("a recording begins with a start line")
                                        : QStringLiteral("a second start line"));
            break;
        }
        if (first) {
            state.begin(parsed.start);
            emit started(parsed.start);
            chunk.checkpoints.push_back({0, reader.position(), 2, state});
            lastCheckpoint = reader.position();
        }
        if (parsed.type == record_line::Type::Call) {
            if (offset - lastCheckpoint >= kCheckpointBytes) {
                chunk.checkpoints.push_back({calls, offset, reader.lineNumber(), state});
                lastCheckpoint = offset;
            }
            chunk.calls.push_back({offset, parsed.call.startNs, parsed.call.number});
            ++calls;
        }
        applyLine(parsed, &state);
        chunk.indexedEnd = reader.position();
        if ((calls == 1 && chunk.calls.size() == 1) || sinceChunk.elapsed() >= kChunkIntervalMs) {
            emit chunkReady(chunk);
            chunk.calls.clear();
            chunk.checkpoints.clear();
            sinceChunk.restart();
        }
    }
    emit chunkReady(chunk);
    emit finished(error);
}

}  // namespace recording
