// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/socket_table.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace ss::tracer {
namespace {

struct KernelSocket {
    bool udp = false;
    int state = 0;  // TCP_ESTABLISHED, TCP_LISTEN ... (linux/tcp.h numbering)
    std::string local, peer;
    uint32_t recvQueue = 0, sendQueue = 0;
};

std::string endpoint(int family, const uint32_t* address, uint16_t portBE) {
    char host[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(family, address, host, sizeof host);
    const std::string port = std::to_string(ntohs(portBE));
    return family == AF_INET6 ? "[" + std::string(host) + "]:" + port
                              : std::string(host) + ":" + port;
}

// The fd -> inode map of /proc/PID/fd, sockets only.
bool socketInodes(pid_t pid, std::vector<std::pair<int32_t, uint64_t>>* out, std::string* error) {
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    const std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), ::closedir);
    if (!d) {
        *error = dir + ": " + std::strerror(errno);
        return false;
    }
    while (const dirent* entry = ::readdir(d.get())) {
        if (entry->d_name[0] == '.')
            continue;
        char link[64];
        const ssize_t n = ::readlinkat(::dirfd(d.get()), entry->d_name, link, sizeof link - 1);
        if (n <= 0)
            continue;
        link[n] = '\0';
        unsigned long long inode = 0;
        if (std::sscanf(link, "socket:[%llu]", &inode) == 1)
            out->emplace_back(int32_t(std::atoi(entry->d_name)), uint64_t(inode));
    }
    std::sort(out->begin(), out->end());
    return true;
}

// One inet_diag dump (a family and a protocol) into `sockets`, by inode.
bool dump(int netlink, int family, int protocol,
          std::unordered_map<uint64_t, KernelSocket>* sockets, std::string* error) {
    struct {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.request.sdiag_family = uint8_t(family);
    message.request.sdiag_protocol = uint8_t(protocol);
    message.request.idiag_states = ~0u;  // every state
    if (::send(netlink, &message, sizeof message, 0) < 0) {
        *error = std::string("sock_diag: ") + std::strerror(errno);
        return false;
    }
    alignas(nlmsghdr) char buffer[32768];
    for (;;) {
        const ssize_t got = ::recv(netlink, buffer, sizeof buffer, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            *error = std::string("sock_diag: ") + std::strerror(errno);
            return false;
        }
        auto size = static_cast<unsigned>(got);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buffer); NLMSG_OK(h, size);
             h = NLMSG_NEXT(h, size)) {
            if (h->nlmsg_type == NLMSG_DONE)
                return true;
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto* e = static_cast<const nlmsgerr*>(NLMSG_DATA(h));
                *error = std::string("sock_diag: ") + std::strerror(-e->error);
                return false;
            }
            const auto* m = static_cast<const inet_diag_msg*>(NLMSG_DATA(h));
            KernelSocket s;
            s.udp = protocol == IPPROTO_UDP;
            s.state = m->idiag_state;
            s.local = endpoint(m->idiag_family, m->id.idiag_src, m->id.idiag_sport);
            s.peer = endpoint(m->idiag_family, m->id.idiag_dst, m->id.idiag_dport);
            s.recvQueue = m->idiag_rqueue;
            s.sendQueue = m->idiag_wqueue;
            (*sockets)[m->idiag_inode] = s;
        }
    }
}

DescriptorInfo rowFor(int32_t fd, uint64_t inode, const KernelSocket* s) {
    DescriptorInfo row;
    row.fd = fd;
    if (!s) {
        row.local = "socket:[" + std::to_string(inode) + "]";
        return row;
    }
    row.local = s->local;
    if (s->udp) {
        row.role = Role::Udp;
        row.kernelRecvQueue = s->recvQueue;
        row.kernelSendQueue = s->sendQueue;
    } else if (s->state == TCP_LISTEN) {
        // inet_diag gives a listener's accept queue in rqueue and its backlog in wqueue.
        row.role = Role::Listener;
        row.acceptQueue = s->recvQueue;
        row.acceptBacklog = s->sendQueue;
    } else {
        row.role = Role::Connection;
        row.peer = s->peer;
        row.kernelRecvQueue = s->recvQueue;
        row.kernelSendQueue = s->sendQueue;
        if (s->state == TCP_CLOSE_WAIT)
            row.state = ConnState::HalfClosed;  // the peer sent FIN; the program has not closed
        else if (s->state != TCP_ESTABLISHED)
            row.state = ConnState::Closing;
    }
    return row;
}

}  // namespace

bool socketTable(pid_t pid, std::vector<DescriptorInfo>* rows, std::string* error) {
    rows->clear();
    std::vector<std::pair<int32_t, uint64_t>> inodes;
    if (!socketInodes(pid, &inodes, error))
        return false;
    if (inodes.empty())
        return true;
    const int netlink = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (netlink < 0) {
        *error = std::string("sock_diag: ") + std::strerror(errno);
        return false;
    }
    std::unordered_map<uint64_t, KernelSocket> sockets;
    bool ok = true;
    for (int family : {AF_INET, AF_INET6})
        for (int protocol : {IPPROTO_TCP, IPPROTO_UDP})
            ok = ok && dump(netlink, family, protocol, &sockets, error);
    ::close(netlink);
    if (!ok)
        return false;
    rows->reserve(inodes.size());
    for (const auto& [fd, inode] : inodes) {
        const auto found = sockets.find(inode);
        rows->push_back(rowFor(fd, inode, found == sockets.end() ? nullptr : &found->second));
    }
    return true;
}

}  // namespace ss::tracer
