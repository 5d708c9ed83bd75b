// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/engine_session.h"

#include <string>

#include "core/server/engine.h"
#include "ui/models/trace_format.h"
#include "ui/to_qstring.h"

EngineSession::EngineSession(QObject* parent)
    : TraceSource(parent), m_recorder(new TraceRecorder(this)) {
    m_timer.setInterval(1000 / kRefreshHz);
    connect(&m_timer, &QTimer::timeout, this, &EngineSession::refresh);
}

EngineSession::~EngineSession() {
    // No signals from a half-destroyed object: the engine is stopped quietly.
    m_timer.stop();
    m_engine.reset();
}

bool EngineSession::start(const ss::EngineConfig& config, QString* error) {
    stop();
    m_config = config;
    // The server numbers its descriptors as the tutorial's own server would (listener 3,
    // connections from 4), not after the window's display connection and built-in clients.
    m_config.ownDescriptorTable = true;
    auto engine = std::make_unique<ss::Engine>(m_config);
    std::string why;
    if (!engine->start(&why)) {
        const QString message =
            tr("Could not start the server: %1").arg(trace_format::engineText(why));
        if (error)
            *error = message;
        emit errorOccurred(message);
        return false;
    }
    m_engine = std::move(engine);
    m_batch = TraceBatch();
    m_stats = ss::EngineStats();
    m_shown = ss::SnapshotMark();
    m_descriptors.clear();
    // Before the first drain: the listeners' events are the recording's first.
    m_recorder->serverStarted(m_config, m_engine->stats());
    m_engine->requestSnapshot();
    m_timer.start();
    emit started();
    return true;
}

void EngineSession::stop() {
    if (!m_engine)
        return;
    m_timer.stop();
    m_engine->stop();
    // The last records (closes, the final mode change) are still in the ring: hand them over,
    // then tell the tables that every descriptor is gone.
    drainTrace();
    m_stats = m_engine->stats();
    m_recorder->serverStopped(m_stats);
    m_descriptors.clear();
    m_engine.reset();
    emit descriptorsUpdated(m_descriptors);
    emit statsUpdated(m_stats);
    emit stopped();
}

bool EngineSession::start() {
    return start(m_config);
}

TraceSource::Capabilities EngineSession::capabilities() const {
    return Capability::Start | Capability::Pause | Capability::Step;
}

bool EngineSession::isRunning() const {
    return m_engine && m_engine->running();
}

ss::Engine* EngineSession::requireEngine() {
    if (!m_engine)
        emit errorOccurred(tr("The server is not running."));
    return m_engine.get();
}

void EngineSession::pause() {
    if (auto* engine = requireEngine())
        engine->pause();
}

void EngineSession::resume() {
    if (auto* engine = requireEngine())
        engine->resume();
}

void EngineSession::step() {
    if (auto* engine = requireEngine())
        engine->step();
}

void EngineSession::setSlowMotion(int delayMs) {
    if (auto* engine = requireEngine())
        engine->setSlowMotion(delayMs);
}

void EngineSession::setTimeoutMs(int timeoutMs) {
    if (auto* engine = requireEngine())
        engine->setTimeout(timeoutMs);
}

bool EngineSession::switchBackend(ss::BackendKind kind) {
    auto* engine = requireEngine();
    if (!engine)
        return false;
    std::string why;
    if (engine->switchBackend(kind, &why))
        return true;
    const auto name = ss::backendName(kind);
    emit errorOccurred(
        tr("Could not switch to %1: %2").arg(toQString(name), trace_format::engineText(why)));
    return false;
}

bool EngineSession::setEpollMode(ss::EpollMode mode) {
    auto* engine = requireEngine();
    if (!engine)
        return false;
    std::string why;
    if (engine->setEpollMode(mode, &why))
        return true;
    emit errorOccurred(tr("Could not change the epoll mode to %1: %2")
                           .arg(toQString(ss::epollModeName(mode)), trace_format::engineText(why)));
    return false;
}

void EngineSession::refresh() {
    if (!m_engine)
        return;
    drainTrace();
    m_stats = m_engine->stats();
    emit statsUpdated(m_stats);
    // A snapshot costs the loop a kernel-queue probe per descriptor, and the table a diff of
    // every row, so descriptors refresh at kSnapshotHz, not on every tick (every tick while a
    // recording waits for one). The snapshot asked for now is published after the loop's
    // current iteration; this tick shows the previous one, so the UI never waits for the loop.
    const bool recorderWaits = m_recorder->state() == TraceRecorder::State::WaitingForSnapshot;
    if (m_tick++ % (kRefreshHz / kSnapshotHz) == 0 || recorderWaits) {
        m_engine->requestSnapshot();
        ss::SnapshotMark mark;
        m_descriptors = m_engine->descriptors(&mark);
        if (recorderWaits)
            m_recorder->snapshot(m_descriptors, mark, m_engine->config(), m_stats.traceDropped);
        emit descriptorsUpdated(m_descriptors);
    }
    m_recorder->flush();
}

bool EngineSession::beginRecording(const QString& path, QString* error) {
    return m_recorder->begin(path, m_engine ? &m_shown : nullptr, error);
}

void EngineSession::endRecording() {
    m_recorder->end(m_engine ? m_engine->stats() : m_stats);
}

void EngineSession::drainTrace() {
    // clear() keeps the vectors' capacity, so a steady stream of ticks stops allocating them.
    m_batch.calls.clear();
    m_batch.events.clear();
    const bool recording = m_recorder->isOn();
    m_engine->trace().drain(
        [this, recording](const ss::CallRecord& call) {
            m_batch.calls.push_back(call);
            m_shown.calls = call.number;
            if (recording)
                m_recorder->addCall(call);
        },
        [this, recording](const ss::SocketEvent& event) {
            m_batch.events.push_back(event);
            m_shown.events = event.number;
            if (recording)
                m_recorder->addEvent(event);
        },
        kMaxRecordsPerTick);
    m_batch.droppedTotal = m_engine->trace().dropped();
    if (!m_batch.calls.empty() || !m_batch.events.empty())
        emit batchReady(m_batch);
}
