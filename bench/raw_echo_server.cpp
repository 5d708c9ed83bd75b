// SPDX-License-Identifier: GPL-3.0-or-later
// The reference echo server the engine is measured against: the plainest honest multiplexed
// server for each backend, written the way a careful C programmer would, with nothing else in it.
// Non-blocking sockets, level-triggered readiness, one read of up to 64 KiB per ready socket, the
// bytes written straight back; only a short write queues the rest and asks for write readiness.
// It runs until SIGINT or SIGTERM and then prints one JSON line with its own CPU time:
//   {"backend":"epoll","cpu_user_us":...,"cpu_sys_us":...,"bytes":...}
//
//   raw_echo_server --backend select|poll|epoll [--port 9000] [--host 127.0.0.1]

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#ifdef __linux__
#include <sys/epoll.h>
#endif

namespace {

constexpr size_t kReadBuffer = 64 * 1024;
// A finite wait closes the gap between checking the stop flag and blocking; under load the
// wait returns long before this, so it costs nothing that the benchmark measures.
constexpr int kWaitMs = 100;

volatile std::sig_atomic_t g_stop = 0;
unsigned long long g_bytes = 0;  // bytes echoed back

void onSignal(int) {
    g_stop = 1;
}

struct Client {
    bool open = false;
    std::vector<char> pending;  // only what a short write left behind
    size_t pendingOffset = 0;
};

std::vector<Client> g_clients;  // indexed by descriptor
char g_buffer[kReadBuffer];

bool setNonBlocking(int fd) {
    return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK) == 0;
}

int listenOn(const char* host, int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1 ||
        bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(fd, SOMAXCONN) != 0 || !setNonBlocking(fd)) {
        std::perror("raw_echo_server: listen");
        std::exit(1);
    }
    return fd;
}

// Accepts every pending connection; returns the new descriptors through `added`.
void acceptAll(int listener, size_t limit, std::vector<int>* added) {
    for (;;) {
        int fd = accept(listener, nullptr, nullptr);
        if (fd < 0)
            return;  // EAGAIN, or an error we simply retry on the next readiness
        if (static_cast<size_t>(fd) >= limit || !setNonBlocking(fd)) {
            close(fd);  // select() cannot watch it: refuse rather than write out of bounds
            continue;
        }
        if (g_clients.size() <= static_cast<size_t>(fd))
            g_clients.resize(fd + 1);
        g_clients[fd] = Client{true, {}, 0};
        added->push_back(fd);
    }
}

void closeClient(int fd) {
    close(fd);
    g_clients[fd] = Client{};
}

// Writes what is queued; returns false when the connection failed.
bool flushPending(int fd) {
    Client& c = g_clients[fd];
    while (c.pendingOffset < c.pending.size()) {
        ssize_t n = send(fd, c.pending.data() + c.pendingOffset, c.pending.size() - c.pendingOffset,
                         MSG_NOSIGNAL);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        c.pendingOffset += static_cast<size_t>(n);
        g_bytes += static_cast<unsigned long long>(n);
    }
    c.pending.clear();
    c.pendingOffset = 0;
    return true;
}

// One read, written straight back. Returns false when the connection is finished.
bool echoOnce(int fd) {
    ssize_t n = recv(fd, g_buffer, sizeof g_buffer, 0);
    if (n == 0)
        return false;
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    Client& c = g_clients[fd];
    if (!c.pending.empty()) {  // keep the byte order: new data goes behind the queue
        c.pending.insert(c.pending.end(), g_buffer, g_buffer + n);
        return flushPending(fd);
    }
    ssize_t w = send(fd, g_buffer, static_cast<size_t>(n), MSG_NOSIGNAL);
    if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
        return false;
    if (w < 0)
        w = 0;
    g_bytes += static_cast<unsigned long long>(w);
    if (w < n)
        c.pending.assign(g_buffer + w, g_buffer + n);
    return true;
}

bool wantsWrite(int fd) {
    return !g_clients[fd].pending.empty();
}

void runSelect(int listener) {
    fd_set readMaster, writeMaster;
    FD_ZERO(&readMaster);
    FD_ZERO(&writeMaster);
    FD_SET(listener, &readMaster);
    int maxFd = listener;
    std::vector<int> added;
    while (!g_stop) {
        fd_set readSet = readMaster, writeSet = writeMaster;  // the kernel overwrites its input
        timeval tv{0, kWaitMs * 1000};
        if (select(maxFd + 1, &readSet, &writeSet, nullptr, &tv) <= 0)
            continue;
        for (int fd = 0; fd <= maxFd; ++fd) {
            if (fd == listener || !g_clients[fd].open)
                continue;
            bool ok = true;
            if (FD_ISSET(fd, &readSet))
                ok = echoOnce(fd);
            if (ok && FD_ISSET(fd, &writeSet))
                ok = flushPending(fd);
            if (!ok) {
                FD_CLR(fd, &readMaster);
                FD_CLR(fd, &writeMaster);
                closeClient(fd);
            } else if (wantsWrite(fd)) {
                FD_SET(fd, &writeMaster);
            } else {
                FD_CLR(fd, &writeMaster);
            }
        }
        if (FD_ISSET(listener, &readSet)) {
            added.clear();
            acceptAll(listener, FD_SETSIZE, &added);
            for (int fd : added) {
                FD_SET(fd, &readMaster);
                if (fd > maxFd)
                    maxFd = fd;
            }
        }
    }
}

