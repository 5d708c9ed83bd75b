// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/endpoint.h"

#include <charconv>
#include <cstring>

#ifndef _WIN32
#include <arpa/inet.h>
#include <netinet/in.h>
#endif

#include "core/trace/engine_text.h"

namespace ss {

std::optional<Endpoint> parseEndpoint(std::string_view text, std::string* error) {
    Endpoint ep;
    std::string_view portText = text;
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            if (error)
                *error = engineText(TextId::ExpectedIpv6Port, {text});
            return std::nullopt;
        }
        ep.host = std::string(text.substr(1, close - 1));
        portText = text.substr(close + 2);
    } else if (const size_t colon = text.rfind(':'); colon != std::string_view::npos) {
        ep.host = std::string(text.substr(0, colon));
        portText = text.substr(colon + 1);
    }
    unsigned value = 0;
    const auto [ptr, ec] =
        std::from_chars(portText.data(), portText.data() + portText.size(), value);
    if (portText.empty() || ec != std::errc() || ptr != portText.data() + portText.size() ||
        value > 65535) {
        if (error)
            *error = engineText(TextId::InvalidPort, {portText});
        return std::nullopt;
    }
    if (ep.host.empty()) {
        if (error)
            *error = engineText(TextId::EmptyHost, {text});
        return std::nullopt;
    }
    // Brackets only delimit an IPv6 literal; inside a host they would make formatEndpoint()
    // write an address that does not parse back ("[:]]:0" for host ":]").
    if (ep.host.find_first_of("[]") != std::string::npos) {
        if (error)
            *error = engineText(TextId::UnexpectedBracket, {ep.host});
        return std::nullopt;
    }
    ep.port = static_cast<uint16_t>(value);
    return ep;
}

bool toSockaddr(const Endpoint& ep, sockaddr_storage* out, socklen_t* len, std::string* error) {
    std::memset(out, 0, sizeof *out);
    const std::string host = ep.host == "localhost" ? "127.0.0.1" : ep.host;
    auto* v4 = reinterpret_cast<sockaddr_in*>(out);
    if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(ep.port);
        *len = sizeof(sockaddr_in);
        return true;
    }
    auto* v6 = reinterpret_cast<sockaddr_in6*>(out);
    if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(ep.port);
        *len = sizeof(sockaddr_in6);
        return true;
    }
    if (error)
        *error = engineText(TextId::NotNumericAddress, {ep.host});
    return false;
}

std::string formatSockaddr(const sockaddr* sa) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (sa->sa_family == AF_INET) {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(sa);
        inet_ntop(AF_INET, &v4->sin_addr, buf, sizeof buf);
        return std::string(buf) + ":" + std::to_string(ntohs(v4->sin_port));
    }
    if (sa->sa_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(sa);
        inet_ntop(AF_INET6, &v6->sin6_addr, buf, sizeof buf);
        return "[" + std::string(buf) + "]:" + std::to_string(ntohs(v6->sin6_port));
    }
    return "?";
}

std::string formatEndpoint(const Endpoint& ep) {
    if (ep.host.find(':') != std::string::npos)
        return "[" + ep.host + "]:" + std::to_string(ep.port);
    return ep.host + ":" + std::to_string(ep.port);
}

std::string localAddress(NativeSocket s) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getsockname(s, reinterpret_cast<sockaddr*>(&ss), &len) != 0)
        return {};
    return formatSockaddr(reinterpret_cast<sockaddr*>(&ss));
}

std::string peerAddress(NativeSocket s) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getpeername(s, reinterpret_cast<sockaddr*>(&ss), &len) != 0)
        return {};
    return formatSockaddr(reinterpret_cast<sockaddr*>(&ss));
}

bool isLoopbackHost(std::string_view host) {
    if (host == "localhost" || host == "::1")
        return true;
    return host.substr(0, 4) == "127.";
}

}  // namespace ss
