// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's handle on the engine: owns one ss::Engine at a time and, on a 30 Hz timer of the UI
// thread, drains its trace ring into a batch, takes a descriptor snapshot and the stats, and
// hands them to the models in one signal each. Models apply batches; nothing is emitted per
// event, and the engine never waits for the UI.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

#include "core/server/engine.h"

struct TraceBatch {
    std::vector<ss::CallRecord> calls;
    std::vector<ss::SocketEvent> events;
    uint64_t droppedTotal = 0;  // records the engine could not hand over since it started
};

class EngineSession : public QObject {
    Q_OBJECT

public:
    static constexpr int kRefreshHz = 30;
    static constexpr int kSnapshotHz = 10;
    // At most this many records are drained per tick, so one tick never stalls the UI.
    static constexpr size_t kMaxRecordsPerTick = 8000;

    explicit EngineSession(QObject* parent = nullptr);
    ~EngineSession() override;

    // Starts a new engine (stopping the old one). On failure emits errorOccurred and returns
    // false with a one-line *error.
    bool start(const ss::EngineConfig& config, QString* error = nullptr);
    void stop();
    bool isRunning() const;

    // Null while stopped.
    ss::Engine* engine() const { return m_engine.get(); }
    const ss::EngineStats& lastStats() const { return m_stats; }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const { return m_descriptors; }

public slots:
    void pause();
    void resume();
    void step();
    void setSlowMotion(int delayMs);
    void setTimeoutMs(int timeoutMs);
    bool switchBackend(ss::BackendKind kind);
    // Drains now instead of waiting for the next tick (tests use this).
    void refresh();

signals:
    void started();
    void stopped();
    void batchReady(const TraceBatch& batch);
    void descriptorsUpdated(const std::vector<ss::DescriptorInfo>& rows);
    void statsUpdated(const ss::EngineStats& stats);
    // Routine errors for the status bar and the log (port in use, bad backend ...).
    void errorOccurred(const QString& message);

private:
    // Emits errorOccurred and returns null while no engine runs.
    ss::Engine* requireEngine();
    // Moves up to kMaxRecordsPerTick records into m_batch; emits batchReady when there were any.
    void drainTrace();

    std::unique_ptr<ss::Engine> m_engine;
    QTimer m_timer;
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_descriptors;
    TraceBatch m_batch;
    unsigned m_tick = 0;
};

Q_DECLARE_METATYPE(TraceBatch)
