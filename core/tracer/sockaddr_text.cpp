// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/sockaddr_text.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>

namespace ss::tracer {

std::string sockaddrText(const void* address, size_t length) {
    sockaddr_storage ss{};
    std::memcpy(&ss, address, length < sizeof ss ? length : sizeof ss);
    if (length < sizeof(sa_family_t))
        return "(" + std::to_string(length) + "-byte address)";
    char host[INET6_ADDRSTRLEN] = {};
    switch (ss.ss_family) {
        case AF_INET: {
            if (length < sizeof(sockaddr_in))
                break;
            const auto* in = reinterpret_cast<const sockaddr_in*>(&ss);
            ::inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
            return std::string(host) + ":" + std::to_string(ntohs(in->sin_port));
        }
        case AF_INET6: {
            if (length < sizeof(sockaddr_in6))
                break;
            const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&ss);
            ::inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
            return "[" + std::string(host) + "]:" + std::to_string(ntohs(in6->sin6_port));
        }
        case AF_UNIX: {
            const auto* un = reinterpret_cast<const sockaddr_un*>(&ss);
            const size_t pathBytes = length - offsetof(sockaddr_un, sun_path);
            if (length <= offsetof(sockaddr_un, sun_path))
                return "unix:(unnamed)";
            if (un->sun_path[0] == '\0')  // the abstract namespace
                return "unix:@" + std::string(un->sun_path + 1, pathBytes - 1);
            return "unix:" + std::string(un->sun_path, strnlen(un->sun_path, pathBytes));
        }
        default:
            break;
    }
    return "(family " + std::to_string(ss.ss_family) + ", " + std::to_string(length) + " bytes)";
}

}  // namespace ss::tracer
