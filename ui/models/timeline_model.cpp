// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/timeline_model.h"

#include <algorithm>
#include <utility>

#include "core/poller/poller.h"

namespace {

// The sets of one call as (fd, bits) pairs; bits 0-7 are what went in, 8-15 what came back.
using FdBits = std::vector<std::pair<int32_t, uint16_t>>;

void collect(FdBits& out, const std::vector<int32_t>& fds, uint16_t bits) {
    for (int32_t fd : fds)
        out.emplace_back(fd, bits);
}

// Merges the call's seven lists into one entry per descriptor, in fd order.
FdBits mergedSets(const ss::CallRecord& call) {
    FdBits all;
    all.reserve(call.inRead.size() + call.inWrite.size() + call.inExcept.size() +
                call.readyRead.size() + call.readyWrite.size());
    collect(all, call.inRead, ss::kRead);
    collect(all, call.inWrite, ss::kWrite);
    collect(all, call.inExcept, ss::kExcept);
    collect(all, call.readyRead, uint16_t(ss::kRead) << 8);
    collect(all, call.readyWrite, uint16_t(ss::kWrite) << 8);
    collect(all, call.readyExcept, uint16_t(ss::kExcept) << 8);
    collect(all, call.readyHangup, uint16_t(ss::kHangup) << 8);
    collect(all, call.readyError, uint16_t(ss::kError) << 8);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    FdBits merged;
    merged.reserve(all.size());
    for (const auto& entry : all) {
        if (!merged.empty() && merged.back().first == entry.first)
            merged.back().second |= entry.second;
        else
            merged.push_back(entry);
    }
    return merged;
}

// Events that are drawn as marks; the others (watch, mode, notes ...) are the event log's.
bool isMarked(ss::EventKind kind) {
    switch (kind) {
        case ss::EventKind::Accept:
        case ss::EventKind::Recv:
        case ss::EventKind::Send:
        case ss::EventKind::Close:
        case ss::EventKind::Urgent:
        case ss::EventKind::BackpressureOn:
        case ss::EventKind::BackpressureOff:
            return true;
        default:
            return false;
    }
}

}  // namespace

TimelineModel::TimelineModel(QObject* parent) : QObject(parent) {
    m_notify.setSingleShot(true);
    m_notify.setInterval(kNotifyMs);
    connect(&m_notify, &QTimer::timeout, this, &TimelineModel::changed);
}

void TimelineModel::setSource(TraceSource* source) {
    connect(source, &TraceSource::started, this, &TimelineModel::clear);
    connect(source, &TraceSource::batchReady, this, &TimelineModel::appendBatch);
    connect(source, &TraceSource::descriptorsUpdated, this, &TimelineModel::setDescriptors);
    connect(source, &TraceSource::statsUpdated, this, &TimelineModel::setStats);
}

int TimelineModel::rowOfLane(uint32_t id) const {
    const auto it = m_rowOfLane.find(id);
    return it == m_rowOfLane.end() ? -1 : it->second;
}

const TimelineModel::Band* TimelineModel::band(uint64_t number) const {
    const auto it = std::lower_bound(m_bands.begin(), m_bands.end(), number,
                                     [](const Band& b, uint64_t n) { return b.number < n; });
    return it != m_bands.end() && it->number == number ? &*it : nullptr;
}

ss::CallRecord TimelineModel::callRecord(const Band& band) {
    ss::CallRecord call;
    call.number = band.number;
    call.startNs = band.startNs;
    call.durationNs = band.durationNs;
    call.backend = band.backend;
    call.timeoutMs = band.timeoutMs;
    call.ret = band.ret;
    call.err = band.err;
    call.nullSets = band.nullSets;
    call.changes = band.changes;
    call.why = band.why;
    const std::pair<uint8_t, std::vector<int32_t>*> in[] = {
        {ss::kRead, &call.inRead}, {ss::kWrite, &call.inWrite}, {ss::kExcept, &call.inExcept}};
    const std::pair<uint8_t, std::vector<int32_t>*> ready[] = {{ss::kRead, &call.readyRead},
                                                               {ss::kWrite, &call.readyWrite},
                                                               {ss::kExcept, &call.readyExcept},
                                                               {ss::kHangup, &call.readyHangup},
                                                               {ss::kError, &call.readyError}};
    for (const Cell& cell : band.cells) {
        for (const auto& [bit, list] : in) {
            if (cell.in & bit)
                list->push_back(cell.fd);
        }
        for (const auto& [bit, list] : ready) {
            if (cell.ready & bit)
                list->push_back(cell.fd);
        }
    }
    return call;
}

