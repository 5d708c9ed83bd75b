// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in engine as a TraceSource, and the EngineControl the server panel configures it
// through. Owns one ss::Engine at a time and, on a 30 Hz timer of the UI thread, drains its trace
// ring into a batch, takes a descriptor snapshot and the stats, and hands them on in one signal
// each. Models apply batches; nothing is emitted per event, and the engine never waits for the UI.
#pragma once

#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"
#include "ui/engine_control.h"
#include "ui/trace_recorder.h"
#include "ui/trace_source.h"

namespace ss {
class Engine;
}

class EngineSession : public TraceSource, public EngineControl {
    Q_OBJECT

public:
    static constexpr int kRefreshHz = 30;
    static constexpr int kSnapshotHz = 10;
    // At most this many records are drained per tick (60,000 a second), so one tick never
    // stalls the UI: applying a batch and painting the rows it brings is the UI thread's longest
    // task under load. At 1,000 busy connections the engine makes more; the rest are dropped
    // and counted (the status bar shows the count), the totals stay exact. 8,000 a tick put the
    // UI thread's p99 lag at about 60-100 ms there, 2,000 at about 40 ms (bench/ui_lag).
    static constexpr size_t kMaxRecordsPerTick = 2000;

    explicit EngineSession(QObject* parent = nullptr);
    ~EngineSession() override;

    // Starts a new engine (stopping the old one). On failure emits errorOccurred and returns
    // false with a one-line *error.
    bool start(const ss::EngineConfig& config, QString* error = nullptr) override;

    Capabilities capabilities() const override;
    bool isRunning() const override;
    const ss::EngineStats& lastStats() const override { return m_stats; }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const override {
        return m_descriptors;
    }
    // Null while stopped.
    ss::Engine* engine() const { return m_engine.get(); }
    // File > Record: what the engine does, written as a recording (trace_recorder.h).
    TraceRecorder* recorder() const { return m_recorder; }
    // Begins a recording at `path`: now, if the server runs, else with its next start.
    bool beginRecording(const QString& path, QString* error);
    void endRecording();

public slots:
    // Starts again with the configuration of the last start(config).
    bool start() override;
    void stop() override;
    void pause() override;
    void resume() override;
    void step() override;
    void setSlowMotion(int delayMs) override;
    void setTimeoutMs(int timeoutMs) override;
    bool switchBackend(ss::BackendKind kind) override;
    bool setEpollMode(ss::EpollMode mode) override;
    // Drains now instead of waiting for the next tick (tests use this).
    void refresh() override;

private:
    // Emits errorOccurred and returns null while no engine runs.
    ss::Engine* requireEngine();
    // Moves up to kMaxRecordsPerTick records into m_batch; emits batchReady when there were any.
    void drainTrace();

    ss::EngineConfig m_config;
    std::unique_ptr<ss::Engine> m_engine;
    QTimer m_timer;
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_descriptors;
    TraceBatch m_batch;
    unsigned m_tick = 0;
    ss::SnapshotMark m_shown;  // the last call and event handed to the views
    TraceRecorder* m_recorder;
};
