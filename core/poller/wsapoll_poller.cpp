// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/wsapoll_poller.h"

#ifdef _WIN32

#include "core/poller/pollfd_poller.h"

// Winsock names, and no POLLPRI (WSAPoll rejects it): urgent data is asked for as POLLRDBAND.
// Errors name sockets, as Winsock does.
std::unique_ptr<ss::Poller> ss::createWsaPollPoller() {
    return makePollfdPoller(
        BackendKind::WsaPoll, "socket", ::WSAPoll,
        {POLLRDNORM, POLLWRNORM, POLLRDBAND, POLLHUP, POLLERR | POLLNVAL, POLLHUP | POLLERR});
}

#endif  // _WIN32
