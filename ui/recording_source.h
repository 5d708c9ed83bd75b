// SPDX-License-Identifier: GPL-3.0-or-later
// A recording as a TraceSource: the second implementation beside the built-in engine. It hands
// the views what the recorded server had done at the scrubber's position, and nothing else: the
// recorded call and event records around it (the latest kWindowCalls calls), the descriptor table
// and the counters rebuilt from every record before it (ReplayState).
//
// The position is a number of calls made, 0 .. callCount(). Stepping forward hands over the
// records of one more call, as the live engine would; stepping back, jumping and scrubbing begin
// a new trace (started()) that ends at the new position. Play moves forward at 0.25x to 4x the
// recorded speed. The file is indexed on a thread of its own and read where the scrubber is:
// memory holds the index and a checkpoint every few megabytes, never the whole file.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QThread>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <vector>

#include "ui/recording/recording_index.h"
#include "ui/trace_source.h"

class RecordingSource : public TraceSource {
    Q_OBJECT

public:
    // The calls of a new trace: how far back the call list reaches after a jump.
    static constexpr size_t kWindowCalls = 1000;
    static constexpr int kPlayHz = 30;

    explicit RecordingSource(QObject* parent = nullptr);
    ~RecordingSource() override;

    // Begins indexing `path` and, once its first call is read, shows it. On failure (the file
    // cannot be opened) returns false with *error; damage found later comes as errorOccurred()
    // and indexFinished().
    bool open(const QString& path, QString* error = nullptr);
    QString path() const { return m_path; }
    bool isOpen() const { return m_open; }

    Capabilities capabilities() const override;
    bool isLive() const override { return false; }
    bool isRunning() const override { return m_open; }
    const ss::EngineStats& lastStats() const override { return m_stats; }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const override {
        return m_descriptors;
    }

    size_t position() const { return m_position; }
    // Calls indexed so far; all of them once indexing() is false.
    size_t callCount() const { return m_calls.size(); }
    bool indexing() const { return m_indexing; }
    // 0 .. 1: how much of the file the index has read.
    double indexedFraction() const;
    // The recorded number and start time of the call at `position` (1 .. callCount()).
    uint64_t callNumberAt(size_t position) const;
    int64_t callTimeNsAt(size_t position) const;
    // The recording's damage, naming the line ("FILE:LINE: what"); empty when there is none.
    QString damage() const { return m_damage; }
    bool isPlaying() const { return m_playTimer.isActive(); }
    double speed() const { return m_speed; }

public slots:
    // Replays from the beginning: position 0, before the first call.
    bool start() override;
    // Closes the recording.
    void stop() override;
    void pause() override;
    void resume() override;
    void step() override { stepForward(); }
    void refresh() override {}

    void seek(size_t position);
    void stepForward();
    void stepBack();
    // False when no call has that number, or no call was made by that time.
    bool jumpToCallNumber(uint64_t number);
    bool jumpToTimeNs(int64_t timeNs);
    void setSpeed(double speed);

signals:
    void positionChanged(size_t position);
    void indexProgress();
    // Indexing is over: the whole file was read, or it stopped at damage().
    void indexFinished();
    void playingChanged(bool playing);

private:
    void onStart(const record_line::StartInfo& start);
    void onChunk(const recording::IndexChunk& chunk);
    void onIndexed(const QString& error);
    void stopIndexing();
    // The offset where the lines of position `position` end: the next call line, or the end of
    // what was indexed.
    uint64_t endOf(size_t position) const;
    // Reads the lines in [from, to) into m_state (those from applyFrom on) and the batch (those
    // from batchFrom on). False, with errorOccurred(), when the file changed under the index.
    bool readRange(uint64_t from, uint64_t to, uint64_t applyFrom, uint64_t batchFrom,
                   TraceBatch* batch);
    // Moves forward to `position` in one batch, without a new trace.
    void advanceTo(size_t position);
    void publish(const TraceBatch& batch);
    void playTick();

    QString m_path;
    bool m_open = false;
    bool m_indexing = false;
    QFile m_file;
    QThread* m_thread = nullptr;
    unsigned m_generation = 0;  // of the indexer whose chunks are taken
    bool m_shownFirst = false;
    recording::RecordingIndexer* m_indexer = nullptr;
    record_line::StartInfo m_start;
    std::vector<recording::CallEntry> m_calls;
    std::vector<recording::Checkpoint> m_checkpoints;
    uint64_t m_indexedEnd = 0, m_fileSize = 0;
    QString m_damage;

    size_t m_position = 0;
    ReplayState m_state;    // at m_position
    uint64_t m_readTo = 0;  // m_state holds every line before this offset
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_descriptors;

    QTimer m_playTimer;
    QElapsedTimer m_playClock;
    int64_t m_playFromNs = 0;
    double m_speed = 1.0;
};
