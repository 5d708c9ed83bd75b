// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tracer_source.h"

#include <cerrno>
#include <string>

#include "core/poller/poller.h"
#include "core/tracer/socket_table.h"
#include "core/tracer/tracer.h"

namespace {

uint8_t bitsOf(const std::vector<int32_t>& fds, int32_t fd, uint8_t bit) {
    for (int32_t f : fds)
        if (f == fd)
            return bit;
    return 0;
}

bool interrupted(int err) {
    return err == EINTR || (err >= 512 && err <= 516);  // EINTR, or the kernel's ERESTART*
}

}  // namespace

TracerSource::TracerSource(QObject* parent) : TraceSource(parent) {
    m_timer.setInterval(1000 / kRefreshHz);
    connect(&m_timer, &QTimer::timeout, this, &TracerSource::refresh);
}

TracerSource::~TracerSource() {
    m_timer.stop();
    m_tracer.reset();  // stops the trace quietly
}

QString TracerSource::description() const {
    return m_description;
}

bool TracerSource::start() {
    stop();
    auto tracer = std::make_unique<ss::tracer::Tracer>();
    std::string why;
    if (!tracer->start(m_target, &why)) {
        emit errorOccurred(tr("Could not trace the program: %1").arg(QString::fromStdString(why)));
        return false;
    }
    m_tracer = std::move(tracer);
    m_pid = m_tracer->pid();
    m_description =
        tr("%1 (pid %2)").arg(QString::fromStdString(m_tracer->command())).arg(m_tracer->pid());
    m_stats = ss::EngineStats();
    m_rows.clear();
    m_marks.clear();
    m_tick = 0;
    m_timer.start();
    emit started();
    refresh();
    return true;
}

void TracerSource::stop() {
    if (!m_tracer)
        return;
    m_tracer->stop();
    finish();
}

// The last records, then an empty table: the program is no longer traced.
void TracerSource::finish() {
    m_timer.stop();
    absorb(takeBatch());
    m_tracer.reset();
    m_rows.clear();
    emit descriptorsUpdated(m_rows);
    emit statsUpdated(m_stats);
    emit stopped();
}

void TracerSource::refresh() {
    if (!m_tracer)
        return;
    if (m_tracer->finished()) {  // every traced process has ended
        finish();
        return;
    }
    absorb(takeBatch());
    if (m_tick++ % (kRefreshHz / kTableHz) == 0)
        sampleTable();
    emit statsUpdated(m_stats);
}

TraceBatch TracerSource::takeBatch() {
    ss::tracer::TracerBatch taken = m_tracer->take();
    TraceBatch batch;
    batch.calls = std::move(taken.calls);
    batch.events = std::move(taken.events);
    batch.droppedTotal = taken.droppedTotal;
    return batch;
}

// In the order things happened (a call at its return, as its events), so that an accept comes
// before the wait calls that then watch the new descriptor, whichever list it is in.
void TracerSource::absorb(const TraceBatch& batch) {
    const int leader = m_tracer ? m_tracer->pid() : 0;
    size_t c = 0, e = 0;
    while (c < batch.calls.size() || e < batch.events.size()) {
        const bool callFirst =
            e == batch.events.size() ||
            (c < batch.calls.size() &&
             batch.calls[c].startNs + batch.calls[c].durationNs <= batch.events[e].timeNs);
        if (callFirst)
            noteCall(batch.calls[c++], leader);
        else
            noteEvent(batch.events[e++], leader);
    }
    m_stats.traceDropped = batch.droppedTotal;
    if (!batch.calls.empty() || !batch.events.empty())
        emit batchReady(batch);
}

void TracerSource::noteCall(const ss::CallRecord& c, int leader) {
    ++m_stats.traceRecords;
    if (c.kind != ss::CallKind::Wait) {
        m_stats.socketCalls += c.kind != ss::CallKind::Other;
        return;
    }
    ++m_stats.waitCalls;
    m_stats.interruptedCalls += c.ret < 0 && interrupted(c.err);
    m_stats.backend = c.backend;
    m_stats.timeoutMs = c.timeoutMs;
    if (c.pid != leader)
        return;
    for (const auto* list : {&c.inRead, &c.inWrite, &c.inExcept})
        for (int32_t fd : *list)
            m_marks[fd];
    for (auto& [fd, marks] : m_marks) {
        marks.interest = bitsOf(c.inRead, fd, ss::kRead) | bitsOf(c.inWrite, fd, ss::kWrite) |
                         bitsOf(c.inExcept, fd, ss::kExcept);
        marks.lastReady =
            bitsOf(c.readyRead, fd, ss::kRead) | bitsOf(c.readyWrite, fd, ss::kWrite) |
            bitsOf(c.readyExcept, fd, ss::kExcept) | bitsOf(c.readyHangup, fd, ss::kHangup) |
            bitsOf(c.readyError, fd, ss::kError);
    }
}

void TracerSource::noteEvent(const ss::SocketEvent& e, int leader) {
    ++m_stats.traceRecords;
    const bool ours = e.pid == leader;
    switch (e.kind) {
        case ss::EventKind::Accept:
            ++m_stats.accepted;
            if (ours)
                m_marks[e.fd] = FdMarks();
            break;
        case ss::EventKind::Close:
            ++m_stats.closed;
            if (ours)
                m_marks.erase(e.fd);
            break;
        case ss::EventKind::Recv:
        case ss::EventKind::Datagram:
            m_stats.bytesIn += uint64_t(e.bytes);
            m_stats.datagramsIn += e.kind == ss::EventKind::Datagram;
            if (ours)
                m_marks[e.fd].bytesIn += uint64_t(e.bytes);
            break;
        case ss::EventKind::Send:
            m_stats.bytesOut += uint64_t(e.bytes);
            if (ours)
                m_marks[e.fd].bytesOut += uint64_t(e.bytes);
            break;
        case ss::EventKind::Error:
            ++m_stats.errors;
            break;
        case ss::EventKind::Exit:
            emit processEnded(e.pid, QString::fromStdString(e.text));
            break;
        default:
            break;
    }
}

// The kernel's view of the main process's sockets, marked with what the program did with them.
void TracerSource::sampleTable() {
    std::string why;
    std::vector<ss::DescriptorInfo> rows;
    if (!ss::tracer::socketTable(m_tracer->pid(), &rows, &why))
        return;  // the process is ending: its exit event says how
    uint64_t open = 0, watched = 0;
    for (ss::DescriptorInfo& row : rows) {
        const auto found = m_marks.find(row.fd);
        if (found != m_marks.end()) {
            row.interest = found->second.interest;
            row.lastReady = found->second.lastReady;
            row.bytesIn = found->second.bytesIn;
            row.bytesOut = found->second.bytesOut;
        }
        open += row.role == ss::Role::Connection;
        watched += row.interest != 0;
        if (row.role == ss::Role::Connection && row.interest == 0 &&
            row.state == ss::ConnState::Open)
            row.state = ss::ConnState::Unwatched;
    }
    m_stats.openConnections = open;
    m_stats.watchedDescriptors = watched;
    m_rows = std::move(rows);
    emit descriptorsUpdated(m_rows);
}
