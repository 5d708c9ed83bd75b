// SPDX-License-Identifier: GPL-3.0-or-later
// A recording's index: where each call line is, and a replay state every few megabytes, so that
// the state at any call is one checkpoint plus the lines after it. RecordingIndexer builds it on
// a thread of its own, reading the file once, and hands it over in chunks as it goes: the first
// as soon as the first call is read, so that a large recording shows its first call at once
// while the rest is indexed. Reading stops at the first damaged line, which it names.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <vector>

#include "ui/recording/record_line.h"
#include "ui/recording/replay_state.h"

namespace recording {

// One call line.
struct CallEntry {
    uint64_t offset = 0;  // of the line's first byte
    int64_t timeNs = 0;   // when the call began
    uint64_t number = 0;  // as recorded
};

// The state at position `position` (that many calls made): the lines from `offset` on, up to the
// next call line, come after it. `line` is the number of the line at `offset`.
struct Checkpoint {
    size_t position = 0;
    uint64_t offset = 0;
    int64_t line = 0;
    ReplayState state;
};

struct IndexChunk {
    std::vector<CallEntry> calls;
    std::vector<Checkpoint> checkpoints;
    uint64_t indexedEnd = 0;  // the offset after the last line read without damage
    uint64_t fileSize = 0;
};

// Records of a call, an event or a summary line, applied to a state and, if wanted, a batch.
void applyLine(const record_line::Parsed& parsed, ReplayState* state);

class RecordingIndexer : public QObject {
    Q_OBJECT

public:
    // A checkpoint at least every this many bytes: the most a seek reads to rebuild the state.
    static constexpr uint64_t kCheckpointBytes = 2 << 20;

    explicit RecordingIndexer(QString path) : m_path(std::move(path)) {}
    void cancel() { m_cancelled = true; }

public slots:
    void run();

signals:
    // The start line, read before anything else.
    void started(const record_line::StartInfo& start);
    void chunkReady(const recording::IndexChunk& chunk);
    // error is empty when the whole file was read; otherwise it names the line.
    void finished(const QString& error);

private:
    QString m_path;
    std::atomic<bool> m_cancelled{false};
};

}  // namespace recording

Q_DECLARE_METATYPE(record_line::StartInfo)
Q_DECLARE_METATYPE(recording::IndexChunk)