void TimelineModel::appendBatch(const TraceBatch& batch) {
    if (batch.calls.empty() && batch.events.empty())
        return;
    // One ordered stream was split into calls and events: merge them back by time, events first
    // on a tie (an accept happens before the call that passes the new descriptor in).
    auto event = batch.events.begin();
    for (const ss::CallRecord& call : batch.calls) {
        for (; event != batch.events.end() && event->timeNs <= call.startNs; ++event)
            applyEvent(*event);
        if (call.kind == ss::CallKind::Wait)  // socket calls pass no sets: no band
            applyCall(call);
    }
    for (; event != batch.events.end(); ++event)
        applyEvent(*event);
    trim();
    scheduleNotify();
}

void TimelineModel::setDescriptors(const std::vector<ss::DescriptorInfo>& rows) {
    m_knownRoles.clear();
    for (const ss::DescriptorInfo& row : rows)
        m_knownRoles[row.fd] = row.role;
}

void TimelineModel::setStats(const ss::EngineStats& stats) {
    if (stats.paused == m_paused)
        return;
    m_paused = stats.paused;
    emit pausedChanged(m_paused);
    scheduleNotify();
}

void TimelineModel::clear() {
    m_notify.stop();
    m_lanes.clear();
    m_rowOfLane.clear();
    m_openLaneOfFd.clear();
    m_bands.clear();
    m_marks.clear();
    m_cellCount = 0;
    m_newestNs = 0;
    emit changed();
}

void TimelineModel::applyCall(const ss::CallRecord& call) {
    Band band;
    band.number = call.number;
    band.startNs = call.startNs;
    band.durationNs = call.durationNs;
    band.backend = call.backend;
    band.timeoutMs = call.timeoutMs;
    band.ret = call.ret;
    band.err = call.err;
    band.nullSets = call.nullSets;
    band.changes = call.changes;
    band.why = call.why;
    const FdBits sets = mergedSets(call);
    band.cells.reserve(sets.size());
    // The band must exist before a lane is opened for an unknown descriptor: that lane's first
    // call is this one.
    m_bands.push_back(std::move(band));
    Band& added = m_bands.back();
    for (const auto& [fd, bits] : sets) {
        const uint32_t lane = laneForFd(fd, call.startNs);
        added.cells.push_back({lane, fd, uint8_t(bits & 0xff), uint8_t(bits >> 8)});
    }
    m_cellCount += added.cells.size();
    m_newestNs = std::max(m_newestNs, call.startNs + call.durationNs);
}

void TimelineModel::applyEvent(const ss::SocketEvent& event) {
    m_newestNs = std::max(m_newestNs, event.timeNs);
    uint32_t lane = 0;
    switch (event.kind) {
        case ss::EventKind::Listen:
        case ss::EventKind::Accept:
            // A descriptor number that is still open here was closed without a record (dropped
            // by a watcher that fell behind): its old lane ends now.
            if (const auto it = m_openLaneOfFd.find(event.fd); it != m_openLaneOfFd.end())
                endLane(it->second, event.timeNs);
            lane = openLane(event.fd, event.role, event.text, event.timeNs);
            break;
        case ss::EventKind::Close: {
            const auto it = m_openLaneOfFd.find(event.fd);
            if (it == m_openLaneOfFd.end())
                return;  // a refused connection never had a lane
            lane = it->second;
            endLane(lane, event.timeNs);
            break;
        }
        default:
            if (!isMarked(event.kind) || event.fd < 0)
                return;
            lane = laneForFd(event.fd, event.timeNs);
            break;
    }
    if (!isMarked(event.kind))
        return;
    Mark mark;
    mark.timeNs = event.timeNs;
    mark.afterCall = m_bands.empty() ? 0 : m_bands.back().number;
    mark.lane = lane;
    mark.kind = event.kind;
    mark.bytes = event.bytes;
    m_marks.push_back(mark);
}

