// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trace_recorder.h"

#include <QCoreApplication>

#include "ui/recording/session_lines.h"

TraceRecorder::~TraceRecorder() {
    if (m_file.isOpen()) {
        flush();
        m_file.close();
    }
}

bool TraceRecorder::begin(const QString& path, const ss::SnapshotMark* seen, QString* error) {
    if (m_file.isOpen())
        m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("%1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_writer.clear();
    m_pending.clear();
    m_records = 0;
    m_seen = seen ? *seen : ss::SnapshotMark();
    m_startMark = ss::SnapshotMark();
    setState(seen ? State::WaitingForSnapshot : State::WaitingForStart);
    return true;
}

void TraceRecorder::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TraceRecorder::writeStart(const ss::EngineConfig& config,
                               const std::vector<ss::DescriptorInfo>& open) {
    m_writer.appendLine(
        record_line::startLine(config, QCoreApplication::applicationVersion().toStdString(), open));
    setState(State::Recording);
}

void TraceRecorder::serverStarted(const ss::EngineConfig& config, const ss::EngineStats& stats) {
    if (m_state != State::WaitingForStart)
        return;
    m_droppedAtStart = stats.traceDropped;
    writeStart(config, {});
}

void TraceRecorder::addCall(const ss::CallRecord& call) {
    if (m_state == State::Recording && call.number > m_startMark.calls) {
        m_writer.appendCall(call);
        ++m_records;
    } else if (m_state == State::WaitingForSnapshot) {
        m_pending.emplace_back(call);
    }
}

void TraceRecorder::addEvent(const ss::SocketEvent& event) {
    if (m_state == State::Recording && event.number > m_startMark.events) {
        m_writer.appendEvent(event);
        ++m_records;
    } else if (m_state == State::WaitingForSnapshot) {
        m_pending.emplace_back(event);
    }
}

// The first snapshot that has seen everything the window had shown: what it has seen of the
// pending records is in its rows, the rest follow it.
void TraceRecorder::snapshot(const std::vector<ss::DescriptorInfo>& rows,
                             const ss::SnapshotMark& mark, const ss::EngineConfig& config,
                             uint64_t dropped) {
    if (m_state != State::WaitingForSnapshot || mark.calls < m_seen.calls ||
        mark.events < m_seen.events)
        return;
    m_droppedAtStart = dropped;
    m_startMark = mark;  // what the snapshot has seen is in its rows, drained or not
    writeStart(config, rows);
    for (const auto& record : m_pending) {
        if (const auto* call = std::get_if<ss::CallRecord>(&record))
            addCall(*call);
        else
            addEvent(std::get<ss::SocketEvent>(record));
    }
    m_pending.clear();
}

void TraceRecorder::flush() {
    if (m_writer.empty() || !m_file.isOpen())
        return;
    const std::string_view bytes = m_writer.buffer();
    const bool written = m_file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
    m_writer.clear();
    if (!written) {
        const QString message =
            QStringLiteral("%1: %2").arg(m_file.fileName(), m_file.errorString());
        m_file.close();
        setState(State::Off);
        emit failed(message);
    }
}

void TraceRecorder::end(const ss::EngineStats& stats) {
    if (m_state == State::Off)
        return;
    if (m_state == State::Recording)
        m_writer.appendLine(record_line::summaryLine(stats, stats.traceDropped - m_droppedAtStart));
    flush();
    m_file.close();
    m_pending.clear();
    setState(State::Off);
}
