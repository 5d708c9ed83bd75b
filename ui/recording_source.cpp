// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording_source.h"

#include <algorithm>

#include "ui/recording/line_reader.h"

RecordingSource::RecordingSource(QObject* parent) : TraceSource(parent) {
    qRegisterMetaType<record_line::StartInfo>();
    qRegisterMetaType<recording::IndexChunk>();
    m_playTimer.setInterval(1000 / kPlayHz);
    connect(&m_playTimer, &QTimer::timeout, this, &RecordingSource::playTick);
}

RecordingSource::~RecordingSource() {
    stopIndexing();
}

TraceSource::Capabilities RecordingSource::capabilities() const {
    return Capability::Start | Capability::Pause | Capability::Step;
}

bool RecordingSource::open(const QString& path, QString* error) {
    stop();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        const QString message = QStringLiteral("%1: %2").arg(path, m_file.errorString());
        if (error)
            *error = message;
        emit errorOccurred(message);
        return false;
    }
    m_path = path;
    m_open = true;
    m_indexing = true;
    m_shownFirst = false;
    m_calls.clear();
    m_checkpoints.clear();
    m_indexedEnd = 0;
    m_fileSize = uint64_t(m_file.size());
    m_damage.clear();
    m_position = 0;
    m_readTo = 0;
    m_state = ReplayState();

    const unsigned generation = ++m_generation;
    m_thread = new QThread;
    m_indexer = new recording::RecordingIndexer(path);
    m_indexer->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_indexer, &recording::RecordingIndexer::run);
    connect(m_indexer, &recording::RecordingIndexer::started, this,
            [this, generation](const record_line::StartInfo& start) {
                if (generation == m_generation)
                    m_start = start;
            });
    connect(m_indexer, &recording::RecordingIndexer::chunkReady, this,
            [this, generation](const recording::IndexChunk& chunk) {
                if (generation == m_generation)
                    onChunk(chunk);
            });
    connect(m_indexer, &recording::RecordingIndexer::finished, this,
            [this, generation](const QString& error) {
                if (generation == m_generation)
                    onIndexed(error);
            });
    m_thread->start();
    return true;
}

void RecordingSource::stopIndexing() {
    if (!m_thread)
        return;
    ++m_generation;
    m_indexer->cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_indexer;
    delete m_thread;
    m_indexer = nullptr;
    m_thread = nullptr;
    m_indexing = false;
}

void RecordingSource::onChunk(const recording::IndexChunk& chunk) {
    m_calls.insert(m_calls.end(), chunk.calls.begin(), chunk.calls.end());
    m_checkpoints.insert(m_checkpoints.end(), chunk.checkpoints.begin(), chunk.checkpoints.end());
    m_indexedEnd = chunk.indexedEnd;
    emit indexProgress();
    if (!m_shownFirst && !m_calls.empty()) {
        m_shownFirst = true;
        seek(1);
    }
}

void RecordingSource::onIndexed(const QString& error) {
    m_thread->quit();
    m_thread->wait();
    delete m_indexer;
    delete m_thread;
    m_indexer = nullptr;
    m_thread = nullptr;
    m_indexing = false;
    m_damage = error;
    if (!m_shownFirst && !m_checkpoints.empty()) {
        m_shownFirst = true;
        seek(0);  // a recording without calls: its events
    }
    if (!error.isEmpty())
        emit errorOccurred(error);
    emit indexFinished();
}

double RecordingSource::indexedFraction() const {
    return m_fileSize ? std::min(1.0, double(m_indexedEnd) / double(m_fileSize)) : 1.0;
}

uint64_t RecordingSource::callNumberAt(size_t position) const {
    return position >= 1 && position <= m_calls.size() ? m_calls[position - 1].number : 0;
}

int64_t RecordingSource::callTimeNsAt(size_t position) const {
    return position >= 1 && position <= m_calls.size() ? m_calls[position - 1].timeNs : 0;
}

bool RecordingSource::start() {
    if (!m_open || m_checkpoints.empty())
        return false;
    seek(0);
    return true;
}

void RecordingSource::stop() {
    if (!m_open)
        return;
    pause();
    stopIndexing();
    m_file.close();
    m_open = false;
    m_calls.clear();
    m_checkpoints.clear();
    m_descriptors.clear();
    emit descriptorsUpdated(m_descriptors);
    emit stopped();
}

uint64_t RecordingSource::endOf(size_t position) const {
    return position < m_calls.size() ? m_calls[position].offset : m_indexedEnd;
}

