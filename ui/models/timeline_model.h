// SPDX-License-Identifier: GPL-3.0-or-later
// The data behind the timeline: the recent wait calls as bands, the descriptors as lanes and the
// socket events as marks on their lanes. It follows a TraceSource and keeps a bounded history
// (at most kMaxBands calls and kMaxCells per-lane cells; the oldest go first), so an hour of
// class costs bounded memory.
//
// A lane is one descriptor's lifetime, not one descriptor number: a number the kernel hands out
// again after a close starts a new lane, and a close ends its lane. Listeners (and other bound
// sockets) come first, then connections in accept order; rows never move while the lesson runs,
// except that lanes which ended before the oldest kept call leave with it.
//
// Calls and events of one batch are applied in time order, so that a connection accepted between
// two calls is already a lane when the next call passes it in. A band keeps, per lane, which sets
// the descriptor went in and which came back ready; the CallRecord can be rebuilt from it exactly
// (callRecord()), so the selection protocol of the other views works from the timeline too.
#pragma once

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/trace/trace_types.h"
#include "ui/trace_source.h"

class TimelineModel : public QObject {
    Q_OBJECT

public:
    struct Lane {
        uint32_t id = 0;  // stable while the lane exists; bands and marks refer to lanes by id
        int32_t fd = -1;
        ss::Role role = ss::Role::Connection;
        std::string detail;      // the listener's address or the connection's peer, if known
        int64_t startNs = 0;     // when the descriptor appeared (listen, accept, or first seen)
        uint64_t firstCall = 0;  // the first call number it could take part in
        bool ended = false;
        int64_t endNs = 0;     // when it was closed (valid when ended)
        uint64_t endCall = 0;  // the last call number made before the close (valid when ended)
    };
    // One descriptor in one call: ReadinessBits it went in with (kRead|kWrite|kExcept) and came
    // back with (the same, plus kHangup and kError).
    struct Cell {
        uint32_t lane = 0;
        int32_t fd = -1;
        uint8_t in = 0;
        uint8_t ready = 0;
    };
    struct Band {
        uint64_t number = 0;
        int64_t startNs = 0;
        int64_t durationNs = 0;
        ss::BackendKind backend = ss::BackendKind::Select;
        int32_t timeoutMs = -1;
        int32_t ret = 0;
        int32_t err = 0;
        uint8_t nullSets = 0;
        std::vector<Cell> cells;  // sorted by fd
        std::vector<ss::InterestChange> changes;
        std::vector<ss::ReadyFacts> why;
    };
    struct Mark {
        int64_t timeNs = 0;
        uint64_t afterCall = 0;  // the newest call that began before the event (0: none yet)
        uint32_t lane = 0;
        ss::EventKind kind = ss::EventKind::Recv;
        int64_t bytes = 0;
    };

    static constexpr size_t kMaxBands = 20000;
    static constexpr size_t kMaxCells = 2000000;  // about 24 MB: 2,000 calls at 1,000 descriptors
    static constexpr size_t kMaxMarks = 200000;   // about 8 MB
    static constexpr int kNotifyMs = 33;          // changed() at most about 30 times a second

    explicit TimelineModel(QObject* parent = nullptr);

    // Follows `source`: its batches, its descriptor snapshots (for the role of a descriptor seen
    // in a call before any event named it), its pause state, and a new run clears everything.
    void setSource(TraceSource* source);

    // Lanes in row order (listeners first, then connections in accept order).
    const std::vector<Lane>& lanes() const { return m_lanes; }
    // The row of a lane, or -1 when it was trimmed.
    int rowOfLane(uint32_t id) const;
    const std::deque<Band>& bands() const { return m_bands; }
    const std::deque<Mark>& marks() const { return m_marks; }
    // The band of call `number`, or null when it is not (or no longer) kept.
    const Band* band(uint64_t number) const;
    // The wait call as the trace recorded it (interest changes and ready facts included).
    static ss::CallRecord callRecord(const Band& band);
    bool isPaused() const { return m_paused; }
    // The newest time the history reaches: the end of the newest call or the newest event.
    int64_t newestNs() const { return m_newestNs; }
    size_t cellCount() const { return m_cellCount; }

public slots:
    void appendBatch(const TraceBatch& batch);
    void setDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    void setStats(const ss::EngineStats& stats);
    void clear();

signals:
    // The history changed (coalesced: at most every kNotifyMs).
    void changed();
    void pausedChanged(bool paused);

private:
    void applyCall(const ss::CallRecord& call);
    void applyEvent(const ss::SocketEvent& event);
    uint32_t openLane(int32_t fd, ss::Role role, const std::string& detail, int64_t timeNs);
    void endLane(uint32_t id, int64_t timeNs);
    uint32_t laneForFd(int32_t fd, int64_t timeNs);
    Lane* laneById(uint32_t id);
    void trim();
    void trimLanes();
    void rebuildRows();
    void scheduleNotify();

    std::vector<Lane> m_lanes;
    std::unordered_map<uint32_t, int> m_rowOfLane;
    std::unordered_map<int32_t, uint32_t> m_openLaneOfFd;
    std::unordered_map<int32_t, ss::Role> m_knownRoles;  // from the last descriptor snapshot
    std::deque<Band> m_bands;
    std::deque<Mark> m_marks;
    size_t m_cellCount = 0;
    uint32_t m_nextLaneId = 1;
    int64_t m_newestNs = 0;
    bool m_paused = false;
    QTimer m_notify;
};
