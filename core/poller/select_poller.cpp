#include "select_poller.h"

#include <algorithm>

#include "clock.h"

#ifndef _WIN32
#include <sys/time.h>
#endif

namespace ss {

namespace {

// The kernel overwrites the sets it is given, so each call works on a copy of the masters. On
// Windows only the used part of the counted array is copied (a full fd_set is 8 KiB there).
void copySet(fd_set& dst, const fd_set& src) {
#ifdef _WIN32
    dst.fd_count = src.fd_count;
    std::copy(src.fd_array, src.fd_array + src.fd_count, dst.fd_array);
#else
    dst = src;
#endif
}

// Winsock wants every set it is given to hold at least one socket, so an empty set goes in as
// NULL there. POSIX takes an empty set as it is.
fd_set* passed(fd_set& set) {
#ifdef _WIN32
    return set.fd_count > 0 ? &set : nullptr;
#else
    return &set;
#endif
}

void pushIf(std::vector<int32_t>& list, bool condition, NativeSocket fd) {
    if (condition)
        list.push_back(fdNumber(fd));
}

}  // namespace

SelectPoller::SelectPoller() {
    FD_ZERO(&m_read);
    FD_ZERO(&m_write);
    FD_ZERO(&m_except);
    FD_ZERO(&m_workRead);
    FD_ZERO(&m_workWrite);
    FD_ZERO(&m_workExcept);
}

int SelectPoller::descriptorLimit() const {
#ifdef _WIN32
    return 0;  // a count limit, enforced in add(); SOCKET values themselves are unbounded
#else
    return FD_SETSIZE;
#endif
}

std::vector<SelectPoller::Entry>::iterator SelectPoller::find(NativeSocket fd) {
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), fd,
                               [](const Entry& e, NativeSocket v) { return e.fd < v; });
    return (it != m_entries.end() && it->fd == fd) ? it : m_entries.end();
}

bool SelectPoller::fits(NativeSocket fd, std::string* error) const {
#ifdef _WIN32
    if (m_entries.size() < FD_SETSIZE)
        return true;
    if (error)
        *error = "socket " + std::to_string(fdNumber(fd)) + " would be socket number " +
                 std::to_string(m_entries.size() + 1) + " > FD_SETSIZE (" +
                 std::to_string(FD_SETSIZE) + "): select() cannot watch it";
#else
    if (fd >= 0 && fd < FD_SETSIZE)
        return true;
    if (error && fd < 0)
        *error = "fd " + std::to_string(fd) + " is not a valid descriptor";
    else if (error)
        *error = "fd " + std::to_string(fd) + " >= FD_SETSIZE (" + std::to_string(FD_SETSIZE) +
                 "): select() cannot watch it";
#endif
    return false;
}

// Only called for descriptors that passed fits(), so FD_SET/FD_CLR stay inside the sets.
void SelectPoller::applyInterest(NativeSocket fd, uint8_t interest) {
    FD_CLR(fd, &m_read);
    FD_CLR(fd, &m_write);
    FD_CLR(fd, &m_except);
    if (interest & kRead)
        FD_SET(fd, &m_read);
    if (interest & kWrite)
        FD_SET(fd, &m_write);
    if (interest & kExcept)
        FD_SET(fd, &m_except);
}

bool SelectPoller::add(NativeSocket fd, uint8_t interest, std::string* error) {
    if (!fits(fd, error))
        return false;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), fd,
                               [](const Entry& e, NativeSocket v) { return e.fd < v; });
    if (it != m_entries.end() && it->fd == fd) {
        if (error)
            *error = "fd " + std::to_string(fdNumber(fd)) + " is already watched";
        return false;
    }
    m_entries.insert(it, Entry{fd, interest, 0});
    applyInterest(fd, interest);
    return true;
}

bool SelectPoller::modify(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = find(fd);
    if (it == m_entries.end()) {
        if (error)
            *error = "fd " + std::to_string(fdNumber(fd)) + " is not watched";
        return false;
    }
    if (it->interest == interest)
        return true;
    it->interest = interest;
    applyInterest(fd, interest);
    return true;
}

void SelectPoller::remove(NativeSocket fd) {
    auto it = find(fd);
    if (it == m_entries.end())
        return;
    applyInterest(fd, 0);
    m_entries.erase(it);
}

void SelectPoller::recordInput(CallDraft* draft) const {
    for (const Entry& e : m_entries) {
        pushIf(draft->inRead, e.interest & kRead, e.fd);
        pushIf(draft->inWrite, e.interest & kWrite, e.fd);
        pushIf(draft->inExcept, e.interest & kExcept, e.fd);
    }
}

#ifdef _WIN32
// FD_ISSET is a linear search on Windows; walking the short returned array and binary-searching
// the entries is O(ready * log n) instead of O(n^2). The bits land in each entry's scratch field.
void SelectPoller::markReady(const fd_set& set, uint8_t bit) {
    for (u_int i = 0; i < set.fd_count; ++i) {
        auto it = find(set.fd_array[i]);
        if (it != m_entries.end())
            it->ready |= bit;
    }
}
#endif

uint8_t SelectPoller::readyBits(const Entry& e) const {
#ifdef _WIN32
    return e.ready;
#else
    uint8_t bits = 0;
    if ((e.interest & kRead) && FD_ISSET(e.fd, &m_workRead))
        bits |= kRead;
    if ((e.interest & kWrite) && FD_ISSET(e.fd, &m_workWrite))
        bits |= kWrite;
    if ((e.interest & kExcept) && FD_ISSET(e.fd, &m_workExcept))
        bits |= kExcept;
    return bits;
#endif
}

void SelectPoller::collect(std::vector<PollEvent>& out, CallDraft* draft) {
#ifdef _WIN32
    for (Entry& e : m_entries)
        e.ready = 0;
    markReady(m_workRead, kRead);
    markReady(m_workWrite, kWrite);
    markReady(m_workExcept, kExcept);
#endif
    for (Entry& e : m_entries) {
        uint8_t ready = readyBits(e);
        if (!ready)
            continue;
        out.push_back(PollEvent{e.fd, ready});
        if (!draft)
            continue;
        pushIf(draft->readyRead, ready & kRead, e.fd);
        pushIf(draft->readyWrite, ready & kWrite, e.fd);
        pushIf(draft->readyExcept, ready & kExcept, e.fd);
    }
}

int SelectPoller::wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) {
    out.clear();
    copySet(m_workRead, m_read);
    copySet(m_workWrite, m_write);
    copySet(m_workExcept, m_except);
    timeval tv{};
    tv.tv_sec = timeoutMs / 1000;
    tv.tv_usec = (timeoutMs % 1000) * 1000;
    timeval* tvp = timeoutMs < 0 ? nullptr : &tv;
    // nfds is ignored on Windows; on POSIX it is the highest watched fd + 1.
    int nfds = m_entries.empty() ? 0 : fdNumber(m_entries.back().fd) + 1;
    if (draft) {
        draft->clear();
        recordInput(draft);
        draft->timeoutMs = timeoutMs;
        draft->startNs = monotonicNs();
    }
    int ret = ::select(nfds, passed(m_workRead), passed(m_workWrite), passed(m_workExcept), tvp);
    int code = ret < 0 ? lastSocketError() : 0;
    if (draft) {
        draft->durationNs = monotonicNs() - draft->startNs;
        draft->ret = ret;
        draft->err = code;
    }
    if (err)
        *err = code;
    if (ret > 0)
        collect(out, draft);
    return ret;
}

}  // namespace ss
