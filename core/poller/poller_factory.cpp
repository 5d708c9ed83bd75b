// SPDX-License-Identifier: GPL-3.0-or-later
// createPoller(): the one place that maps a BackendKind to a backend. Backends that this platform
// does not compile are reported as unavailable rather than failing at link time.
#include <string>

#include "core/poller/epoll_poller.h"
#include "core/poller/kqueue_poller.h"
#include "core/poller/poll_poller.h"
#include "core/poller/poller.h"
#include "core/poller/select_poller.h"
#include "core/poller/wsapoll_poller.h"
#include "core/trace/engine_text.h"

namespace ss {

std::unique_ptr<Poller> createPoller(BackendKind kind, std::string* error,
                                     [[maybe_unused]] EpollMode epollMode) {
    switch (kind) {
        case BackendKind::Select:
            return createSelectPoller();
#ifndef _WIN32
        case BackendKind::Poll:
            return createPollPoller();
#endif
#ifdef __linux__
        case BackendKind::Epoll:
            return createEpollPoller(error, epollMode != EpollMode::Level);
#endif
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)
        case BackendKind::Kqueue:
            return createKqueuePoller(error);
#endif
#ifdef _WIN32
        case BackendKind::WsaPoll:
            return createWsaPollPoller();
#endif
        default:
            break;  // not compiled on this platform
    }
    if (error)
        *error = engineText(TextId::BackendUnavailable, {backendName(kind)});
    return nullptr;
}

}  // namespace ss