void runPoll(int listener) {
    std::vector<pollfd> fds{{listener, POLLIN, 0}};
    std::vector<int> added;
    while (!g_stop) {
        if (poll(fds.data(), fds.size(), kWaitMs) <= 0)
            continue;
        const size_t count = fds.size();
        for (size_t i = 1; i < count; ++i) {
            const int fd = fds[i].fd;
            const short ev = fds[i].revents;
            bool ok = true;
            if (ev & (POLLIN | POLLERR | POLLHUP))
                ok = echoOnce(fd);
            if (ok && (ev & POLLOUT))
                ok = flushPending(fd);
            if (!ok) {
                closeClient(fd);
                fds[i].fd = -1;  // compacted below, after the scan
            } else {
                fds[i].events = wantsWrite(fd) ? (POLLIN | POLLOUT) : POLLIN;
            }
        }
        // Keep the array dense: drop closed entries in one pass.
        size_t keep = 1;
        for (size_t i = 1; i < count; ++i)
            if (fds[i].fd >= 0)
                fds[keep++] = fds[i];
        fds.resize(keep);
        if (fds[0].revents & POLLIN) {
            added.clear();
            acceptAll(listener, static_cast<size_t>(-1), &added);
            for (int fd : added)
                fds.push_back({fd, POLLIN, 0});
        }
    }
}

#ifdef __linux__
void runEpoll(int listener) {
    const int ep = epoll_create1(0);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listener;
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    std::vector<epoll_event> ready(1024);
    std::vector<int> added;
    while (!g_stop) {
        const int n = epoll_wait(ep, ready.data(), static_cast<int>(ready.size()), kWaitMs);
        for (int i = 0; i < n; ++i) {
            const int fd = ready[i].data.fd;
            const uint32_t e = ready[i].events;
            if (fd == listener) {
                added.clear();
                acceptAll(listener, static_cast<size_t>(-1), &added);
                for (int a : added) {
                    epoll_event add{};
                    add.events = EPOLLIN;
                    add.data.fd = a;
                    epoll_ctl(ep, EPOLL_CTL_ADD, a, &add);
                }
                continue;
            }
            const bool hadWrite = wantsWrite(fd);
            bool ok = true;
            if (e & (EPOLLIN | EPOLLERR | EPOLLHUP))
                ok = echoOnce(fd);
            if (ok && (e & EPOLLOUT))
                ok = flushPending(fd);
            if (!ok) {
                closeClient(fd);  // close() removes it from the epoll set
            } else if (wantsWrite(fd) != hadWrite) {
                epoll_event mod{};  // change interest only when it actually changes
                mod.events = wantsWrite(fd) ? (EPOLLIN | EPOLLOUT) : EPOLLIN;
                mod.data.fd = fd;
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &mod);
            }
        }
    }
    close(ep);
}
#endif

long long microseconds(const timeval& tv) {
    return tv.tv_sec * 1000000LL + tv.tv_usec;
}

void usage() {
    std::fprintf(stderr,
                 "usage: raw_echo_server --backend select|poll|epoll [--port P] [--host H]\n");
    std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    std::string backend, host = "127.0.0.1";
    int port = 9000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--backend")
            backend = argv[i + 1];
        else if (key == "--port")
            port = std::atoi(argv[i + 1]);
        else if (key == "--host")
            host = argv[i + 1];
        else
            usage();
    }
    if (argc % 2 == 0)
        usage();

    struct sigaction sa {};
    sa.sa_handler = onSignal;  // no SA_RESTART: the wait returns EINTR and the loop ends
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    const int listener = listenOn(host.c_str(), port);
    g_clients.resize(static_cast<size_t>(listener) + 1);
    if (backend == "select")
        runSelect(listener);
    else if (backend == "poll")
        runPoll(listener);
#ifdef __linux__
    else if (backend == "epoll")
        runEpoll(listener);
#endif
    else
        usage();

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("{\"backend\":\"%s\",\"cpu_user_us\":%lld,\"cpu_sys_us\":%lld,\"bytes\":%llu}\n",
                backend.c_str(), microseconds(ru.ru_utime), microseconds(ru.ru_stime), g_bytes);
    return 0;
}
