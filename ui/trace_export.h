// SPDX-License-Identifier: GPL-3.0-or-later
// File > Save trace as: what the call list and the event log hold, in time order, as the
// headless mode's call and event lines (JSON Lines) or as one CSV table with a row per record.
// The CSV columns are the JSON keys, flattened ("in_read", "ready_write" ...), so both files say
// the same thing in the same words; a set passed as NULL is NULL, a list of descriptors is the
// descriptors separated by spaces, and the nested "why" and "changes" lists stay JSON.
// Neither file has a start or summary line: it is a window onto a trace, not a recording.
#pragma once

#include <QString>

class CallTraceModel;
class EventLogModel;

namespace trace_export {

enum class Format { JsonLines, Csv };

// Csv for a name ending in ".csv" (any case), JsonLines otherwise.
Format formatForPath(const QString& path);

struct Saved {
    int calls = 0;
    int events = 0;
};

// Writes every row of both models (whatever a view filters), replacing `path` only once the
// whole file is written. Returns false and sets `error` (path and reason) when it cannot.
bool save(const QString& path, Format format, const CallTraceModel& calls,
          const EventLogModel& events, Saved* saved, QString* error);

}  // namespace trace_export
