// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/queue_probe.h"

#ifdef _WIN32
#include <winsock2.h>
#else
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#endif
#ifdef __linux__
#include <linux/sockios.h>
#endif

namespace ss {

int64_t kernelRecvQueue(NativeSocket s) {
#ifdef _WIN32
    u_long n = 0;
    return ioctlsocket(s, FIONREAD, &n) == 0 ? static_cast<int64_t>(n) : -1;
#else
    int n = 0;
    return ioctl(s, FIONREAD, &n) == 0 ? n : -1;
#endif
}

int64_t kernelSendQueue([[maybe_unused]] NativeSocket s) {
#if defined(__linux__)
    int n = 0;
    return ioctl(s, SIOCOUTQ, &n) == 0 ? n : -1;
#elif defined(__APPLE__)
    int n = 0;
    socklen_t len = sizeof n;
    return getsockopt(s, SOL_SOCKET, SO_NWRITE, &n, &len) == 0 ? n : -1;
#elif defined(TIOCOUTQ)
    int n = 0;
    return ioctl(s, TIOCOUTQ, &n) == 0 ? n : -1;
#else
    return -1;
#endif
}

AcceptQueue listenerAcceptQueue([[maybe_unused]] NativeSocket s) {
    AcceptQueue q;
#ifdef __linux__
    // For a socket in LISTEN state Linux reports the accept queue length in tcpi_unacked and
    // the backlog passed to listen() in tcpi_sacked.
    tcp_info info{};
    socklen_t len = sizeof info;
    if (getsockopt(s, IPPROTO_TCP, TCP_INFO, &info, &len) == 0 && info.tcpi_state == 10) {
        q.pending = info.tcpi_unacked;
        q.backlog = info.tcpi_sacked;
    }
#endif
    return q;
}

}  // namespace ss
