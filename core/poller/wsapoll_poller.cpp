#include "wsapoll_poller.h"

#ifdef _WIN32

#include "clock.h"

namespace ss {

namespace {

SHORT toEvents(uint8_t interest) {
    SHORT events = 0;
    if (interest & kRead)
        events |= POLLRDNORM;
    if (interest & kWrite)
        events |= POLLWRNORM;
    if (interest & kExcept)
        events |= POLLRDBAND;
    return events;
}

uint8_t toReady(SHORT revents) {
    uint8_t ready = 0;
    if (revents & POLLRDNORM)
        ready |= kRead;
    if (revents & POLLWRNORM)
        ready |= kWrite;
    if (revents & POLLRDBAND)
        ready |= kExcept;
    if (revents & POLLHUP)
        ready |= kHangup | kRead;
    if (revents & POLLERR)
        ready |= kError | kRead;
    if (revents & POLLNVAL)
        ready |= kError;
    return ready;
}

void pushIf(std::vector<int32_t>& list, bool condition, SOCKET fd) {
    if (condition)
        list.push_back(fdNumber(fd));
}

}  // namespace

bool WsaPollPoller::add(NativeSocket fd, uint8_t interest, std::string* error) {
    if (m_index.count(fd)) {
        if (error)
            *error = "socket " + std::to_string(fdNumber(fd)) + " is already watched";
        return false;
    }
    m_index.emplace(fd, m_fds.size());
    WSAPOLLFD entry{};
    entry.fd = fd;
    entry.events = toEvents(interest);
    m_fds.push_back(entry);
    return true;
}

bool WsaPollPoller::modify(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = m_index.find(fd);
    if (it == m_index.end()) {
        if (error)
            *error = "socket " + std::to_string(fdNumber(fd)) + " is not watched";
        return false;
    }
    m_fds[it->second].events = toEvents(interest);
    return true;
}

void WsaPollPoller::remove(NativeSocket fd) {
    auto it = m_index.find(fd);
    if (it == m_index.end())
        return;
    size_t hole = it->second;
    m_index.erase(it);
    if (hole != m_fds.size() - 1) {
        m_fds[hole] = m_fds.back();
        m_index[m_fds[hole].fd] = hole;
    }
    m_fds.pop_back();
}

void WsaPollPoller::recordInput(CallDraft* draft) const {
    for (const WSAPOLLFD& p : m_fds) {
        pushIf(draft->inRead, p.events & POLLRDNORM, p.fd);
        pushIf(draft->inWrite, p.events & POLLWRNORM, p.fd);
        pushIf(draft->inExcept, p.events & POLLRDBAND, p.fd);
    }
}

// WSAPoll returns the number of entries with a non-zero revents; the scan stops after that many.
void WsaPollPoller::collect(int ready, std::vector<PollEvent>& out, CallDraft* draft) const {
    for (size_t i = 0; i < m_fds.size() && ready > 0; ++i) {
        const WSAPOLLFD& p = m_fds[i];
        if (!p.revents)
            continue;
        --ready;
        out.push_back(PollEvent{p.fd, toReady(p.revents)});
        if (!draft)
            continue;
        pushIf(draft->readyRead, p.revents & POLLRDNORM, p.fd);
        pushIf(draft->readyWrite, p.revents & POLLWRNORM, p.fd);
        pushIf(draft->readyExcept, p.revents & POLLRDBAND, p.fd);
        pushIf(draft->readyHangup, p.revents & POLLHUP, p.fd);
        pushIf(draft->readyError, p.revents & (POLLERR | POLLNVAL), p.fd);
    }
}

int WsaPollPoller::wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) {
    out.clear();
    if (draft) {
        draft->clear();
        recordInput(draft);
        draft->timeoutMs = timeoutMs;
        draft->startNs = monotonicNs();
    }
    int ret = ::WSAPoll(m_fds.data(), static_cast<ULONG>(m_fds.size()), timeoutMs);
    int code = ret == SOCKET_ERROR ? WSAGetLastError() : 0;
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

#endif  // _WIN32
