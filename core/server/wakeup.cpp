// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/wakeup.h"

#include <cstdint>

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ss {

#ifdef _WIN32
namespace {

bool sameAddress(const sockaddr_in& a, const sockaddr_in& b) {
    return a.sin_family == b.sin_family && a.sin_port == b.sin_port &&
           a.sin_addr.s_addr == b.sin_addr.s_addr;
}

// Windows has no socketpair() and select()/WSAPoll() accept only sockets, so the pair is a
// loopback TCP connection made through a listener that lives only for this function. Another
// local program could connect to that listener first, so the accepted end is checked to be our
// own client before the pair is trusted (as CPython's socket.socketpair() does on Windows).
bool loopbackPair(SOCKET out[2]) {
    out[0] = out[1] = INVALID_SOCKET;
    SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int len = sizeof addr;
    bool ok = listener != INVALID_SOCKET &&
              bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
              getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0 &&
              listen(listener, 1) == 0;
    SOCKET client = ok ? socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) : INVALID_SOCKET;
    ok = ok && client != INVALID_SOCKET &&
         connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    SOCKET server = ok ? accept(listener, nullptr, nullptr) : INVALID_SOCKET;
    closesocket(listener);
    sockaddr_in clientName{}, serverPeer{};
    int clientLen = sizeof clientName, peerLen = sizeof serverPeer;
    ok = server != INVALID_SOCKET &&
         getsockname(client, reinterpret_cast<sockaddr*>(&clientName), &clientLen) == 0 &&
         getpeername(server, reinterpret_cast<sockaddr*>(&serverPeer), &peerLen) == 0 &&
         sameAddress(clientName, serverPeer);
    if (!ok) {
        closeSocket(server);
        closeSocket(client);
        return false;
    }
    // One byte per signal: without TCP_NODELAY, Nagle's algorithm holds a second byte back
    // until the first is acknowledged, and a delayed ACK can stall a command for up to 200 ms.
    BOOL on = TRUE;
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&on), sizeof on);
    out[0] = server;
    out[1] = client;
    return true;
}

}  // namespace
#endif

Wakeup::Wakeup() {
    initSocketPlatform();
#ifdef _WIN32
    SOCKET pair[2];
    if (loopbackPair(pair)) {
        m_readFd = pair[0];
        m_writeFd = pair[1];
        setNonBlocking(m_readFd);
        setNonBlocking(m_writeFd);
    }
#else
    int fds[2];
    if (pipe(fds) == 0) {
        m_readFd = fds[0];
        m_writeFd = fds[1];
        for (int fd : fds) {
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
            fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
    }
#endif
}

Wakeup::~Wakeup() {
#ifdef _WIN32
    closeSocket(m_writeFd);
    closeSocket(m_readFd);
#else
    if (m_writeFd >= 0)
        close(m_writeFd);
    if (m_readFd >= 0)
        close(m_readFd);
#endif
}

void Wakeup::signal() {
#ifdef _WIN32
    const char byte = 1;
    send(m_writeFd, &byte, 1, 0);
#else
    const char byte = 1;
    [[maybe_unused]] ssize_t n = write(m_writeFd, &byte, 1);
#endif
}

void Wakeup::drain() {
    char buf[256];
    while (recvBytes(m_readFd, buf, sizeof buf) > 0) {
    }
}

}  // namespace ss
