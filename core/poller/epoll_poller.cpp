#include "epoll_poller.h"

#ifdef __linux__

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "clock.h"

namespace ss {

namespace {

uint32_t toEvents(uint8_t interest) {
    uint32_t events = 0;
    if (interest & kRead)
        events |= EPOLLIN;
    if (interest & kWrite)
        events |= EPOLLOUT;
    if (interest & kExcept)
        events |= EPOLLPRI;
    return events;
}

uint8_t toReady(uint32_t events) {
    uint8_t ready = 0;
    if (events & EPOLLIN)
        ready |= kRead;
    if (events & EPOLLOUT)
        ready |= kWrite;
    if (events & EPOLLPRI)
        ready |= kExcept;
    if (events & EPOLLHUP)
        ready |= kHangup | kRead;
    if (events & EPOLLERR)
        ready |= kError | kRead;
    return ready;
}

void pushIf(std::vector<int32_t>& list, bool condition, int fd) {
    if (condition)
        list.push_back(fd);
}

}  // namespace

std::unique_ptr<Poller> EpollPoller::create(std::string* error) {
    int epfd = ::epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        if (error)
            *error = "epoll_create1 failed: " + socketErrorText(errno);
        return nullptr;
    }
    return std::unique_ptr<Poller>(new EpollPoller(epfd));
}

EpollPoller::~EpollPoller() {
    ::close(m_epfd);
}

std::vector<EpollPoller::Entry>::iterator EpollPoller::lowerBound(int fd) {
    return std::lower_bound(m_entries.begin(), m_entries.end(), fd,
                            [](const Entry& e, int v) { return e.fd < v; });
}

bool EpollPoller::control(int op, int fd, uint8_t interest, std::string* error) {
    epoll_event ev{};
    ev.events = toEvents(interest);
    ev.data.fd = fd;
    if (::epoll_ctl(m_epfd, op, fd, &ev) == 0)
        return true;
    if (error)
        *error = "epoll_ctl(fd " + std::to_string(fd) + ") failed: " + socketErrorText(errno);
    return false;
}

bool EpollPoller::add(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = lowerBound(fd);
    if (it != m_entries.end() && it->fd == fd) {
        if (error)
            *error = "fd " + std::to_string(fd) + " is already watched";
        return false;
    }
    if (!control(EPOLL_CTL_ADD, fd, interest, error))
        return false;
    m_entries.insert(it, Entry{fd, interest});
    if (m_events.size() < m_entries.size())
        m_events.resize(m_entries.size() * 2);
    return true;
}

bool EpollPoller::modify(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = lowerBound(fd);
    if (it == m_entries.end() || it->fd != fd) {
        if (error)
            *error = "fd " + std::to_string(fd) + " is not watched";
        return false;
    }
    if (it->interest == interest)
        return true;  // the point of keeping our own copy
    if (!control(EPOLL_CTL_MOD, fd, interest, error))
        return false;
    it->interest = interest;
    return true;
}

void EpollPoller::remove(NativeSocket fd) {
    auto it = lowerBound(fd);
    if (it == m_entries.end() || it->fd != fd)
        return;
    // Fails with EBADF if the caller already closed fd; the kernel then dropped it itself
    // (unless a dup() keeps the file open, which is why remove must come before close).
    control(EPOLL_CTL_DEL, fd, 0, nullptr);
    m_entries.erase(it);
}

void EpollPoller::recordInput(CallDraft* draft) const {
    for (const Entry& e : m_entries) {
        pushIf(draft->inRead, e.interest & kRead, e.fd);
        pushIf(draft->inWrite, e.interest & kWrite, e.fd);
        pushIf(draft->inExcept, e.interest & kExcept, e.fd);
    }
}

void EpollPoller::collect(int count, std::vector<PollEvent>& out, CallDraft* draft) const {
    for (int i = 0; i < count; ++i) {
        const epoll_event& ev = m_events[static_cast<size_t>(i)];
        int fd = ev.data.fd;
        out.push_back(PollEvent{fd, toReady(ev.events)});
        if (!draft)
            continue;
        pushIf(draft->readyRead, ev.events & EPOLLIN, fd);
        pushIf(draft->readyWrite, ev.events & EPOLLOUT, fd);
        pushIf(draft->readyExcept, ev.events & EPOLLPRI, fd);
        pushIf(draft->readyHangup, ev.events & EPOLLHUP, fd);
        pushIf(draft->readyError, ev.events & EPOLLERR, fd);
    }
}

int EpollPoller::wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) {
    out.clear();
    if (m_events.empty())
        m_events.resize(1);  // maxevents must be > 0 even with nothing watched
    if (draft) {
        draft->clear();
        recordInput(draft);
        draft->timeoutMs = timeoutMs;
        draft->startNs = monotonicNs();
    }
    int ret = ::epoll_wait(m_epfd, m_events.data(), static_cast<int>(m_events.size()), timeoutMs);
    int code = ret < 0 ? errno : 0;
    if (draft) {
        draft->durationNs = monotonicNs() - draft->startNs;
        draft->ret = ret;
        draft->err = code;
    }
    if (err)
        *err = code;
    if (ret > 0)
        collect(ret, out, draft);
    return ret;
}

}  // namespace ss

#endif  // __linux__
