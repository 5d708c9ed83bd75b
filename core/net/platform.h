// SPDX-License-Identifier: GPL-3.0-or-later
// Platform shims for sockets: the native handle type, Winsock start-up, SIGPIPE suppression,
// non-blocking mode and error text. Everything above core/net speaks in these terms, so the
// rest of the engine compiles unchanged on Linux, macOS and Windows.
#pragma once

#include <cstdint>
#include <string>

#ifdef _WIN32
#ifndef FD_SETSIZE
// Winsock's FD_SETSIZE is a count of sockets, not a bound on their values; 1024 matches the
// POSIX default so the select backend shows the same limit everywhere.
#define FD_SETSIZE 1024
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#endif

namespace ss {

#ifdef _WIN32
using NativeSocket = SOCKET;
constexpr NativeSocket kInvalidSocket = INVALID_SOCKET;
using ssize_type = int;
#else
using NativeSocket = int;
constexpr NativeSocket kInvalidSocket = -1;
using ssize_type = ssize_t;
#endif

// Descriptors are shown and traced as plain integers; on Windows a SOCKET value fits.
inline int32_t fdNumber(NativeSocket s) {
    return static_cast<int32_t>(s);
}

// Once per process: Winsock start-up on Windows, ignoring SIGPIPE on POSIX (a peer that resets
// mid-write must produce EPIPE, never a signal that kills the process). Idempotent, thread-safe.
void initSocketPlatform();

// The last socket error of this thread (errno or WSAGetLastError()).
int lastSocketError();
// Human-readable text for a socket error code, e.g. "Connection reset by peer".
std::string socketErrorText(int code);
// Short symbolic name, e.g. "ECONNRESET"; empty when unknown.
const char* socketErrorName(int code);

bool isWouldBlock(int code);
// The peer reset or aborted the connection (ECONNRESET, EPIPE, ECONNABORTED).
bool isConnectionReset(int code);
bool isInterrupted(int code);
// accept() failed because the process or system ran out of descriptors (EMFILE, ENFILE, ...).
bool isDescriptorExhaustion(int code);

bool setNonBlocking(NativeSocket s, std::string* error = nullptr);
// The opposite, Python's setblocking(True): calls on s wait until they can complete.
bool setBlocking(NativeSocket s, std::string* error = nullptr);
void closeSocket(NativeSocket s);

// Flags for send(): MSG_NOSIGNAL where it exists (macOS uses SO_NOSIGPIPE per socket instead).
int sendFlags();
// Per-socket SIGPIPE suppression where the platform needs it (SO_NOSIGPIPE); no-op elsewhere.
void suppressSigpipe(NativeSocket s);

ssize_type sendBytes(NativeSocket s, const void* data, size_t len);
ssize_type recvBytes(NativeSocket s, void* data, size_t len, int flags = 0);

// poll() over sockets (WSAPoll on Windows), for the clients of the load generator and the
// model comparison; the server's own waits go through core/poller.
#ifdef _WIN32
using PollFd = WSAPOLLFD;
#else
using PollFd = pollfd;
#endif
int pollSockets(PollFd* fds, size_t n, int timeoutMs);

}  // namespace ss
