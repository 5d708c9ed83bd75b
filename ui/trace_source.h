// SPDX-License-Identifier: GPL-3.0-or-later
// The one seam between the window and wherever its records come from. A TraceSource hands the
// UI thread what the tables, plots and status bar show, as core's value types and by signal:
// wait-call records and socket events in batches, descriptor snapshots, and the counters. It
// says nothing about how they are made. The built-in engine drains a ring in this process
// (EngineSession); a recording would read them from a file (replay, scrubbing, back-step); a
// program traced from outside would decode them from ptrace stops and /proc. Models, views and
// panels depend on this class, never on a concrete source.
#pragma once

#include <QFlags>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"

// The records of one delivery, oldest first.
struct TraceBatch {
    std::vector<ss::CallRecord> calls;
    std::vector<ss::SocketEvent> events;
    uint64_t droppedTotal = 0;  // records the source could not hand over since it started
};
Q_DECLARE_METATYPE(TraceBatch)

class TraceSource : public QObject {
    Q_OBJECT

public:
    // What a source can do besides delivering records. The UI asks before it offers a control;
    // a source ignores a request it has no capability for.
    enum class Capability : unsigned {
        Start = 1u << 0,  // start() and stop() begin and end a trace (a run, a replay, a tracee)
        Pause = 1u << 1,  // pause() and resume() hold the traced server between two wait calls
        Step = 1u << 2,   // step() lets a paused server make exactly one wait call
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    explicit TraceSource(QObject* parent = nullptr);

    virtual Capabilities capabilities() const = 0;
    // False for a source that replays what was recorded before: no clock runs, nothing happens
    // that was not recorded.
    virtual bool isLive() const { return true; }
    // True from started() until stopped().
    virtual bool isRunning() const = 0;
    // What statsUpdated() and descriptorsUpdated() carried last. A source fills in what it knows
    // (a traced program knows no application queues) and leaves the rest at the defaults.
    virtual const ss::EngineStats& lastStats() const = 0;
    virtual const std::vector<ss::DescriptorInfo>& lastDescriptors() const = 0;

public slots:
    // start() reports a failure through errorOccurred() and returns false.
    virtual bool start() = 0;
    virtual void stop() = 0;
    // Without Capability::Pause or Capability::Step these do nothing.
    virtual void pause() {}
    virtual void resume() {}
    virtual void step() {}
    // Delivers what is pending now instead of at the source's next tick.
    virtual void refresh() = 0;

signals:
    // A new trace begins (a new run, a replay from the start): whoever shows one clears it.
    void started();
    void stopped();
    void batchReady(const TraceBatch& batch);
    // Every descriptor the traced server watches, as one snapshot; empty once it stopped.
    void descriptorsUpdated(const std::vector<ss::DescriptorInfo>& rows);
    void statsUpdated(const ss::EngineStats& stats);
    // Routine errors, for the status bar (a port in use, a request with nothing running ...).
    void errorOccurred(const QString& message);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TraceSource::Capabilities)
