#include "wakeup.h"

#include <cstdint>

#ifdef __linux__
#include <sys/eventfd.h>
#include <unistd.h>
#elif !defined(_WIN32)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ss {

#ifdef _WIN32
namespace {
bool loopbackPair(SOCKET out[2]) {
    SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int len = sizeof addr;
    bool ok = listener != INVALID_SOCKET &&
              bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
              getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0 &&
              listen(listener, 1) == 0;
    out[1] = ok ? socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) : INVALID_SOCKET;
    ok = ok && out[1] != INVALID_SOCKET &&
         connect(out[1], reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    out[0] = ok ? accept(listener, nullptr, nullptr) : INVALID_SOCKET;
    closesocket(listener);
    return out[0] != INVALID_SOCKET;
}
}  // namespace
#endif

Wakeup::Wakeup() {
    initSocketPlatform();
#if defined(__linux__)
    m_readFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_writeFd = m_readFd;
#elif defined(_WIN32)
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
    if (m_writeFd != m_readFd && m_writeFd >= 0)
        close(m_writeFd);
    if (m_readFd >= 0)
        close(m_readFd);
#endif
}

void Wakeup::signal() {
#if defined(__linux__)
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(m_writeFd, &one, sizeof one);
#elif defined(_WIN32)
    const char byte = 1;
    send(m_writeFd, &byte, 1, 0);
#else
    const char byte = 1;
    [[maybe_unused]] ssize_t n = write(m_writeFd, &byte, 1);
#endif
}

void Wakeup::drain() {
#if defined(__linux__)
    uint64_t value = 0;
    [[maybe_unused]] ssize_t n = read(m_readFd, &value, sizeof value);
#else
    char buf[256];
    while (recvBytes(m_readFd, buf, sizeof buf) > 0) {
    }
#endif
}

}  // namespace ss
