#include "poll_poller.h"

#ifndef _WIN32

#include "clock.h"

namespace ss {

namespace {

short toEvents(uint8_t interest) {
    short events = 0;
    if (interest & kRead)
        events |= POLLIN;
    if (interest & kWrite)
        events |= POLLOUT;
    if (interest & kExcept)
        events |= POLLPRI;
    return events;
}

uint8_t toReady(short revents) {
    uint8_t ready = 0;
    if (revents & POLLIN)
        ready |= kRead;
    if (revents & POLLOUT)
        ready |= kWrite;
    if (revents & POLLPRI)
        ready |= kExcept;
    if (revents & POLLHUP)
        ready |= kHangup | kRead;
    if (revents & POLLERR)
        ready |= kError | kRead;
    if (revents & POLLNVAL)
        ready |= kError;
    return ready;
}

void pushIf(std::vector<int32_t>& list, bool condition, int fd) {
    if (condition)
        list.push_back(fd);
}

}  // namespace

bool PollPoller::add(NativeSocket fd, uint8_t interest, std::string* error) {
    if (m_index.count(fd)) {
        if (error)
            *error = "fd " + std::to_string(fd) + " is already watched";
        return false;
    }
    m_index.emplace(fd, m_fds.size());
    m_fds.push_back(pollfd{fd, toEvents(interest), 0});
    return true;
}

bool PollPoller::modify(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = m_index.find(fd);
    if (it == m_index.end()) {
        if (error)
            *error = "fd " + std::to_string(fd) + " is not watched";
        return false;
    }
    m_fds[it->second].events = toEvents(interest);
    return true;
}

void PollPoller::remove(NativeSocket fd) {
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

void PollPoller::recordInput(CallDraft* draft) const {
    for (const pollfd& p : m_fds) {
        pushIf(draft->inRead, p.events & POLLIN, p.fd);
        pushIf(draft->inWrite, p.events & POLLOUT, p.fd);
        pushIf(draft->inExcept, p.events & POLLPRI, p.fd);
    }
}

// poll() returns the number of entries with a non-zero revents, so the scan stops once it has
// seen that many.
void PollPoller::collect(int ready, std::vector<PollEvent>& out, CallDraft* draft) const {
    for (size_t i = 0; i < m_fds.size() && ready > 0; ++i) {
        const pollfd& p = m_fds[i];
        if (!p.revents)
            continue;
        --ready;
        out.push_back(PollEvent{p.fd, toReady(p.revents)});
        if (!draft)
            continue;
        pushIf(draft->readyRead, p.revents & POLLIN, p.fd);
        pushIf(draft->readyWrite, p.revents & POLLOUT, p.fd);
        pushIf(draft->readyExcept, p.revents & POLLPRI, p.fd);
        pushIf(draft->readyHangup, p.revents & POLLHUP, p.fd);
        pushIf(draft->readyError, p.revents & (POLLERR | POLLNVAL), p.fd);
    }
}

int PollPoller::wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) {
    out.clear();
    if (draft) {
        draft->clear();
        recordInput(draft);
        draft->timeoutMs = timeoutMs;
        draft->startNs = monotonicNs();
    }
    int ret = ::poll(m_fds.data(), static_cast<nfds_t>(m_fds.size()), timeoutMs);
    int code = ret < 0 ? lastSocketError() : 0;
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

#endif  // !_WIN32
