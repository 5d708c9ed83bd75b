#include "wsapoll_poller.h"

#ifdef _WIN32

#include "pollfd_poller.h"

// Winsock names, and no POLLPRI (WSAPoll rejects it): urgent data is asked for as POLLRDBAND.
// Errors name sockets, as Winsock does.
std::unique_ptr<ss::Poller> ss::createWsaPollPoller() {
    return makePollfdPoller(
        BackendKind::WsaPoll, "socket", ::WSAPoll,
        {POLLRDNORM, POLLWRNORM, POLLRDBAND, POLLHUP, POLLERR | POLLNVAL, POLLHUP | POLLERR});
}

#endif  // _WIN32
