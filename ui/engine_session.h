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
#include "ui/trace_source.h"

namespace ss {
class Engine;
}

class EngineSession : public TraceSource, public EngineControl {
    Q_OBJECT

public:
    static constexpr int kRefreshHz = 30;
    static constexpr int kSnapshotHz = 10;
    // At most this many records are drained per tick, so one tick never stalls the UI.
    static constexpr size_t kMaxRecordsPerTick = 8000;
    // A tick that drains this many records or more means a flood: every visible row of every
    // table changes on each tick, and painting them is most of the UI thread's work. Then the
    // records go out in batches at kBusyHz instead of kRefreshHz: the same records, painted a
    // third as often.
    static constexpr size_t kBusyRecordsPerTick = 500;
    static constexpr int kBusyHz = 10;

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
    // Drains now instead of waiting for the next tick (tests use this).
    void refresh() override;

private:
    // Emits errorOccurred and returns null while no engine runs.
    ss::Engine* requireEngine();
    // Moves up to kMaxRecordsPerTick records into m_batch and emits batchReady when there were
    // any, unless a flood holds them for a later tick (or `flush` says to send them now).
    void drainTrace(bool flush = false);

    ss::EngineConfig m_config;
    std::unique_ptr<ss::Engine> m_engine;
    QTimer m_timer;
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_descriptors;
    TraceBatch m_batch;
    unsigned m_tick = 0;
    int m_heldTicks = 0;  // ticks whose records wait in m_batch
};
