// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/raw_sockets.h"

#include <gtest/gtest.h>

#include <cstring>

namespace ss::test::raw {

sockaddr_in loopback(uint16_t port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

Socket listenLoopback() {
    Socket s(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in addr = loopback(0);
    if (::bind(s.fd(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(s.fd(), 16) != 0)
        return Socket();
    ss::setNonBlocking(s.fd());
    return s;
}

uint16_t portOf(NativeSocket s) {
    sockaddr_in addr{};
    SockLen len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.sin_port);
}

Socket connectTo(NativeSocket listener) {
    Socket c(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in addr = loopback(portOf(listener));
    if (::connect(c.fd(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        return Socket();
    ss::setNonBlocking(c.fd());
    return c;
}

bool settle(NativeSocket fd, short events) {
#ifdef _WIN32
    WSAPOLLFD p{};
    p.fd = fd;
    p.events = events;
    return ::WSAPoll(&p, 1, kReadyWaitMs) == 1;
#else
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, kReadyWaitMs) == 1;
#endif
}

Conn connectPair(NativeSocket listener) {
    Conn c;
    c.client = connectTo(listener);
    if (!settle(listener, kSettleRead))
        return c;
    c.server = Socket(::accept(listener, nullptr, nullptr));
    ss::setNonBlocking(c.server.fd());
    return c;
}

void sendText(const Socket& s, const char* text) {
    ASSERT_EQ(ss::sendBytes(s.fd(), text, std::strlen(text)),
              static_cast<ss::ssize_type>(std::strlen(text)));
}

std::string recvText(const Socket& s) {
    char buf[256];
    auto n = ss::recvBytes(s.fd(), buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

}  // namespace ss::test::raw
