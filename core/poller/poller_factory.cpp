// createPoller(): the one place that maps a BackendKind to a backend class. Backends that this
// platform does not compile are reported as unavailable rather than failing at link time.
#include <string>

#include "epoll_poller.h"
#include "kqueue_poller.h"
#include "poll_poller.h"
#include "poller.h"
#include "select_poller.h"
#include "wsapoll_poller.h"

namespace ss {

namespace {

std::unique_ptr<Poller> unavailable(BackendKind kind, std::string* error) {
    if (error)
        *error = std::string(backendName(kind)) + " is not available on this platform";
    return nullptr;
}

}  // namespace

std::unique_ptr<Poller> createPoller(BackendKind kind, std::string* error) {
    // The branches differ per platform; on any one of them some look alike.
    // NOLINTBEGIN(bugprone-branch-clone)
    switch (kind) {
        case BackendKind::Select:
            return std::make_unique<SelectPoller>();
        case BackendKind::Poll:
#ifndef _WIN32
            return std::make_unique<PollPoller>();
#else
            return unavailable(kind, error);
#endif
        case BackendKind::Epoll:
#ifdef __linux__
            return EpollPoller::create(error);
#else
            return unavailable(kind, error);
#endif
        case BackendKind::Kqueue:
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)
            return KqueuePoller::create(error);
#else
            return unavailable(kind, error);
#endif
        case BackendKind::WsaPoll:
#ifdef _WIN32
            return std::make_unique<WsaPollPoller>();
#else
            return unavailable(kind, error);
#endif
    }
    // NOLINTEND(bugprone-branch-clone)
    return unavailable(kind, error);
}

}  // namespace ss
