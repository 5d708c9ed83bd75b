// SPDX-License-Identifier: GPL-3.0-or-later
// File > Record: writes what the built-in engine does to a recording, the same JSON Lines as
// `selectscope --headless` (start line, call and event lines in the order the engine made
// them, summary line), so that a recording made in the window opens anywhere a headless one
// does.
//
// Begun while no server runs, it waits for the next start and is then line for line what
// --headless would have written. Begun while one runs, the start line lists the descriptors of
// a snapshot taken after every record the window has already shown, and the records follow from
// just after that snapshot (SnapshotMark): a replay begins with exactly what the window showed.
// EngineSession feeds it from its drain, in ring order, and tells it of snapshots and of the
// server's start and stop; the recording ends when the server stops or on stop().
#pragma once

#include <QFile>
#include <QObject>
#include <QString>

#include <cstdint>
#include <variant>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/json_lines.h"
#include "core/trace/trace_types.h"

class TraceRecorder : public QObject {
    Q_OBJECT

public:
    enum class State {
        Off,
        WaitingForStart,     // no server runs: the recording begins with the next start
        WaitingForSnapshot,  // a server runs: it begins at a snapshot newer than the window
        Recording,
    };

    explicit TraceRecorder(QObject* parent = nullptr) : QObject(parent) {}
    ~TraceRecorder() override;

    // Creates (or empties) `path`. `seen` is the last call and event the window has shown
    // while a server runs, null while none does.
    bool begin(const QString& path, const ss::SnapshotMark* seen, QString* error);
    // Writes the summary line and closes the file; nothing happens while Off.
    void end(const ss::EngineStats& stats);

    State state() const { return m_state; }
    bool isOn() const { return m_state != State::Off; }
    QString path() const { return m_file.fileName(); }
    // Call and event lines written so far.
    uint64_t records() const { return m_records; }

    // ---- from EngineSession ----
    void serverStarted(const ss::EngineConfig& config, const ss::EngineStats& stats);
    void serverStopped(const ss::EngineStats& stats) { end(stats); }
    void addCall(const ss::CallRecord& call);
    void addEvent(const ss::SocketEvent& event);
    // A snapshot taken after the records of `mark`; `config` is the running server's, and
    // `dropped` the ring's drop count so far.
    void snapshot(const std::vector<ss::DescriptorInfo>& rows, const ss::SnapshotMark& mark,
                  const ss::EngineConfig& config, uint64_t dropped);
    // Writes out what was added since the last flush.
    void flush();

signals:
    void stateChanged(TraceRecorder::State state);
    // The file could not be written; the recording has ended.
    void failed(const QString& message);

private:
    void writeStart(const ss::EngineConfig& config, const std::vector<ss::DescriptorInfo>& open);
    void setState(State state);

    State m_state = State::Off;
    QFile m_file;
    ss::JsonLineWriter m_writer;
    ss::SnapshotMark m_seen;       // shown in the window before begin()
    ss::SnapshotMark m_startMark;  // seen by the start line's snapshot: not written again
    // While waiting for the snapshot: the records drained since begin(), in ring order.
    std::vector<std::variant<ss::CallRecord, ss::SocketEvent>> m_pending;
    uint64_t m_records = 0;
    uint64_t m_droppedAtStart = 0;
};
