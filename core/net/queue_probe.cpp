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

int64_t kernelSendFree([[maybe_unused]] NativeSocket s) {
#ifdef _WIN32
    return -1;
#else
    int buffer = 0;
    socklen_t len = sizeof buffer;
    if (getsockopt(s, SOL_SOCKET, SO_SNDBUF, &buffer, &len) != 0)
        return -1;
    const int64_t queued = kernelSendQueue(s);
    if (queued < 0)
        return -1;
    return queued < buffer ? buffer - queued : 0;
#endif
}

int urgentMark([[maybe_unused]] NativeSocket s) {
#if defined(SIOCATMARK) && !defined(_WIN32)
    int atMark = 0;
    return ioctl(s, SIOCATMARK, &atMark) == 0 ? (atMark ? 1 : 0) : -1;
#else
    return -1;  // Winsock's SIOCATMARK answers the opposite question, and only inline OOB
#endif
}

PeerState tcpPeerState([[maybe_unused]] NativeSocket s) {
#ifdef __linux__
    tcp_info info{};
    socklen_t len = sizeof info;
    if (getsockopt(s, IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return PeerState::Unknown;
    switch (info.tcpi_state) {
        case TCP_CLOSE_WAIT:
        case TCP_LAST_ACK:
        case TCP_CLOSING:
            return PeerState::Closed;
        case TCP_CLOSE:
            // The engine never shuts down its own side of an open descriptor, so CLOSE here
            // means the kernel dropped the connection: an RST arrived (or a timeout struck),
            // and recv() will fail with the pending error.
            return PeerState::Reset;
        default:
            return PeerState::Open;
    }
#else
    return PeerState::Unknown;
#endif
}

}  // namespace ss
