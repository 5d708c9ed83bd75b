// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/platform.h"

#include <cerrno>
#include <cstring>
#include <mutex>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#endif

namespace ss {

void initSocketPlatform() {
    static std::once_flag once;
    std::call_once(once, [] {
#ifdef _WIN32
        WSADATA data;
        WSAStartup(MAKEWORD(2, 2), &data);
#else
        // A write to a socket whose peer has reset raises SIGPIPE, whose default action ends
        // the process. MSG_NOSIGNAL covers send(); ignoring the signal covers everything else.
        signal(SIGPIPE, SIG_IGN);
#endif
    });
}

int lastSocketError() {
#ifdef _WIN32
    return WSAGetLastError();
#else
    return errno;
#endif
}

std::string socketErrorText(int code) {
#ifdef _WIN32
    char buf[256] = {};
    FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                   static_cast<DWORD>(code), 0, buf, sizeof buf, nullptr);
    std::string text(buf);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
#else
    return std::strerror(code);
#endif
}

const char* socketErrorName(int code) {
    switch (code) {
#ifdef _WIN32
        // Every code the engine can meet on Windows has its name here, so that a trace line
        // never shows a bare number (select() with nothing to wait on gives WSAEINVAL, a
        // datagram longer than the buffer WSAEMSGSIZE, a reset before accept() WSAECONNRESET).
        case WSAEWOULDBLOCK:
            return "WSAEWOULDBLOCK";
        case WSAEINTR:
            return "WSAEINTR";
        case WSAEBADF:
            return "WSAEBADF";
        case WSAEACCES:
            return "WSAEACCES";
        case WSAEFAULT:
            return "WSAEFAULT";
        case WSAEINVAL:
            return "WSAEINVAL";
        case WSAEMFILE:
            return "WSAEMFILE";
        case WSAENOTSOCK:
            return "WSAENOTSOCK";
        case WSAEMSGSIZE:
            return "WSAEMSGSIZE";
        case WSAEADDRINUSE:
            return "WSAEADDRINUSE";
        case WSAEADDRNOTAVAIL:
            return "WSAEADDRNOTAVAIL";
        case WSAENETRESET:
            return "WSAENETRESET";
        case WSAECONNABORTED:
            return "WSAECONNABORTED";
        case WSAECONNRESET:
            return "WSAECONNRESET";
        case WSAENOBUFS:
            return "WSAENOBUFS";
        case WSAENOTCONN:
            return "WSAENOTCONN";
        case WSAESHUTDOWN:
            return "WSAESHUTDOWN";
        case WSAETIMEDOUT:
            return "WSAETIMEDOUT";
        case WSAECONNREFUSED:
            return "WSAECONNREFUSED";
#else
        case 0:
            return "";
        case EAGAIN:
            return "EAGAIN";
        case EINTR:
            return "EINTR";
        case EBADF:
            return "EBADF";
        case EINVAL:
            return "EINVAL";
        case EMFILE:
            return "EMFILE";
        case ENFILE:
            return "ENFILE";
        case ENOBUFS:
            return "ENOBUFS";
        case ENOMEM:
            return "ENOMEM";
        case EPIPE:
            return "EPIPE";
        case ECONNRESET:
            return "ECONNRESET";
        case ECONNABORTED:
            return "ECONNABORTED";
        case ECONNREFUSED:
            return "ECONNREFUSED";
        case EADDRINUSE:
            return "EADDRINUSE";
        case EADDRNOTAVAIL:
            return "EADDRNOTAVAIL";
        case EACCES:
            return "EACCES";
        case ETIMEDOUT:
            return "ETIMEDOUT";
        case ENOTCONN:
            return "ENOTCONN";
        case EMSGSIZE:
            return "EMSGSIZE";
#endif
#ifdef __linux__
        // What a traced program's call can return at its exit stop when a signal cut it short:
        // the kernel's own codes, before it restarts the call or turns them into EINTR (strace
        // shows them by these names).
        case 512:
            return "ERESTARTSYS";
        case 513:
            return "ERESTARTNOINTR";
        case 514:
            return "ERESTARTNOHAND";
        case 516:
            return "ERESTART_RESTARTBLOCK";
#endif
        default:
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
            // A traced program meets any errno (ENOENT, ENOTSOCK, EEXIST from epoll_ctl ...).
            if (const char* name = strerrorname_np(code))
                return name;
#endif
            return "";
    }
}

bool isWouldBlock(int code) {
#ifdef _WIN32
    return code == WSAEWOULDBLOCK;
#else
    return code == EAGAIN || code == EWOULDBLOCK;
#endif
}

bool isConnectionReset(int code) {
#ifdef _WIN32
    return code == WSAECONNRESET || code == WSAECONNABORTED;
#else
    return code == ECONNRESET || code == EPIPE || code == ECONNABORTED;
#endif
}

bool isInterrupted(int code) {
#ifdef _WIN32
    return code == WSAEINTR;
#else
    return code == EINTR;
#endif
}

bool isDescriptorExhaustion(int code) {
#ifdef _WIN32
    return code == WSAEMFILE || code == WSAENOBUFS;
#else
    return code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM;
#endif
}

bool setNonBlocking(NativeSocket s, std::string* error) {
#ifdef _WIN32
    u_long on = 1;
    if (ioctlsocket(s, FIONBIO, &on) == 0)
        return true;
#else
    int flags = fcntl(s, F_GETFL, 0);
    if (flags >= 0 && fcntl(s, F_SETFL, flags | O_NONBLOCK) == 0)
        return true;
#endif
    if (error)
        *error = socketErrorText(lastSocketError());
    return false;
}

bool setBlocking(NativeSocket s, std::string* error) {
#ifdef _WIN32
    u_long off = 0;
    if (ioctlsocket(s, FIONBIO, &off) == 0)
        return true;
#else
    int flags = fcntl(s, F_GETFL, 0);
    if (flags >= 0 && fcntl(s, F_SETFL, flags & ~O_NONBLOCK) == 0)
        return true;
#endif
    if (error)
        *error = socketErrorText(lastSocketError());
    return false;
}

void closeSocket(NativeSocket s) {
    if (s == kInvalidSocket)
        return;
#ifdef _WIN32
    closesocket(s);
#else
    ::close(s);
#endif
}

int sendFlags() {
#ifdef MSG_NOSIGNAL
    return MSG_NOSIGNAL;
#else
    return 0;
#endif
}

void suppressSigpipe([[maybe_unused]] NativeSocket s) {
#ifdef SO_NOSIGPIPE
    int on = 1;
    setsockopt(s, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
}

ssize_type sendBytes(NativeSocket s, const void* data, size_t len) {
#ifdef _WIN32
    return ::send(s, static_cast<const char*>(data), static_cast<int>(len), 0);
#else
    return ::send(s, data, len, sendFlags());
#endif
}

ssize_type recvBytes(NativeSocket s, void* data, size_t len, int flags) {
#ifdef _WIN32
    return ::recv(s, static_cast<char*>(data), static_cast<int>(len), flags);
#else
    return ::recv(s, data, len, flags);
#endif
}

int pollSockets(PollFd* fds, size_t n, int timeoutMs) {
#ifdef _WIN32
    return WSAPoll(fds, static_cast<ULONG>(n), timeoutMs);
#else
    return ::poll(fds, static_cast<nfds_t>(n), timeoutMs);
#endif
}

}  // namespace ss
