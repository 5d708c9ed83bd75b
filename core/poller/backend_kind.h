// SPDX-License-Identifier: GPL-3.0-or-later
// The names of the readiness backends and which of them this build has.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ss {

enum class BackendKind : uint8_t { Select, Poll, Epoll, Kqueue, WsaPoll };

std::string_view backendName(BackendKind kind);
// Accepts the names above in lower case ("select", "poll", "epoll", "kqueue", "wsapoll") and
// "auto", which resolves to the best available backend.
std::optional<BackendKind> parseBackend(std::string_view name);
// The backends compiled into this build, in order of preference for "auto" (best first).
std::vector<BackendKind> availableBackends();
BackendKind bestBackend();
// One sentence on the backend's cost model and limits, for --list-backends and tooltips.
std::string_view backendSummary(BackendKind kind);

// How the epoll backend registers descriptors and how the loop reads what it reports:
//  Level      level-triggered (no EPOLLET): reported as long as something is pending.
//  Edge       EPOLLET, and the handlers read once per report: what one recv() leaves in the
//             kernel's queue is not reported again until more arrives (the classic mistake).
//  EdgeDrain  EPOLLET, and the handlers read (and accept) until EAGAIN, as edge triggering needs.
// Only epoll has these; every other backend is level-triggered.
enum class EpollMode : uint8_t { Level, Edge, EdgeDrain };

// "lt", "et", "et-drain".
std::string_view epollModeName(EpollMode mode);
std::optional<EpollMode> parseEpollMode(std::string_view name);

}  // namespace ss
