// SPDX-License-Identifier: GPL-3.0-or-later
// What a recording says about the server at one point: the descriptor table and the counters,
// rebuilt from its records in order. A listen or accept event opens a row, watch and unwatch set
// its interest, recv, send and queue-change events move its counters, a close removes it, and
// each wait call's ready sets become its rows' last readiness. What a recording does not carry
// (the kernel's queues, a listener's accept queue) stays unknown (-1), never guessed.
//
// A copy is a checkpoint: the recording index keeps one every few megabytes, so that the state at
// any call is one checkpoint plus the lines after it.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"
#include "ui/recording/record_line.h"

class ReplayState {
public:
    // Starts over with what a start line says: the backend and the descriptors already open.
    void begin(const record_line::StartInfo& start);
    void apply(const ss::CallRecord& call);
    void apply(const ss::SocketEvent& event);

    // The open descriptors in fd order, their ages at the newest record's time.
    std::vector<ss::DescriptorInfo> descriptors() const;
    // The counters up to the newest record; uptimeSeconds is that record's time.
    ss::EngineStats stats() const;

private:
    struct Open {
        ss::DescriptorInfo info;
        int64_t openedNs = 0;
        bool watched = false, peerEof = false, backpressured = false;
    };
    void open(const ss::SocketEvent& event, ss::Role role);
    void close(int32_t fd);
    Open* find(int32_t fd);

    std::map<int32_t, Open> m_open;
    ss::EngineStats m_stats;
    int64_t m_nowNs = 0;
    uint32_t m_threads = 1;  // server threads seen: 1 + the highest connection thread
};
