// SPDX-License-Identifier: GPL-3.0-or-later
// The runtime registry of readiness backends. Which backend files are compiled is decided by the
// platform (CMake picks the files, the same preprocessor tests below pick the names), so this
// list and the factory in poller_factory.cpp always agree.
#include "core/poller/backend_kind.h"

namespace ss {

namespace {

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)
constexpr bool kHaveKqueue = true;
#else
constexpr bool kHaveKqueue = false;
#endif

#ifdef __linux__
constexpr bool kHaveEpoll = true;
#else
constexpr bool kHaveEpoll = false;
#endif

#ifdef _WIN32
constexpr bool kWindows = true;
#else
constexpr bool kWindows = false;
#endif

}  // namespace

std::string_view backendName(BackendKind kind) {
    switch (kind) {
        case BackendKind::Select:
            return "select";
        case BackendKind::Poll:
            return "poll";
        case BackendKind::Epoll:
            return "epoll";
        case BackendKind::Kqueue:
            return "kqueue";
        case BackendKind::WsaPoll:
            return "wsapoll";
    }
    return "unknown";
}

std::optional<BackendKind> parseBackend(std::string_view name) {
    if (name == "auto")
        return bestBackend();
    for (auto kind : {BackendKind::Select, BackendKind::Poll, BackendKind::Epoll,
                      BackendKind::Kqueue, BackendKind::WsaPoll}) {
        if (name == backendName(kind))
            return kind;
    }
    return std::nullopt;
}

std::string_view epollModeName(EpollMode mode) {
    switch (mode) {
        case EpollMode::Level:
            return "lt";
        case EpollMode::Edge:
            return "et";
        case EpollMode::EdgeDrain:
            return "et-drain";
    }
    return "unknown";
}

std::optional<EpollMode> parseEpollMode(std::string_view name) {
    for (auto mode : {EpollMode::Level, EpollMode::Edge, EpollMode::EdgeDrain}) {
        if (name == epollModeName(mode))
            return mode;
    }
    return std::nullopt;
}

std::vector<BackendKind> availableBackends() {
    // Best first: the kernel-side interest lists (epoll, kqueue) avoid copying and scanning the
    // whole set on every call; poll beats select because it has no descriptor-value limit.
    std::vector<BackendKind> kinds;
    if (kHaveEpoll)
        kinds.push_back(BackendKind::Epoll);
    if (kHaveKqueue)
        kinds.push_back(BackendKind::Kqueue);
    kinds.push_back(kWindows ? BackendKind::WsaPoll : BackendKind::Poll);
    kinds.push_back(BackendKind::Select);
    return kinds;
}

BackendKind bestBackend() {
    return availableBackends().front();
}

std::string_view backendSummary(BackendKind kind) {
    switch (kind) {
        case BackendKind::Select:
            return "select() copies three fixed-size bit sets into the kernel and back on every "
                   "call and scans every descriptor up to the highest one, so its cost grows "
                   "with the largest fd value, and it cannot watch any descriptor at or above "
                   "FD_SETSIZE (1024; on Windows the same number bounds how many sockets a set "
                   "holds, not their values).";
        case BackendKind::Poll:
            return "poll() takes a dense array of (fd, events) with no limit on descriptor "
                   "values, but the kernel still copies and checks every entry on every call, so "
                   "its cost grows linearly with the number of watched descriptors.";
        case BackendKind::Epoll:
            return "epoll keeps the interest list inside the kernel (one epoll_ctl per change) "
                   "and returns only the ready descriptors, so a wait costs about the number of "
                   "ready descriptors, not the number watched; it exists only on Linux.";
        case BackendKind::Kqueue:
            return "kqueue keeps one kernel filter per (descriptor, read/write) and returns only "
                   "the triggered ones, so a wait costs about the number of ready events; it "
                   "exists on macOS and the BSDs.";
        case BackendKind::WsaPoll:
            return "WSAPoll() is Winsock's poll(): a dense array scanned in full on every call, "
                   "with no FD_SETSIZE count limit, but it does not support POLLPRI and older "
                   "Windows versions did not report a failed connect().";
    }
    return "";
}

}  // namespace ss
