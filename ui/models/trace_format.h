// SPDX-License-Identifier: GPL-3.0-or-later
// The words the trace tables share: translated names for core's enums, the descriptor lists and
// readiness letters, and the lookup of a column's title and tooltip. Each model keeps its own
// column titles; all of them, and the names here, are in the translation context "TraceText", so
// that translators and teachers review the tables' vocabulary in one place.
#pragma once

#include <QString>
#include <QVariant>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/server/engine_config.h"

namespace trace_format {

// "R - X": one letter per ReadinessBits bit that is set, a dash for each that is not.
QString readiness(uint8_t bits);
QString role(ss::Role role);
QString connState(ss::ConnState state);
QString eventKind(ss::EventKind kind);
QString closeReason(ss::CloseReason reason);
// The engine's text of an event, in the user's language (engineText). Addresses, listener
// specs and backend names are data and pass as they are.
QString eventText(const ss::SocketEvent& event);
// A sentence of the engine in the user's language: the engine fills the templates of
// core/trace/engine_text.h in English; this recognises the template, translates it and fills in
// the same arguments, each translated in turn when it is a sentence of the engine itself ("cannot
// listen on %1: %2" with "port %1 is already in use"). Any other text passes as it is.
QString engineText(const std::string& text);
// "busy loop: 331,287 calls/s, fd 4 readable at EOF and never closed"; empty unless the stats
// say the loop spins.
QString busyLoop(const ss::EngineStats& stats);
// What system call a record is, as strace names it: the backend's wait call ("select",
// "epoll_wait" ...), or for the servers that do not multiplex "accept(3)", "recv(4)", "send(4)"
// with " · thread 2" when a connection thread made it.
QString callName(const ss::CallRecord& call);
// "EINTR", or the number when the code has no symbolic name here.
QString errorName(int err);
// "3, 5". With a limit, a longer list keeps its first and last items around an ellipsis,
// "3, 4, 5, …, 1002, 1003", so that a table cell never builds (and lays out) thousands of numbers.
QString fdList(const std::vector<int32_t>& fds, size_t limit = SIZE_MAX);
// The items a list of `count` shows under `limit`: [0, head) and [count - tail, count).
struct ListWindow {
    size_t head, tail;
    bool cut() const { return tail > 0; }
};
ListWindow listWindow(size_t count, size_t limit);

// A column's title and its one-sentence tooltip, both marked with
// QT_TRANSLATE_NOOP("TraceText", ...).
struct ColumnText {
    const char* title;
    const char* tip;
};

// The translated title (Qt::DisplayRole) or tooltip (Qt::ToolTipRole) of `column`; an invalid
// QVariant for other roles and columns.
QVariant columnHeader(const ColumnText* columns, size_t count, int column, int role);

template <size_t N>
QVariant columnHeader(const ColumnText (&columns)[N], int column, int role) {
    return columnHeader(columns, N, column, role);
}

}  // namespace trace_format