uint32_t TimelineModel::openLane(int32_t fd, ss::Role role, const std::string& detail,
                                 int64_t timeNs) {
    Lane lane;
    lane.id = m_nextLaneId++;
    lane.fd = fd;
    lane.role = role;
    lane.detail = detail;
    lane.startNs = timeNs;
    lane.firstCall = m_bands.empty() ? 0 : m_bands.back().number + 1;
    m_openLaneOfFd[fd] = lane.id;
    if (role == ss::Role::Connection) {
        m_rowOfLane[lane.id] = int(m_lanes.size());
        m_lanes.push_back(std::move(lane));
        return m_lanes.back().id;
    }
    // Listeners (and other bound sockets) go after the other listeners, before every connection.
    const auto at = std::find_if(m_lanes.begin(), m_lanes.end(),
                                 [](const Lane& l) { return l.role == ss::Role::Connection; });
    const uint32_t id = lane.id;
    m_lanes.insert(at, std::move(lane));
    rebuildRows();
    return id;
}

void TimelineModel::endLane(uint32_t id, int64_t timeNs) {
    Lane* lane = laneById(id);
    if (!lane || lane->ended)
        return;
    lane->ended = true;
    lane->endNs = timeNs;
    lane->endCall = m_bands.empty() ? 0 : m_bands.back().number;
    const auto it = m_openLaneOfFd.find(lane->fd);
    if (it != m_openLaneOfFd.end() && it->second == id)
        m_openLaneOfFd.erase(it);
}

uint32_t TimelineModel::laneForFd(int32_t fd, int64_t timeNs) {
    if (const auto it = m_openLaneOfFd.find(fd); it != m_openLaneOfFd.end())
        return it->second;
    // Seen before any event named it (its listen or accept record was dropped, or came before
    // this history began): the last snapshot knows its role.
    const auto known = m_knownRoles.find(fd);
    const ss::Role role = known == m_knownRoles.end() ? ss::Role::Connection : known->second;
    return openLane(fd, role, std::string(), timeNs);
}

TimelineModel::Lane* TimelineModel::laneById(uint32_t id) {
    const int row = rowOfLane(id);
    return row < 0 ? nullptr : &m_lanes[size_t(row)];
}

void TimelineModel::trim() {
    bool trimmed = false;
    while (m_bands.size() > 1 && (m_bands.size() > kMaxBands || m_cellCount > kMaxCells)) {
        m_cellCount -= m_bands.front().cells.size();
        m_bands.pop_front();
        trimmed = true;
    }
    if (m_marks.size() > kMaxMarks)
        m_marks.erase(m_marks.begin(), m_marks.begin() + long(m_marks.size() - kMaxMarks));
    if (!trimmed)
        return;
    // Marks of events before the oldest kept call would float in empty space.
    const uint64_t oldest = m_bands.front().number;
    while (!m_marks.empty() && m_marks.front().afterCall < oldest)
        m_marks.pop_front();
    trimLanes();
}

void TimelineModel::trimLanes() {
    const uint64_t oldest = m_bands.front().number;
    const auto gone = std::remove_if(m_lanes.begin(), m_lanes.end(), [oldest](const Lane& l) {
        return l.ended && l.endCall < oldest;
    });
    if (gone == m_lanes.end())
        return;
    m_lanes.erase(gone, m_lanes.end());
    rebuildRows();
}

void TimelineModel::rebuildRows() {
    m_rowOfLane.clear();
    for (size_t row = 0; row < m_lanes.size(); ++row)
        m_rowOfLane[m_lanes[row].id] = int(row);
}

void TimelineModel::scheduleNotify() {
    if (!m_notify.isActive())
        m_notify.start();
}
