// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/poll_poller.h"

#ifndef _WIN32

#include <poll.h>

#include "core/poller/pollfd_poller.h"

// POSIX names: POLLPRI asks for urgent data, and POLLNVAL (a descriptor that is not open) is an
// error on which there is nothing to read, so unlike POLLHUP and POLLERR it does not add kRead.
std::unique_ptr<ss::Poller> ss::createPollPoller() {
    return makePollfdPoller(
        BackendKind::Poll, "fd", ::poll,
        {POLLIN, POLLOUT, POLLPRI, POLLHUP, POLLERR | POLLNVAL, POLLHUP | POLLERR});
}

#endif  // !_WIN32
