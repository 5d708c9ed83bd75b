// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/listener_socket.h"

#ifndef _WIN32
#include <cerrno>
#endif

#include "core/trace/engine_text.h"

namespace ss {
namespace {

std::string describe(const ListenerSpec& spec) {
    return formatEndpoint(spec.endpoint) + (spec.udp ? "/udp" : "/tcp");
}

NativeSocket fail(NativeSocket s, std::string* error, std::string text) {
    closeSocket(s);
    if (error)
        *error = std::move(text);
    return kInvalidSocket;
}

}  // namespace

NativeSocket openListenerSocket(const ListenerSpec& spec, bool allowRemote, std::string* error) {
    initSocketPlatform();
    if (!allowRemote && !isLoopbackHost(spec.endpoint.host))
        return fail(kInvalidSocket, error, engineText(TextId::NotLoopback, {spec.endpoint.host}));
    sockaddr_storage addr{};
    socklen_t len = 0;
    if (!toSockaddr(spec.endpoint, &addr, &len, error))
        return kInvalidSocket;
    NativeSocket s = socket(addr.ss_family, spec.udp ? SOCK_DGRAM : SOCK_STREAM, 0);
    if (s == kInvalidSocket)
        return fail(s, error,
                    engineText(TextId::SocketFailed, {socketErrorText(lastSocketError())}));
#ifndef _WIN32
    if (!spec.udp) {
        // Lets a restarted server bind while old connections sit in TIME_WAIT; Linux still
        // refuses a second live listener on the same port.
        int on = 1;
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const char*>(&on), sizeof on);
    }
#endif
    // Not on Windows: there a plain bind already succeeds past TIME_WAIT, while Winsock's
    // SO_REUSEADDR means something else: it lets the socket bind a port another server is
    // listening on, so a busy port would go unnoticed instead of failing with WSAEADDRINUSE.
    // (SO_EXCLUSIVEADDRUSE is not wanted either: it can keep a restarted server off its port
    // while the connections of the previous run are still closing.)
    if (bind(s, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
        const int err = lastSocketError();
#ifdef _WIN32
        const bool inUse = err == WSAEADDRINUSE;
#else
        const bool inUse = err == EADDRINUSE;
#endif
        const std::string why =
            inUse ? engineText(TextId::PortInUse, {std::to_string(spec.endpoint.port)})
                  : socketErrorText(err);
        return fail(s, error, engineText(TextId::CannotListen, {describe(spec), why}));
    }
    if (!spec.udp && listen(s, spec.backlog) != 0)
        return fail(
            s, error,
            engineText(TextId::ListenFailed, {describe(spec), socketErrorText(lastSocketError())}));
    std::string why;
    if (!setNonBlocking(s, &why))
        return fail(s, error, engineText(TextId::NonBlockingFailed, {why}));
    return s;
}

}  // namespace ss
