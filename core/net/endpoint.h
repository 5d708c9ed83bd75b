// SPDX-License-Identifier: GPL-3.0-or-later
// Addresses as the user types them ("127.0.0.1:9991", "[::1]:8000", "9991") and as the kernel
// wants them (sockaddr_storage), plus the loopback check behind the "loopback by default" rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/net/platform.h"

namespace ss {

struct Endpoint {
    std::string host = "127.0.0.1";  // numeric IPv4 or IPv6 (no brackets), or "localhost"
    uint16_t port = 0;
};

// Parses "[HOST:]PORT" where HOST may be an IPv6 literal in brackets. Returns nullopt and sets
// *error on malformed input or a port outside 0..65535.
std::optional<Endpoint> parseEndpoint(std::string_view text, std::string* error);

// Fills a sockaddr for host:port (numeric addresses and "localhost" only: no DNS on the loop).
bool toSockaddr(const Endpoint& ep, sockaddr_storage* out, socklen_t* len, std::string* error);

// "127.0.0.1:9991" or "[::1]:8000"; "?" for families we do not show.
std::string formatSockaddr(const sockaddr* sa);
std::string formatEndpoint(const Endpoint& ep);

// The local or peer address of a socket, formatted as above; empty when unknown.
std::string localAddress(NativeSocket s);
std::string peerAddress(NativeSocket s);

bool isLoopbackHost(std::string_view host);

}  // namespace ss