bool RecordingSource::readRange(uint64_t from, uint64_t to, uint64_t applyFrom, uint64_t batchFrom,
                                TraceBatch* batch) {
    LineReader reader(&m_file);
    reader.seek(from, 1);
    QByteArray line;
    uint64_t offset = 0;
    record_line::Parsed parsed;
    QString error;
    while (reader.position() < to) {
        if (reader.next(&line, &offset) != LineReader::Result::Line ||
            !record_line::parse(line, &parsed, &error)) {
            emit errorOccurred(tr("%1 changed after it was opened; open it again.").arg(m_path));
            return false;
        }
        if (offset >= applyFrom)
            recording::applyLine(parsed, &m_state);
        if (offset < batchFrom)
            continue;
        if (parsed.type == record_line::Type::Call)
            batch->calls.push_back(std::move(parsed.call));
        else if (parsed.type == record_line::Type::Event)
            batch->events.push_back(std::move(parsed.event));
    }
    m_readTo = to;
    return true;
}

void RecordingSource::publish(const TraceBatch& batch) {
    m_stats = m_state.stats();
    m_descriptors = m_state.descriptors();
    if (!batch.calls.empty() || !batch.events.empty())
        emit batchReady(batch);
    emit statsUpdated(m_stats);
    emit descriptorsUpdated(m_descriptors);
    emit positionChanged(m_position);
}

void RecordingSource::seek(size_t position) {
    if (!m_open || m_checkpoints.empty())
        return;
    position = std::min(position, m_calls.size());
    const auto after =
        std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), position,
                         [](size_t p, const recording::Checkpoint& c) { return p < c.position; });
    const recording::Checkpoint& checkpoint = *(after - 1);
    const size_t first = position > kWindowCalls ? position - kWindowCalls : 0;
    // From the first call of the window, or from the lines before the first call.
    const uint64_t batchFrom = first > 0 ? m_calls[first - 1].offset : m_checkpoints[0].offset;
    m_state = checkpoint.state;
    TraceBatch batch;
    if (!readRange(std::min(checkpoint.offset, batchFrom), endOf(position), checkpoint.offset,
                   batchFrom, &batch))
        return;
    m_position = position;
    emit started();
    publish(batch);
}

void RecordingSource::advanceTo(size_t position) {
    position = std::min(position, m_calls.size());
    TraceBatch batch;
    if (!readRange(m_readTo, endOf(position), m_readTo, m_readTo, &batch))
        return;
    m_position = position;
    publish(batch);
}

void RecordingSource::stepForward() {
    if (m_open && m_position < m_calls.size())
        advanceTo(m_position + 1);
}

void RecordingSource::stepBack() {
    if (m_open && m_position > 0)
        seek(m_position - 1);
}

bool RecordingSource::jumpToCallNumber(uint64_t number) {
    const auto it =
        std::find_if(m_calls.begin(), m_calls.end(),
                     [number](const recording::CallEntry& c) { return c.number == number; });
    if (it == m_calls.end())
        return false;
    seek(size_t(it - m_calls.begin()) + 1);
    return true;
}

bool RecordingSource::jumpToTimeNs(int64_t timeNs) {
    const auto it = std::partition_point(
        m_calls.begin(), m_calls.end(),
        [timeNs](const recording::CallEntry& c) { return c.timeNs <= timeNs; });
    if (it == m_calls.begin())
        return false;
    seek(size_t(it - m_calls.begin()));
    return true;
}

void RecordingSource::pause() {
    if (!m_playTimer.isActive())
        return;
    m_playTimer.stop();
    emit playingChanged(false);
}

void RecordingSource::resume() {
    if (!m_open || m_playTimer.isActive() || m_calls.empty())
        return;
    if (m_position >= m_calls.size() && !m_indexing)
        seek(0);  // played to the end: from the beginning again
    m_playFromNs = m_position > 0 ? callTimeNsAt(m_position) : m_calls.front().timeNs;
    m_playClock.start();
    m_playTimer.start();
    emit playingChanged(true);
}

void RecordingSource::setSpeed(double speed) {
    speed = std::clamp(speed, 0.25, 4.0);
    if (m_playTimer.isActive()) {  // the new speed from here on
        m_playFromNs += int64_t(double(m_playClock.nsecsElapsed()) * m_speed);
        m_playClock.start();
    }
    m_speed = speed;
}

// Every call that began by the recorded time the play clock has reached; a stretch longer than
// the window is a jump, so that one tick never hands the views more than a jump would.
void RecordingSource::playTick() {
    const int64_t target = m_playFromNs + int64_t(double(m_playClock.nsecsElapsed()) * m_speed);
    size_t position = m_position;
    while (position < m_calls.size() && m_calls[position].timeNs <= target)
        ++position;
    if (position - m_position > kWindowCalls)
        seek(position);
    else if (position != m_position)
        advanceTo(position);
    if (m_position >= m_calls.size() && !m_indexing)
        pause();
}
